"""The project's own exceptions."""

from __future__ import annotations

from collections.abc import Iterable

# A problem line longer than this is cut when shown (a cell of megabytes would otherwise fill the page).
LINE_MAX_CHARS = 500


class DataError(ValueError):
    """A data file breaks the project's rules; each problem names file, feature or row, and field.

    ``problems`` holds one line per problem; ``str()`` is every problem, under one "N problems" header
    when there are several, and :meth:`text` can show only the first few.
    """

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems: list[str] = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(self.text())

    def __str__(self) -> str:
        return self.text()

    def __reduce__(self):  # pickled with its problems, not its text
        return (type(self), (self.problems,))

    def text(self, limit: int | None = None) -> str:
        """The problems as lines, the header written once; with ``limit``, the first ``limit`` problems
        (each cut to ``LINE_MAX_CHARS``) and "... and K more problems."."""
        problems = self.problems
        shown = problems if limit is None else [_cut(p) for p in problems[:limit]]
        lines = [f"{len(problems)} problem(s) in the data:", *shown] if len(problems) > 1 else shown
        if len(shown) < len(problems):
            more = len(problems) - len(shown)
            lines.append(f"... and {more:,} more problem{'s' if more > 1 else ''}.")
        return "\n".join(lines)


def _cut(line: str) -> str:
    return line if len(line) <= LINE_MAX_CHARS else line[: LINE_MAX_CHARS - 1] + "…"


class FilterError(ValueError):
    """A filter asks for a value the data cannot hold (for example from a hand-edited link)."""


class AssetError(FileNotFoundError):
    """The map's browser assets (Leaflet) are missing or asked for in an unknown way."""
