"""The noun phrase a money figure measures: the words after it ("in foreign trade", "with <partner>"), else its subject."""

from __future__ import annotations

import re

from geo.ingest.measures import partners
from geo.ingest.numbers import Figure

# What a sum of money in a trade report is of, and the name of its value. "trade" alone is not here: a zone's trade
# and the region's foreign trade are both "trade", so the vocabulary's words decide that one.
_VALUE_OF = {
    "foreign trade turnover": "foreign_trade_value",  # "turnover" is the value traded, in Russian and Kazakh usage
    "foreign trade surplus": "trade_surplus",  # exports less imports: no value of the trade itself
    "trade surplus": "trade_surplus",
    "foreign trade deficit": "trade_deficit",
    "trade deficit": "trade_deficit",
    "foreign trade": "foreign_trade_value",
    "imports and exports": "foreign_trade_value",
    "exports and imports": "foreign_trade_value",
    "import and export": "foreign_trade_value",
    "exports": "exports_value",
    "imports": "imports_value",
    # "1,29 billion yuan in cross-border e-commerce": the trade done through that channel, as the golds name it
    "cross-border e-commerce trade": "cross_border_ecommerce_trade",
    "cross-border e-commerce": "cross_border_ecommerce_trade",
}
_NOUN = (
    r"((?:foreign )?trade (?:surplus|deficit)|foreign trade turnover|foreign trade|imports and exports|exports and imports"
    r"|import and export|exports|imports|cross-border e-commerce(?: trade)?(?! (?:exports|imports)))"
)
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

# "the imports and exports of the four bonded areas, namely A, B and C, jumped ... to 9.53 billion yuan": the noun of
# an "of" phrase (with its list of members) before the verb is the subject too
_SUBJECT_OF = re.compile(
    r"\b" + _NOUN + r"\s+of\s+[^,;]*?(?:,\s*(?:namely|including|that is)\b[^;]*?,)?\s+"
    r"(?:came|reached|topped|totaled|totalled|stood|hit|exceeded|amounted|rose|grew|increased|jumped|surged|fell"
    r"|dropped|declined|decreased|were|was)\b[^,;]*$",
    re.I,
)
# "12,432 tons of goods worth over $95 million", "with foreign trade worth 30 million U.S. dollars", "cargo worth
# $20.39 billion": what is worth the sum is traded goods, so the sum is their trade value (the region's foreign trade)
_WORTH = re.compile(r"\b(foreign trade|trade|goods|cargo|freight)\s*,?\s+worth\s*$", re.I)
_ELIDED = re.compile(r"\band\s+" + _NOUN + r"\s*$", re.I)
_CHANGE_CHAIN = re.compile(r"(?:,\s*(?:by|up|down)\b[^,;]*)+,\s*to\s*$", re.I)


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
        # "Kazakhstan is its main partner: Xinjiang traded 7 billion yuan with it": the partner the sentence named
        back = re.fullmatch(r"\s*it\s*", partner.group(1), re.I)
        found = partners(sentence[: figure.start] if back else partner.group(1))
        if len(found) == 1:
            return f"{found[0]}_trade"
    elided = _ELIDED.search(sentence[: figure.start])
    if elided:  # "exports reaching US$48.25 billion and imports US$8.44 billion": the second verb left out
        return _value_of(elided.group(1), region)
    worth = _WORTH.search(sentence[: figure.start])
    if worth:
        return _value_of("foreign trade", region and worth.group(1).lower() == "foreign trade")
    own = re.split(r"[,;]\s+(?:while|whereas|but|and)\s+|;", sentence[: figure.start])[-1]
    # "the region's exports grew strongly, by 33.2 percent year on year, to 64.87 billion yuan": the asides between
    # the verb and "to" are the change, not another clause, so the subject before them governs the sum
    chain = _CHANGE_CHAIN.search(own)
    own = own[: chain.start()] + " to " if chain else own
    subject = _SUBJECT.search(own) or _SUBJECT_OF.search(own)
    if subject:
        return _value_of(subject.group(1), region)
    return ""


