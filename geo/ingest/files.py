"""Safe writes for propose and accept: one run per data folder at a time, whole files renamed into place."""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from geo.errors import DataError

LOCK_NAME = ".xj-ingest.lock"
# Temporary files sit beside their target (so the rename is atomic) and say who made them.
TEMP_SUFFIX = ".xj-tmp"
SCRATCH_PREFIX = "xj-accept-"
# How long a second run waits for the first before refusing; a run takes seconds, so minutes is ample.
LOCK_WAIT_SECONDS = float(os.environ.get("XJ_LOCK_WAIT", "300"))


def _one_line(path: Path, exc: OSError, what: str) -> DataError:
    reason = exc.strerror or str(exc)
    hint = ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        hint = " (free some disk space and run it again)"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = " (check the folder's permissions)"
    return DataError(f"{path}: cannot {what}: {reason}{hint}; every file left unchanged.")


@contextmanager
def data_lock(data_dir: Path, wait: float | None = None) -> Iterator[Path]:
    """Hold the data folder's lock (``fcntl.flock`` on a lock file in it) for the ``with`` block.

    A second run says once on stderr that it waits, then waits up to ``wait`` seconds (default
    ``XJ_LOCK_WAIT`` or 300) and refuses with one line. The lock file is removed on release; a run
    that got the lock checks it still holds the file at that path (a releasing run may have just
    removed it) and tries again if not. The kernel drops a killed run's lock.

    Raises
    ------
    DataError
        If the folder cannot hold a lock file, or another run holds the lock for longer than ``wait``.
    """
    data_dir = Path(data_dir)
    path = data_dir / LOCK_NAME
    deadline = time.monotonic() + (LOCK_WAIT_SECONDS if wait is None else wait)
    told = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise _one_line(path, exc, "create the lock file") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if not told:
                print(f"{data_dir}: another propose or accept is running; waiting for it.", file=sys.stderr, flush=True)
                told = True
            if time.monotonic() > deadline:
                msg = f"{data_dir}: another propose or accept still holds {path}; nothing written, try again later."
                raise DataError(msg) from None
            time.sleep(0.05)  # polling a lock, not waiting for time to pass
            continue
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the file was removed by the run that released it: lock the new one
    try:
        _sweep(data_dir)
        yield path
    finally:
        with suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _sweep(data_dir: Path) -> None:
    """Remove what killed runs left: temp files in the data folder, scratch copies whose process is gone."""
    for leftover in data_dir.glob(f".*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)
    for scratch in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        match = re.match(re.escape(SCRATCH_PREFIX) + r"(\d+)-", scratch.name)
        if match and scratch.is_dir() and not _alive(int(match.group(1))):
            shutil.rmtree(scratch, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def scratch_dir() -> Iterator[Path]:
    """A scratch folder named for this process, removed on exit (and by a later run if this one is killed)."""
    path = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _stage(path: Path, text: str) -> Path:
    """Write ``text`` to a temporary file beside ``path``, flushed to disk; removed again if that fails."""
    data = text.encode("utf-8")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    temp = Path(name)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    if path.exists():
        shutil.copymode(path, temp)
    return temp


def replace_files(changes: list[tuple[Path, str]]) -> None:
    """Write each (path, text) whole or not at all: all are staged first, then renamed into place.

    Raises
    ------
    DataError
        One line naming the file, when a file cannot be written (disk full, no permission); every
        file is then as it was and no temporary file is left.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in changes:
            try:
                staged.append((_stage(Path(path), text), Path(path)))
            except OSError as exc:
                raise _one_line(Path(path), exc, "write") from None
        for temp, path in staged:
            try:
                os.replace(temp, path)
            except OSError as exc:
                raise _one_line(path, exc, "replace") from None
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)


def os_error(path: Path, exc: OSError, what: str = "read or write") -> DataError:
    """An OSError met on ``path`` as a one-line DataError (for errors outside replace_files)."""
    return _one_line(Path(exc.filename) if exc.filename else path, exc, what)
