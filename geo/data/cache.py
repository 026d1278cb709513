"""A validated dataset's frames kept as (Geo)Parquet, keyed by the bytes of every input file and the code."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable, Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import settings

FORMAT = 1  # bump when the files' layout changes
# Code whose change may change what a load returns or accepts: a new version misses every old entry.
_CODE = sorted((settings.PACKAGE_DIR / "data").glob("*.py")) + [
    settings.PACKAGE_DIR / "settings.py",
    settings.PACKAGE_DIR / "errors.py",
]
_LIBRARIES = ("pandas", "geopandas", "shapely", "pyarrow", "numpy", "jsonschema", "pyogrio")
_MANIFEST = "manifest.json"


def key(files: Iterable[Path]) -> str | None:
    """A digest of every input file's bytes (and names), the code and the libraries; None if a file is unreadable."""
    digest = hashlib.sha256(f"xj-cache {FORMAT}".encode())
    for path in [*files, *_CODE]:
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None  # the full load reports the missing file
        digest.update(f"\0{Path(path).name}\0{len(data)}\0".encode())
        digest.update(data)
    for library in _LIBRARIES:
        try:
            digest.update(f"\0{library} {version(library)}".encode())
        except PackageNotFoundError:
            digest.update(f"\0{library} -".encode())
    return digest.hexdigest()


def read(folder: Path, entry: str) -> dict[str, pd.DataFrame] | None:
    """The frames stored under ``entry``, or None when there are none or any file fails its digest or reading."""
    where = Path(folder) / entry
    try:
        manifest = json.loads((where / _MANIFEST).read_text(encoding="utf-8"))
        frames = {}
        for name, meta in manifest["frames"].items():
            path = where / f"{name}.parquet"
            if hashlib.sha256(path.read_bytes()).hexdigest() != meta["sha256"]:
                return None  # changed since written: never trusted
            frames[name] = _read_frame(path, meta)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ImportError):
        # Missing, truncated or unreadable (pyarrow's errors are ValueError/OSError): the caller loads in full.
        return None
    return frames


def write(folder: Path, entry: str, frames: Mapping[str, pd.DataFrame]) -> bool:
    """Store validated frames under ``entry`` if they read back exactly as they are; True if stored.

    Written to a temporary folder and renamed, so a reader never sees half an entry; the least recently
    used entries beyond ``settings.CACHE_ENTRIES`` are removed.
    """
    folder = Path(folder)
    staging = folder / f".{entry}.{uuid.uuid4().hex}"
    try:
        staging.mkdir(parents=True)
        manifest = {"format": FORMAT, "frames": {}}
        for name, frame in frames.items():
            path = staging / f"{name}.parquet"
            meta = _write_frame(frame, path)
            meta["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
            # A type Parquet cannot carry as it is (it would come back different) is not cached.
            if not same(_read_frame(path, meta), frame):
                return False
            manifest["frames"][name] = meta
        (staging / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        target = folder / entry
        shutil.rmtree(target, ignore_errors=True)  # a corrupt entry under this key
        os.replace(staging, target)
    except (OSError, ValueError, TypeError, ImportError, OverflowError, NotImplementedError):
        # A read-only folder, or a value pyarrow cannot store (an integer beyond 64 bits, an empty object:
        # pyarrow's ArrowNotImplementedError is a NotImplementedError): served uncached.
        return False
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _prune(folder, settings.CACHE_ENTRIES)
    return True


def touch(folder: Path, entry: str) -> None:
    """Mark an entry as just used, so pruning keeps it."""
    with contextlib.suppress(OSError):  # only the pruning order depends on it
        os.utime(Path(folder) / entry)


def _prune(folder: Path, keep: int) -> None:
    entries = sorted(
        (p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _write_frame(frame: pd.DataFrame, path: Path) -> dict:
    # Lists (modes, sources, aliases...) come back from Parquet as arrays; dtypes as pandas' defaults.
    meta = {
        "geo": isinstance(frame, gpd.GeoDataFrame),
        "dtypes": {str(c): str(t) for c, t in frame.dtypes.items() if c != "geometry"},
        "index": str(frame.index.dtype),
        "lists": [str(c) for c in frame.columns if frame[c].dtype == object and frame[c].map(_is_list).any()],
    }
    frame.to_parquet(path, index=True)
    return meta


def _read_frame(path: Path, meta: dict) -> pd.DataFrame:
    frame = gpd.read_parquet(path) if meta["geo"] else pd.read_parquet(path)
    if str(frame.index.dtype) != meta["index"]:
        frame.index = frame.index.astype(meta["index"])
    for column in meta["lists"]:
        frame[column] = frame[column].map(lambda v: v.tolist() if isinstance(v, np.ndarray) else v)
    for column, dtype in meta["dtypes"].items():
        if str(frame[column].dtype) != dtype:
            frame[column] = frame[column].astype(dtype)
            if dtype == "object":  # missing text stays None, as the load makes it
                frame[column] = frame[column].where(frame[column].notna(), None)
    return frame


def _is_list(value: object) -> bool:
    return isinstance(value, list)


def same(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """Whether two frames hold the same index, columns, dtypes, values (None vs NaN told apart) and geometries."""
    if type(left) is not type(right) or not left.columns.equals(right.columns) or not left.index.equals(right.index):
        return False
    if left.index.dtype != right.index.dtype or list(left.dtypes.astype(str)) != list(right.dtypes.astype(str)):
        return False
    for column in left.columns:
        a, b = left[column], right[column]
        if isinstance(a, gpd.GeoSeries):
            if a.crs != b.crs or list(shapely.to_wkb(a.values)) != list(shapely.to_wkb(b.values)):
                return False
        elif a.dtype == object:
            # Same types value by value (None, NaN, 1, 1.0, a list and an array differ), then same values.
            missing = a.isna()
            if list(map(type, a)) != list(map(type, b)) or not missing.equals(b.isna()):
                return False
            if a[~missing].tolist() != b[~missing].tolist():
                return False
        elif not a.equals(b):
            return False
    return True
