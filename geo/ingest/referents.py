"""Counts that refer back to things already counted or named ("the two together", "the four lines"): no measure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geo.ingest.numbers import Figure

_DEFINITE = re.compile(r"\b(?:the|these|those|all)\s+$", re.I)
# "the other four Central Asian countries", "The remaining three": the rest of a set the text has in mind
_REST = re.compile(r"\bthe\s+(?:other|remaining)\s+$", re.I)
# "The two together cost", "trade between the two rising by": the count stands for the things, no noun counted
_NO_NOUN = re.compile(
    r"^\s*(?:together|alone|combined|[,.;:)]|(?:are|were|is|was|have|has|had|will|would|rising|falling|growing)\b)",
    re.I,
)


@dataclass
class Referents:
    """The counts an article has written as words so far, so that "the four lines" after "four new railways" is read
    as the same things referred back to."""

    counted: set[int] = field(default_factory=set)

    def doubt(self, sentence: str, figure: Figure) -> str:
        """Why a count written as a word refers back rather than measures, or ""."""
        if figure.unit != "count" or not figure.as_written.isalpha():
            return ""
        before, after = sentence[: figure.start], sentence[figure.end :]
        if _REST.search(before):
            return "the rest of a set referred to ('the other four'), not a measure"
        if _DEFINITE.search(before) and (_NO_NOUN.match(after) or figure.value in self.counted):
            return "a count referred back to ('the two together', 'the four lines'), not a measure"
        return ""

    def note(self, figures: list[Figure]) -> None:
        """Remember the counts written as words in a sentence."""
        self.counted.update(int(f.value) for f in figures if f.unit == "count" and f.as_written.isalpha())
