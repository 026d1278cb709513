"""Other romanisations of the data's place names in one article ("Takshiken" for Takeshiken, "Urastai" for Ulastai)."""

from __future__ import annotations

import re

from geo.ingest.entities import Entity, Phrase
from geo.ingest.text import GENERIC, fold, stem, tokens

# Place names come to English through several romanisations (pinyin, Uyghur, Kazakh, Russian), and the data's
# aliases cannot hold them all. A capitalised word of the article one letter away from a place word of the data is
# that place, when the word is long enough that one letter does not make another name (six letters or more).
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{5,}\b")
_SHORTEST = 6
_PAIR = re.compile(r"\b[A-Z][a-z]{1,5} [A-Z][a-z]{3,}\b")


def one_edit(a: str, b: str) -> bool:
    """Whether two different words differ by one letter added, dropped, changed or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])  # fmt: skip
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _root(entity: Entity) -> str:
    return entity.parent or entity.id


def add_spellings(entities: list[Entity], text: str) -> dict[str, str]:
    """Give each entity the article's other spellings of its place words, as more phrases; the spellings found.

    A word counts only if it matches no word of the data's names, starts with the same letter as the place word it
    is close to, and is close to the names of one place only (a port and its members are one place).
    """
    raw_words = {w for e in entities for p in e.phrases for w in p.folded.split()}
    place_raw = {w for w in raw_words if stem(w) not in GENERIC and len(w) >= _SHORTEST and w.isalpha()}
    found: dict[str, str] = {}
    pairs = {m.group(0) for m in _PAIR.finditer(text)}  # "Ala Chankou" for Alashankou: a name split in two
    for word in sorted({m.group(0) for m in _CAPITALISED.finditer(text)} | pairs):
        variant = fold(word).lower().replace(" ", "")
        if (
            variant in raw_words
            or not variant.isalpha()
            or (word in pairs and set(fold(word).lower().split()) & raw_words)
        ):
            continue
        close = {w for w in place_raw if w[0] == variant[0] and one_edit(variant, w)}
        owners = {_root(e) for e in entities for p in e.phrases if close & set(p.folded.split())}
        # "Alashankou" also names zones and a corridor: the place whose own name is that word alone is the one meant
        owners = {_root(e) for e in entities for p in e.phrases if p.folded in close} or owners
        if not close or len(owners) != 1:
            continue
        for entity in entities:
            extra = []
            for phrase in entity.phrases:
                folded = phrase.folded.split()
                if not close & set(folded):
                    continue
                respelled = [fold(word).lower() if w in close else w for w in folded]
                extra.append(Phrase(" ".join(respelled), tokens(" ".join(respelled))))
            entity.phrases += [p for p in extra if p.folded not in {q.folded for q in entity.phrases}]
        found[word] = sorted(close)[0]
    return found


# "the Kashgar Economic Development Zone (KEDZ) ... the Shanghai Service Center at the KEDZ": an abbreviation the
# article defines in brackets after a place's name is that place's name for the rest of it (the data's aliases hold
# the common ones, "FTZ", "CBZ", but a story may coin its own)
_DEFINED = re.compile(r"([A-Z][\w'-]*(?:\s+[A-Z(][\w'()-]*){0,7})\s+\(([A-Z]{2,6})\)")


def add_abbreviations(entities: list[Entity], text: str) -> dict[str, str]:
    """Give a place the abbreviation the article defines for its full name; the abbreviations found, by place id.

    Only a name that ends right before the bracket and is one place's longest phrase counts, and only an abbreviation
    no place already has.
    """
    known = {p.folded for e in entities for p in e.phrases}
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        name, abbreviation = fold(match.group(1)).lower(), match.group(2)
        if abbreviation.lower() in known:
            continue
        ends = [
            (len(p.folded), e) for e in entities for p in e.phrases if name == p.folded or name.endswith(" " + p.folded)
        ]
        longest = max((n for n, _ in ends), default=0)
        owners = {_root(e) for n, e in ends if n == longest}
        if not ends or len(owners) != 1:
            continue
        for _, entity in (item for item in ends if item[0] == longest):
            entity.phrases.append(Phrase(abbreviation.lower(), tokens(abbreviation)))
            found[abbreviation] = entity.id
    return found