def _value_of(noun: str, region: bool) -> str:
    name = _VALUE_OF[noun.lower()]
    return name if region or name != "foreign_trade_value" else "trade_value"


# ------------------------------------------------------------- a flow named with what it is of or goes through
# "exports of mechanical and electrical products", "agricultural exports", "exports through cross-border e-commerce",
# "imports from border residents", "a 334.7% jump in cross-border e-commerce exports": the goods or channel
# modifies exports or imports and names a measure of its own, not the region's exports or trade.
_FLOW = r"(exports|imports)"
_FLOW_OF = re.compile(r"\b" + _FLOW + r"\s+(?:of|through|via|from)\s+(?:the\s+)?((?:[\w'-]+\s*){1,5})", re.I)
_FLOW_AFTER = re.compile(r"((?:[\w'-]+\s+){1,4})" + _FLOW + r"\b", re.I)
# words that end the modifier: verbs, prepositions and determiners are not what the flow is of
_NOT_MODIFIER = frozenset(
    str.split(
        "the its their his her our region's xinjiang's china's country's total overall whole and of in by to from"
        " with on at for as while whereas but which that tied linked such a an these those this rose grew jumped"
        " soared surged reached came topped rise growth increase jump fell dropped up down year month products"
        " goods items import export imports exports kept mix also further strong strongly markedly both"
    )
)
_TRADE = re.compile(r"\b(?:imports and exports|import and export|exports and imports)\b", re.I)
# a modifier made only of these words says nothing new: "import and export", "foreign exports"
_EMPTY = frozenset(["foreign", "import", "export", "and", "trade"])


def _modifier_words(text: str, from_end: bool) -> list[str]:
    words = [w.strip("'") for w in text.split()]
    kept: list[str] = []
    for word in reversed(words) if from_end else words:
        if word.lower() in _NOT_MODIFIER or re.search(r"\d", word) or word[:1].isupper():
            if word == "and" and kept and not from_end:  # "mechanical and electrical products"
                continue
            if word[:1].isupper() and not from_end:  # "exports of northwest China's Xinjiang": a place, not goods
                return []
            break
        kept.append(word.lower())
    return list(reversed(kept)) if from_end else kept


def flow_of(sentence: str, figure: Figure, clause_start: int) -> str:
    """``<what>_exports`` / ``<what>_imports`` for a figure whose clause names a flow by its goods or channel, else "".

    The flow is the noun phrase before the figure in its clause (its subject or object, "lifting the region's total
    agricultural exports by 25.4 percent"), or the one after "in" right after a percent ("a 334.7% jump in ...")."""
    before = _TRADE.sub("trade", sentence[clause_start : figure.start])
    before = re.split(r"\band\b(?=[^,;]*\b(?:exports|imports)\b)(?![^,;]*\bexports\s+and\b)", before)[-1]
    after = re.match(r"\s*(?:%|percent|per cent)?\s*(?:jump|rise|increase|growth|surge|drop|fall)?\s*in\s+([^,;.]+)",
                     sentence[figure.end :], re.I)  # fmt: skip
    texts = [before] + ([after.group(1)] if after and figure.unit == "percent" else [])
    for text in reversed(texts):
        text = _TRADE.sub("trade", text)
        found: list[tuple[int, str, list[str]]] = []
        for match in _FLOW_OF.finditer(text):
            found.append((match.start(), match.group(1).lower(), _modifier_words(match.group(2), False)))
        for match in _FLOW_AFTER.finditer(text):
            found.append((match.start(2), match.group(2).lower(), _modifier_words(match.group(1), True)))
        found = [f for f in found if f[2] and not set(f[2]) <= _EMPTY]
        if found:
            _, flow, words = max(found)
            name = "_".join(w.replace("-", "_").replace("'s", "").replace("'", "") for w in words if w != "and")
            return re.sub(r"_+", "_", name) + "_" + flow
    return ""
