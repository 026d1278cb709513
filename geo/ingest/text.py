"""Article text as sentences and folded, stemmed word tokens (spelling variants merged)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Spellings that name the same place (Kashi is Kashgar's Chinese name) and words that mean the same mode.
_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"free[- ]trade zones?", "ftz"),
    (r"\bkashi\b", "kashgar"),
    (r"\bkhorgo[sz]\b|\bkhorgas\b", "horgos"),
    (r"\bhighways?\b", "road"),
    (r"\brailways?\b", "rail"),
    (r"\bcenter(s?)\b", r"centre\1"),  # "International Center of Boundary Cooperation": the centre's alias
)
# Words that name a kind of place, not a place: a sentence naming only these refers back to an earlier one.
GENERIC = _words(
    "port ports international area areas zone zones subzone subzones center centre rail road airport comprehensive bonded "
    "pilot ftz land trade free side cooperation border boundary line exit via northern southern region autonomous "
    "uygur all three four xinjiang china chinese pass kazakhstan kyrgyzstan uzbekistan tajikistan "
    "pakistan mongolia russia afghanistan india europe asia central economic development west east gate gates"
    # "the dry port of the Khorgos-Eastern Gate zone": a kind of port, though the Urumqi land port's alias holds it
    " dry"
)
_STOP = _words(
    "a an the of and in at on to for from by with as its it their they this that these those is are was "
    "were be been has have had which who s or than more over under nearly about into per up its year "
    "years same"
)
_ABBREVIATIONS = _words("a.m p.m u.s mr ms dr st no e.g i.e vs jan feb mar apr jun jul aug sep sept oct nov dec")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article and the paragraph it belongs to."""

    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Paragraphs are lines; sentences end at . ! ? followed by a capital, except after abbreviations."""
    sentences = []
    for number, line in enumerate(p.strip() for p in text.splitlines()):
        if not line:
            continue
        start = 0
        for match in re.finditer(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])", line):
            word = re.search(r"(\S+)$", line[start : match.start() + 1])
            if word and word.group(1).lower().rstrip(".").lstrip('("“') in _ABBREVIATIONS:
                continue
            sentences.append(Sentence(line[start : match.end()].strip(), number))
            start = match.end()
        if line[start:].strip():
            sentences.append(Sentence(line[start:].strip(), number))
    return sentences


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    for pattern, replacement in _SPELLINGS:
        text = re.sub(pattern, replacement, text)
    return text


def stem(token: str) -> str:
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("ing") and len(token) > 5:
        return token[:-3]
    if token.endswith("ed") and len(token) > 4:
        return token[:-2]
    if token.endswith("es") and len(token) > 4 and token[-3] in "sxz":
        return token[:-2]
    if token.endswith("s") and not token.endswith("ss") and len(token) > 3:
        return token[:-1]
    return token


def tokens(text: str) -> list[str]:
    """Folded, stemmed word tokens: accents and 's dropped, spelling variants merged ("Kashi" -> kashgar)."""
    return [stem(t) for t in re.findall(r"[a-z0-9]+", fold(text)) if t not in _STOP]


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``text[start:end]`` starts and ends: between the commas or semicolons around it.

    "3,055" has no ", " so a figure's own digits never split it.
    """
    first = max(text.rfind(", ", 0, start), text.rfind("; ", 0, start), -1) + 1
    ends = [at for at in (text.find(", ", end), text.find("; ", end)) if at >= 0]
    return first, min(ends) if ends else len(text)
