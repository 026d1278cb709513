"""Names for measures the vocabulary lacks, made from the measured noun or the words before a figure."""

from __future__ import annotations

import re


def fold_words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9'-]+", " ", text.lower()).split()


def head_noun(after: str) -> str:
    """The counted noun: the last word of the noun phrase after a figure ("freight train routes" -> routes)."""
    words = []
    # "inbound and outbound trains", "entry and exit vehicles": a pair of directions, not two nouns
    after = re.sub(
        r"^\s*(?:inbound and outbound|outbound and inbound|entry and exit|entry-exit)\s+(?=[a-z])",
        " ",
        after,
        flags=re.I,
    )
    for word in fold_words(re.split(r"[,;:(]", after, maxsplit=1)[0]):
        if word in PHRASE_END or (words and word in MOVING):  # "13,400 vehicles entering and leaving": vehicles
            break
        words.append(word)
    return words[-1] if words else ""


# Participles of motion that follow the counted noun and start a clause of their own
MOVING = frozenset(
    str.split(
        "entering leaving exiting crossing passing carrying arriving departing travelling traveling going coming"
        " heading running transporting"
    )
)


# Words that end the counted noun: prepositions, verbs, a period phrase ("1.2 million passengers last year") and a
# path ("500,000 trips into or out of China").
PHRASE_END = frozenset(
    str.split(
        "that which who to from in at on of for by with and or serving reach reaching went leave left among"
        " leaving passed crossed were was are is have has had up down last this during since so into as through across via a per each every"
    )
)


DEFAULT_NAME = {"km2": "area", "m2": "area", "hours": "time_hours", "minutes": "time_minutes"}
VERBS = frozenset(
    [
        "reached",
        "reach",
        "hit",
        "handled",
        "handle",
        "totaled",
        "totalled",
        "stood",
        "was",
        "were",
        "is",
        "are",
        "rose",
        "grew",
        "fell",
        "dropped",
        "declined",
        "decreased",
        "jumped",
        "surged",
        "came",
        "covered",
        "covers",
        "covering",
        "had",
        "has",
        "have",
        "of",
        "to",
        "more",
        "than",
        "over",
        "nearly",
        "about",
        "around",
        "almost",
        "some",
        "under",
        "at",
        "by",
        "with",
        "went",
        "past",
        "passed",
        "exceeded",
        "topped",
        "surpassed",
        "amounted",
    ]
)


_WHEN = re.compile(r"\b(?:last|this|next|previous|past)\s+(?:year|month|week|quarter)\b", re.I)


def new_name(after: str, prefix: str = "", before: str = "", unit: str = "", measured: bool = True) -> str:
    """A snake_case name for a measure the vocabulary lacks: the noun after the figure, else the words before it."""
    head = [w for w in fold_words(re.split(r"[,;:(.]", after, maxsplit=1)[0]) if not re.search(r"\d", w)]
    words: list[str] = []
    for word in head:
        if word in PHRASE_END or word in UNIT_WORDS_DROP:
            break
        words.append(word)
    if unit in {"km2", "m2"}:
        words = [DEFAULT_NAME[unit]]
    if not words and before:
        clause = re.split(r"[,;:(]", before)[-1]
        chunk = re.split(r"\b(?:at|in|of|from|to|for|on|by|with|via)\b", clause, maxsplit=1, flags=re.I)[0]
        chunk = _WHEN.sub(" ", chunk)  # "foreign trade last year came to ...": the period names no measure
        kept = [w for w in fold_words(chunk) if not re.search(r"\d", w) and w not in ARTICLES]
        while kept and kept[-1] in VERBS:
            kept.pop()
        words = [w.removesuffix("'s") for w in kept[-3:]]
    if not words and unit in DEFAULT_NAME:
        words = [DEFAULT_NAME[unit]]
    if measured:  # else the words as they stand, which say whether the text itself names the measure
        words = [w for w in words if w not in NOT_A_MEASURE]
    if not words and measured:
        # "Imports into the Xinjiang Uygur Autonomous Region went past 2.9 billion US dollars": the words next to the
        # figure name a place or a qualifier, so the measured noun nearest the figure in its clause names it
        words = measured_noun(before, after, unit)
    if unit in _MONEY and words and words[-1] in _VALUED:
        words = [*words, "value"]  # "exports worth 17.7 billion US dollars": exports_value
    name = "_".join([prefix, *words[-3:]] if prefix else words[-3:]) or "figure"
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9_]", "", name.replace("-", "_"))).strip("_") or "figure"


# Words that name no measure: qualifiers, links and the region's own names ("more_than", "uygur_autonomous_region")
NOT_A_MEASURE = frozenset(
    str.split(
        "more than over nearly about around almost some less under respectively which and or while whereas it its"
        " among worth rising reaching figure figures the total xinjiang uygur uyghur autonomous region china"
        " northwest north-west western between"
        # ("between 1 January and 16 August 2024 has passed 70 thousand": the months name the period, not a measure)
        " january february march april may june july august september october november december"
    )
)
# Nouns that say what a figure measures (one spelling each: "travelers" is "travellers")
MEASURED_NOUNS = frozenset(
    str.split(
        "imports exports trade cargo freight goods passengers travellers tourists visitors trips vehicles trucks"
        " flights trains containers investment enterprises companies projects routes"
    )
)
_SPELLED = {"travelers": "travellers"}
_MONEY = frozenset({"CNY", "USD"})
_VALUED = frozenset({"imports", "exports", "trade", "investment"})


def measured_noun(before: str, after: str, unit: str) -> list[str]:
    """The measured noun nearest a figure in its clause ("Imports ... went past 2.9 billion" -> imports)."""
    clause_before = fold_words(re.split(r"[;:(]", before)[-1])
    clause_after = fold_words(re.split(r"[,;:(.]", after, maxsplit=1)[0])
    clause_before = [_SPELLED.get(w, w) for w in clause_before]
    clause_after = [_SPELLED.get(w, w) for w in clause_after]
    near = [(len(clause_before) - i, w) for i, w in enumerate(clause_before) if w in MEASURED_NOUNS]
    near += [(i + 1, w) for i, w in enumerate(clause_after) if w in MEASURED_NOUNS]
    return [min(near)[1]] if near else []


ARTICLES = frozenset(["a", "an", "the", "its", "their", "this", "that", "these", "those", "while", "whereas"])
UNIT_WORDS_DROP = frozenset(["tonnes", "tons", "square", "kilometers", "meters", "hectares", "percent", "yuan"])

# "Alashankou accounted for 2,714 trains, while the Khorgos terminal came to 3,189, ...": a count with no noun of its
# own (a comma, a full stop, "and", "with" right after it) measures what the count before it in its sentence measured
# "671 thousand visitors in 2016 and 509 thousand in 2015": a year after the count names no noun either
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;)]|$|(?:and|while|with|up|down|through|via|had|in\s+(?:19|20)\d{2})\b)", re.I)


def elided_measure(sentence: str, figures: list, index: int, names: list[str], made_up: list[bool]) -> int | None:
    """The index of the figure before ``index`` in its sentence whose measure a noun-less count takes, or None."""
    figure = figures[index]
    if not made_up[index] or figure.unit != "count" or not _NO_NOUN_AFTER.match(sentence[figure.end :]):
        return None
    before = [j for j in range(index) if figures[j].unit == "count" and not made_up[j] and names[j]]
    return before[-1] if before else None
