"""Pipelines and railway lines between two towns that a figure's clause is about: places the data lacks."""

from __future__ import annotations

import re
from collections.abc import Callable

from geo.ingest.text import clause_span

_NAME = r"[A-Z][\w'\u2019]*"
# a country, a continent or China's own adjectives: "the China-Kazakhstan railway" is a border, which the rules for
# borders and networks place; only a line between two towns is one the data may lack
_COUNTRY = re.compile(
    r"^(?:China|Chinese|Sino|Europe|European|Asia|Central|[A-Z][a-z]+stan|Kazakh|Kazak|Kyrgyz|Tajik|Uzbek|Russia"
    r"|Russian|Mongolia|Mongolian|Pakistan|Iran|Turkey|Türkiye|Trans|Eurasia|New|Silk)$"
)
# "the China-Kazakhstan Pipeline", "the Sino-Kazak oil pipeline", "the China-Central Asia Gas Pipeline", "the
# pipeline": a pipeline is never a place of the data, whatever its ends
_PIPELINE = re.compile(
    rf"\b(?:[Tt]he|[Aa]|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:(?:{_NAME}|newly|new|built|[a-z]+ed|cross-border"
    r"|transnational|[\d.,]+-km)[\s\u2013-]+)*(?:(?:[Cc]rude\s+)?[Oo]il\s+|(?:[Nn]atural\s+)?[Gg]as\s+)?[Pp]ipeline\b(?!s)"
)
# "the Urumqi-Zhundong railway", "the 468.5-km line from Kuitun to Beitun", "the line between Urumqi and Junggar"
_TOWN_LINE = re.compile(
    rf"\b(?P<a>{_NAME})\s*[-\u2013]\s*(?P<b>{_NAME})\s+(?:rail(?:way)?\s+line|railway|rail\s+link)\b(?!s)"
    rf"|\b(?:rail(?:way)?\s+)?line\s+(?:from\s+(?P<c>{_NAME})\s+to|between\s+(?P<d>{_NAME})\s+and)\s+(?P<e>{_NAME})"
)
_ASIDE = re.compile(r",\s*(?:which|that|where)\b[^,;]*,")
_THROUGH = re.compile(r"\b(?:through|via|along|by)\s+(?:\w+\s+)?$")
# a clause that opens with its verb ("..., which links three zones, raised the pairs of trains") has its subject
# before the commas
_VERB_FIRST = re.compile(r"\s*(?:(?:also|now|still|already)\s+)?(?:is|are|was|were|has|have|had|will|[a-z]+ed)\b")


def _lines(text: str) -> list[tuple[int, int, str]]:
    """The pipelines and town-to-town railway lines a text names: (start, end, name), in order."""
    found = [(m.start(), m.end(), " ".join(m.group(0).split())) for m in _PIPELINE.finditer(text)]
    found = [(a, b, name[0].lower() + name[1:]) for a, b, name in found]  # "The ... pipeline" opening a sentence
    for match in _TOWN_LINE.finditer(text):
        ends = [match.group(g) for g in "abcde" if match.group(g)]
        if not any(_COUNTRY.match(end) for end in ends):
            found.append((match.start(), match.end(), " ".join(match.group(0).split())))
    return sorted(found)


def line_subject(
    sentence: str, start: int, figure: tuple[int, int], held_at: list[int], held_line: Callable[[int, int], bool]
) -> str:
    """The line the data lacks that a figure (its start and end) belongs to, if its clause is about one; "" otherwise.

    ``start`` is where the figure's clause starts (an enumeration's clause), ``held_at`` where the sentence names
    places the data holds and ``held_line(a, b)`` whether the data holds a line named at ``sentence[a:b]`` (one that
    ends at a border port, or a corridor). "Oil imports through the China-Kazakhstan Pipeline reached 11.85 million
    tonnes", "the Urumqi-Zhundong railway, which links three zones, raised the pairs of trains from 45 to 53": the
    line's; "..., more than the 1.3 million tons imported through the Alataw Pass" names a place of its own.
    """
    at, end = figure
    clause_start = 0 if start and _VERB_FIRST.match(sentence[start:at]) else start
    clause_end = clause_span(sentence, at, end)[1]
    if any(end <= place < clause_end for place in held_at):
        return ""  # "... imported in all through the Alataw Pass": the clause names a place after the figure
    lines = [line for line in _lines(sentence) if clause_start <= line[0] and line[1] <= at]
    if not lines:
        # "15 million tonnes of natural gas had been delivered through the Central Asia-China gas pipeline": the
        # line the figure went through, after it in its clause
        after = [line for line in _lines(sentence) if end <= line[0] and line[1] <= clause_end]
        if after and _THROUGH.search(sentence[end : after[0][0]]) and not held_line(after[0][0], after[0][1]):
            return after[0][2]
        pipe = next(_PIPELINE.finditer(sentence), None)
        if pipe and not held_at:
            # "130 million tonnes had been delivered to China since the pipeline was commissioned": a sentence that
            # names a pipeline and no place of the data is about the pipeline, wherever it names it
            return next(name for a, _, name in _lines(sentence) if a == pipe.start())
        return ""
    line_start, line_end, name = lines[-1]
    # ("the Central Asia gas pipeline, which enters China at the Horgos port, had delivered ...": an aside on the line)
    asides = [m.span() for m in _ASIDE.finditer(sentence, line_end, at)]
    nearer = [p for p in held_at if line_end <= p < at and not any(a <= p < b for a, b in asides)]
    if held_line(line_start, line_end) or nearer:
        return ""  # a corridor of the data, or a place the data holds nearer the figure
    return name


# "it" or the gas it carries, as a clause's subject: "it is 1883 kilometres long", "It now runs as three lines",
# "From Horgos the gas travels east", "the gas carried each year ... makes up 15%"
_IT = r"(?:[Ii]t|[Tt]he (?:gas|oil|crude)|[Ii]ts (?:gas|oil|crude))"
# "The Central Asia gas pipeline starts on the Turkmen border ... It is 1,833 km long": a sentence that opens with a
# pipeline, or with "it" or its gas (after a clause or "From Horgos": "Starting in the west ..., it crosses"), keeps
# the pipeline as what "it" means
_OPENS_WITH_IT = re.compile(rf"^\s*(?:[^,;.]{{0,80}}?,\s*|(?:[Ff]rom|[Aa]t present|[Nn]ow)\s+(?:\w+\s+)?)?{_IT}\b")
_IT_SUBJECT = re.compile(
    rf"(?:^|[;,]\s*|\band\s+|\b(?:[Ff]rom\s+\w+|[Aa]t present|[Nn]ow)\s+){_IT}\s+"
    r"(?!(?:is|was)\s+(?:expected|said|reported)\b)[a-z]+\b"
)


def line_spoken_of(sentence: str, before: str) -> str:
    """The pipeline a sentence goes on about: the one it opens with, else ``before`` when it opens with "it"; ""."""
    pipe = _PIPELINE.match(sentence.lstrip())
    if pipe:
        return " ".join(pipe.group(0).split()).lower()
    return before if _OPENS_WITH_IT.match(sentence) else ""


def it_is_the_line(sentence: str, figure_start: int, held_at: list[int]) -> bool:
    """Whether the figure's clause has "it" as its subject, with no place the data holds named between them."""
    subjects = [m.end() for m in _IT_SUBJECT.finditer(sentence[:figure_start])]
    return bool(subjects) and not any(subjects[-1] <= place < figure_start for place in held_at)
