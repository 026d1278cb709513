"""The noun phrase a money figure measures: the words after it ("in foreign trade", "with <partner>"), else its subject."""

from __future__ import annotations

import re

from geo.ingest.measures import partners
from geo.ingest.numbers import Figure

# What a sum of money in a trade report is of, and the name of its value. "trade" alone is not here: a zone's trade
# and the region's foreign trade are both "trade", so the vocabulary's words decide that one.
_VALUE_OF = {
    "foreign trade": "foreign_trade_value",
    "imports and exports": "foreign_trade_value",
    "import and export": "foreign_trade_value",
    "exports": "exports_value",
    "imports": "imports_value",
}
_NOUN = r"(foreign trade|imports and exports|import and export|exports|imports)"
# a conversion in brackets right after the sum ("37.8 billion yuan ($5.9 billion)") is the same sum
_CONVERSION = r"\s*(?:\([^()]*\)\s*)?"
# "posted 37.8 billion yuan in foreign trade", "recorded ... of imports and exports"
_NOUN_AFTER = re.compile(r"^" + _CONVERSION + r"(?:in|of)\s+(?:its\s+|total\s+)?" + _NOUN + r"\b", re.I)
# "traded 138 billion yuan with countries along the Belt and Road": the partner after the sum
_WITH_AFTER = re.compile(r"^" + _CONVERSION + r"with\s+([^,;.]+)", re.I)
_TRADED = re.compile(r"\btrad(?:ed|es|ing)\b(?![- ]partner)", re.I)
# "Xinjiang's exports came to 76.5 billion yuan", "its imports topped 20.9 billion yuan", "its imports rose 18 percent
# to 24.6 billion yuan": the noun is the subject of the verb that governs the sum, not a word of the reporting clause
_SUBJECT = re.compile(
    r"\b" + _NOUN + r"\s+(?:also\s+|further\s+)?"
    r"(?:came|reached|topped|totaled|totalled|stood|hit|exceeded|amounted|rose|grew|increased|jumped|surged|fell"
    r"|dropped|declined|decreased|were|was)\b[^,;]*$",
    re.I,
)


def money_measure(sentence: str, figure: Figure, region: bool = True) -> str:
    """The metric a sum of money measures, from the noun phrase it is of; "" when its words name none of these.

    The words after the sum ("in foreign trade", "with <partner>"), then the subject of its clause. Imports plus
    exports are the region's ``foreign_trade_value``, and any other place's (a zone's, a port's) ``trade_value``."""
    if figure.unit not in {"CNY", "USD"}:
        return ""
    after = sentence[figure.end :]
    noun = _NOUN_AFTER.match(after)
    if noun:
        return _value_of(noun.group(1), region)
    partner = _WITH_AFTER.match(after)
    if partner and _TRADED.search(sentence[: figure.start]):
        found = partners(partner.group(1))
        if len(found) == 1:
            return f"{found[0]}_trade"
    own = re.split(r"[,;]\s+(?:while|whereas|but|and)\s+|;", sentence[: figure.start])[-1]
    subject = _SUBJECT.search(own)
    if subject:
        return _value_of(subject.group(1), region)
    return ""


def _value_of(noun: str, region: bool) -> str:
    name = _VALUE_OF[noun.lower()]
    return name if region or name != "foreign_trade_value" else "trade_value"
