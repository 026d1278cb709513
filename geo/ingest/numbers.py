"""Read figures (digits and number words, with scale, unit and qualifier) and periods from article text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUMBER = {name: number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3]: number for name, number in list(_MONTH_NUMBER.items())})
_MONTH_NUMBER["sept"] = 9
# "May" is also a verb: a month only when a day or year or "of" tells so (handled by the patterns).
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
_YEAR = r"(?:19|20)\d{2}"

_SMALL_WORDS: tuple[str, ...] = tuple(
    str.split(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen"
    )
)
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
WORD_VALUES: dict[str, int] = {word: value for value, word in enumerate(_SMALL_WORDS)} | _TENS_WORDS
_UNITS_WORD = "|".join(_SMALL_WORDS[1:10])

SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "trillion": 10**12,
}

_DIGITS = re.compile(r"(?<![\w.,/+])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/]|[.,]\d)")
_WORDS = re.compile(
    r"\b(?:(?P<tens>"
    + "|".join(_TENS_WORDS)
    + r")(?:-(?P<unit>"
    + _UNITS_WORD
    + r"))?|(?P<small>"
    + "|".join(_SMALL_WORDS)
    + r"))\b",
    re.IGNORECASE,
)
_SCALE = re.compile(r"\s*-?\s*(?P<scale>" + "|".join(SCALES) + r")\b", re.IGNORECASE)
# Unit words after a number (and its scale), most specific first; the value is the unit stored in facts.csv.
_UNIT_AFTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"\s*-?\s*(?:" + pattern + r")", re.IGNORECASE), unit)
    for pattern, unit in (
        (r"percentage[- ]points?\b|pp\b", "percentage_points"),
        (r"%|percent\b|per cent\b|pct\b", "percent"),
        (r"(?:yuan|rmb|cny)\b", "CNY"),
        (r"(?:u\.\s?s\.|us|american)\s+dollars?\b|dollars?\b|usd\b", "USD"),
        (r"(?:square|sq\.?)\s*(?:kilomet(?:er|re)s?|km)\b|km2\b|km²", "km2"),
        (r"(?:square|sq\.?)\s*met(?:er|re)s?\b|m2\b|m²", "m2"),
        (r"hectares?\b", "hectares"),
        (r"(?:metric\s+)?(?:tonnes?|tons?)\b", "tonnes"),
        (r"hours?\b|hrs?\b", "hours"),
        (r"minutes?\b|mins?\b", "minutes"),
        (r"days?\b", "days"),
        (r"weeks?\b", "weeks"),
        (r"months?\b", "months"),
        (r"years?\b", "years"),
        (r"kilomet(?:er|re)s?\b|km\b", "km"),
        (r"met(?:er|re)s?\b", "m"),
    )
)
_CURRENCY_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:rmb|cny|¥|yuan)\s*$", re.IGNORECASE), "CNY"),
    (re.compile(r"(?:us\$|\$|usd)\s*$", re.IGNORECASE), "USD"),
)
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"more than|over|exceed(?:ed|ing|s)?|above|in excess of|upwards of|at least", "over"),
    (r"nearly|almost|about|around|approximately|roughly|close to|some|~", "nearly"),
    (r"less than|fewer than|under|below|up to|no more than", "under"),
)
_QUALIFIER_BEFORE = re.compile(
    r"(?:(?<=\W)|^)(?P<q>" + "|".join(p for p, _ in _QUALIFIERS) + r")\s*(?:a total of\s*)?$", re.IGNORECASE
)
_QUALIFIER_OF = {word: q for pattern, q in _QUALIFIERS for word in pattern.split("|")}
_CLOCK = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\s*$", re.IGNORECASE)
# "Terminal 4", "Line 1", "No. 3": a name, not a figure.
_LABEL_BEFORE = re.compile(
    r"\b(?:terminal|gate|line|phase|platform|no\.?|number|lane|block|building|stage|level|article|section|clause|chapter|paragraph)\s*$",
    re.I,
)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|to)\s*$")


@dataclass(frozen=True)
class Figure:
    """A number found in a sentence: its normalised value and unit, qualifier and where it sits."""

    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str
    as_written: str

    @property
    def text_value(self) -> str:
        """The value as facts.csv writes it: no exponent, no trailing zeros."""
        return format_value(self.value)


def format_value(value: Decimal) -> str:
    """Write a number as facts.csv does: ``356310000000``, ``25.4``, ``4.5``."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


@dataclass
class _Raw:
    start: int
    end: int  # end of the whole figure (number, scale and unit)
    number_end: int
    number: Decimal
    scale: int
    unit: str
    explicit_unit: bool
    qualifier: str
    qualifier_start: int
    is_word: bool
    word: str


def find_figures(sentence: str, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Every figure in a sentence, in order, skipping years, clock times, days of a month and ``skip`` spans.

    Parameters
    ----------
    sentence : str
        One sentence of article text.
    skip : list of (start, end), optional
        Spans already read as dates or periods ("first eight months", "June 30").

    Returns
    -------
    list of Figure
    """
    skip = skip or []
    raws = [raw for raw in _scan(sentence) if not any(a <= raw.start < b for a, b in skip)]
    _inherit_units(sentence, raws)
    figures = []
    for raw in raws:
        if raw.is_word and raw.word == "one" and not raw.explicit_unit:
            continue  # "one of", "one can": a figure only with a unit ("to one" after "three hours")
        value = raw.number * raw.scale
        figures.append(
            Figure(
                start=raw.qualifier_start,
                end=raw.end,
                value=value,
                unit=raw.unit,
                qualifier=raw.qualifier,
                as_written=sentence[raw.qualifier_start : raw.end].strip(),
            )
        )
    return figures


def _scan(sentence: str) -> list[_Raw]:
    found: list[tuple[int, int, Decimal, bool, str]] = []
    for match in _DIGITS.finditer(sentence):
        found.append((match.start(), match.end(), Decimal(match.group().replace(",", "")), False, ""))
    for match in _WORDS.finditer(sentence):
        after = sentence[match.end() :]
        if after.startswith("-") and not _unit_after(after)[0]:
            continue  # "one-stop", "two-way", "one-third": not a count
        word = match.group().lower()
        if match.group("tens"):
            value = _TENS_WORDS[match.group("tens").lower()] + (
                WORD_VALUES[match.group("unit").lower()] if match.group("unit") else 0
            )
        else:
            value = WORD_VALUES[word]
        found.append((match.start(), match.end(), Decimal(value), True, word))
    raws = []
    for start, end, number, is_word, word in sorted(found):
        raw = _read_around(sentence, start, end, number, is_word, word)
        if raw is not None:
            raws.append(raw)
    return raws


def _read_around(sentence: str, start: int, end: int, number: Decimal, is_word: bool, word: str) -> _Raw | None:
    before, after = sentence[:start], sentence[end:]
    if not is_word:
        if _CLOCK.match(after):
            return None
        if _MONTH_BEFORE.search(before) and number <= 31 and number == int(number):
            return None  # the day in "June 30"
        if _LABEL_BEFORE.search(before):
            return None
    scale, position = 1, end
    half = re.match(r"\s+and\s+a\s+half\b", after, re.I)
    if half and number == int(number):  # "one and a half hours"
        number, position = number + Decimal("0.5"), end + half.end()
    scale_match = _SCALE.match(sentence, position)
    if scale_match:
        scale, position = SCALES[scale_match.group("scale").lower()], scale_match.end()
    unit, unit_end = _unit_after(sentence[position:])
    explicit = bool(unit)
    lead = before
    if unit:
        position += unit_end
    else:
        for pattern, currency in _CURRENCY_BEFORE:
            currency_match = pattern.search(before)
            if currency_match:
                unit, explicit, lead = currency, True, before[: currency_match.start()]
                break
        else:
            unit = "count"
    if (
        not is_word
        and scale == 1
        and unit == "count"
        and number == int(number)
        and 1900 <= number <= 2100
        and "," not in sentence[start:end]
    ):
        return None  # a year: read as a period, not a figure
    qualifier, qualifier_start = "", len(lead)
    qualifier_match = _QUALIFIER_BEFORE.search(lead)
    if qualifier_match:
        qualifier = _QUALIFIER_OF.get(qualifier_match.group("q").lower(), "")
        if qualifier_match.group("q").lower().startswith("exceed"):
            qualifier = "over"
        if qualifier:
            qualifier_start = qualifier_match.start("q")
    return _Raw(
        start=start,
        end=position,
        number_end=end,
        number=number,
        scale=scale,
        unit=unit,
        explicit_unit=explicit,
        qualifier=qualifier,
        qualifier_start=min(qualifier_start, start),
        is_word=is_word,
        word=word,
    )


def _unit_after(text: str) -> tuple[str, int]:
    for pattern, unit in _UNIT_AFTER:
        match = pattern.match(text)
        if match:
            return unit, match.end()
    return "", 0


def _inherit_units(sentence: str, raws: list[_Raw]) -> None:
    """Ranges share a unit: "6-12 hours" (6 takes hours), "from over 30 hours to under five" (five takes hours)."""
    for first, second in zip(raws, raws[1:], strict=False):
        gap = sentence[first.number_end : second.qualifier_start]
        if not first.explicit_unit and first.scale == 1 and second.explicit_unit and _RANGE_AFTER.fullmatch(gap + " "):
            first.unit, first.scale, first.explicit_unit = second.unit, second.scale, True
            first.end = first.number_end
    for first, second in zip(raws, raws[1:], strict=False):
        between = sentence[first.end : second.qualifier_start]
        closes = re.fullmatch(r"\s*(?:\([^)]*\)\s*)?to\s*", between)
        tail = sentence[second.end : second.end + 2]
        if (
            first.explicit_unit
            and first.unit != "count"
            and not second.explicit_unit
            and closes
            and not re.match(r"\s*[A-Za-z]", tail)
        ):
            second.unit, second.explicit_unit = first.unit, True
            if second.scale == 1 and first.scale != 1:
                second.scale = first.scale


# ---------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A period phrase found in a sentence and what it means in the contract's period grammar."""

    start: int
    end: int
    period: str  # "2025", "2025-01/2025-08", "../2025-06-30"; "same" for "the same period"
    explicit_year: int | None


@dataclass(frozen=True)
class Reference:
    """What relative dates resolve against: the article's date (if known) and its reference year."""

    year: int
    this_year: int  # the year of the article's date, else the reference year

    def resolve(self, word: str | None, sentence_years: list[int] | None = None) -> int:
        """The year a phrase like ``2025``, ``this year``, ``last year`` or ``the year`` names."""
        if not word:
            return self.year
        word = word.lower()
        if word.isdigit():
            return int(word)
        if word == "this year":
            return self.this_year
        if word == "last year":
            return self.this_year - 1
        if word == "next year":
            return self.this_year + 1
        return max(sentence_years) if sentence_years else self.year


_REL = r"(?P<rel>" + _YEAR + r"|this year|last year|next year|the year)"
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(_SMALL_WORDS[1:13]) + r")"
_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("same", r"\b(?:during|in|over|for)?\s*the same (?:period|months|time)\b"),
        # "144.3 percent more than in the five years before": the span compared with, not a figure or a period
        (
            "same",
            r"\b(?:than|compared (?:with|to))\s+(?:in\s+|during\s+)?the\s+(?:previous\s+|preceding\s+)?"
            + _COUNT
            + r"\s+years(?:\s+(?:before|earlier|prior))?",
        ),
        # "over the past five years" in a 2026 article: the five full years before it, 2021-2025
        ("past_years", r"\b(?:the\s+)?(?:past|last|previous)\s+" + _COUNT + r"\s+years\b"),
        (
            "first_months",
            r"\b(?:the\s+)?(?:first|past|initial)\s+"
            + _COUNT
            + r"\s+months(?:\s*\([^)]*\))?(?:\s+of\s+"
            + _REL
            + r")?",
        ),
        (
            "first_part",
            r"\b(?:the\s+)?first\s+(?P<part>half|quarter|two quarters|three quarters)(?:\s*\([^)]*\))?(?:\s+of\s+"
            + _REL
            + r")?",
        ),
        ("h1", r"\b(?P<part>H1|Q1|Q1-Q3)\s+(?:of\s+)?" + _REL),
        (
            "month_month_years",
            r"\b(?:from|between)\s+(?P<m1>"
            + _MONTH
            + r")\s+(?P<y1>"
            + _YEAR
            + r")\s+(?:to|and|until|through)\s+(?P<m2>"
            + _MONTH
            + r")\s+(?P<y2>"
            + _YEAR
            + r")",
        ),
        (
            "month_month",
            r"\b(?:between\s+|from\s+)?(?P<m1>" + _MONTH + r")\s*(?:-|–|to|and|through)\s*(?P<m2>" + _MONTH + r")\b"
            r"(?:,?\s+(?:of\s+)?" + _REL + r")?",
        ),
        (
            "year_year",
            r"\b(?:between|from)\s+(?P<y1>"
            + _YEAR
            + r")\s+(?:and|to|until|through)\s+(?:the end of\s+)?(?P<y2>"
            + _YEAR
            + r")\b",
        ),
        ("year_dash_year", r"\b(?P<y1>" + _YEAR + r")\s*[-–]\s*(?P<y2>" + _YEAR + r")\b"),
        (
            "as_of",
            r"\b(?:as of|as at|by|until|up to|through)\s+(?:the\s+end\s+of\s+)?(?P<m>" + _MONTH + r")"
            r"(?:\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>" + _YEAR + r"))?(?!\s*\d)",
        ),
        ("as_of_year", r"\b(?:as of|as at|by)\s+(?:the\s+end\s+of\s+)?(?P<y>" + _YEAR + r")\b"),
        (
            "date",
            r"\b(?P<m>" + _MONTH + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>" + _YEAR + r"))?(?![\d,]*\d)",
        ),
        ("date_dmy", r"\b(?P<d>\d{1,2})\s+(?P<m>" + _MONTH + r")\s+(?P<y>" + _YEAR + r")\b"),
        ("iso", r"\b(?P<y>" + _YEAR + r")-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b"),
        ("year_dash_short", r"\b(?P<y1>" + _YEAR + r")\s*[-–]\s*(?P<yy>\d{2})\b(?![-–.,]?\d)"),  # "(2021-25)"
        ("month_year", r"\b(?P<m>" + _MONTH + r"),?\s+(?P<y>" + _YEAR + r")\b"),
        (
            "month_rel",
            r"\b(?:(?:in|at the end of|end of|by the end of|in early|in late|since|during)\s+|in mid-\s*)(?P<m>"
            + _MONTH
            + r")\b(?:\s+(?:of\s+)?(?P<rel>this year|last year|next year))?",
        ),
        ("since_year", r"\bsince\s+(?P<y>" + _YEAR + r")\b"),
        ("relative", r"\b(?:so far\s+)?(?P<rel>this year|last year|next year)\b"),
        ("year", r"(?<![\d,.])(?P<y>" + _YEAR + r")(?![\d,.]\d|\s*(?:%|percent|yuan|billion|million))"),
    )
)
_PARTS = {"half": 6, "quarter": 3, "two quarters": 6, "three quarters": 9, "h1": 6, "q1": 3, "q1-q3": 9}


def find_periods(sentence: str, reference: Reference) -> list[Period]:
    """Every period phrase in a sentence, resolved against the article's reference year.

    Parameters
    ----------
    sentence : str
        One sentence of article text.
    reference : Reference
        The article's year(s), for "this year", "last year" and phrases without a year.

    Returns
    -------
    list of Period
        Non-overlapping, in order. ``since`` or ``to date`` around a date makes it the start of an
        interval that runs to the reference year ("since August last year" -> ``2024-08/2025``).
    """
    sentence_years = [int(y) for y in re.findall(r"(?<!\d)" + _YEAR + r"(?!\d)", sentence)]
    taken: list[tuple[int, int]] = []
    periods = []
    for kind, pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(sentence):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            if kind in {"date", "month_rel", "month_year", "as_of"} and _is_may_verb(match):
                continue
            period = _resolve(kind, match, reference, sentence_years)
            if period is None:
                continue
            year = _explicit_year(match)
            period = _open_since(sentence, match, period, kind, reference)
            taken.append((match.start(), match.end()))
            periods.append(Period(match.start(), match.end(), period, year))
    return sorted(periods, key=lambda p: p.start)


def _is_may_verb(match: re.Match[str]) -> bool:
    return match.group("m").lower() == "may" and match.group(0)[match.start("m") - match.start()].islower()


def _explicit_year(match: re.Match[str]) -> int | None:
    for name in ("y", "y2", "rel"):
        value = match.groupdict().get(name)
        if value and value.isdigit():
            return int(value)
    return None


def _month(text: str) -> int:
    return _MONTH_NUMBER[text.lower().rstrip(".")]


def _resolve(kind: str, match: re.Match[str], ref: Reference, sentence_years: list[int]) -> str | None:
    group = match.groupdict()
    if kind == "same":
        return "same"
    if kind == "first_months":
        count = group["n"].lower()
        months = int(count) if count.isdigit() else WORD_VALUES[count]
        if not 1 <= months <= 12:
            return None
        year = ref.resolve(group["rel"], sentence_years)
        return f"{year}-01/{year}-{months:02d}"
    if kind in {"first_part", "h1"}:
        year = ref.resolve(group["rel"], sentence_years)
        return f"{year}-01/{year}-{_PARTS[group['part'].lower()]:02d}"
    if kind == "month_month_years":
        return f"{group['y1']}-{_month(group['m1']):02d}/{group['y2']}-{_month(group['m2']):02d}"
    if kind == "month_month":
        year = ref.resolve(group["rel"], sentence_years) if group["rel"] else ref.year
        return f"{year}-{_month(group['m1']):02d}/{year}-{_month(group['m2']):02d}"
    if kind == "past_years":
        count = group["n"].lower()
        years = int(count) if count.isdigit() else WORD_VALUES[count]
        return f"{ref.this_year - years}/{ref.this_year - 1}" if 1 < years <= 20 else None
    if kind == "year_dash_short":
        end = int(group["y1"][:2] + group["yy"])
        return f"{group['y1']}/{end}" if end > int(group["y1"]) else None
    if kind in {"year_year", "year_dash_year"}:
        return f"{group['y1']}/{group['y2']}" if group["y1"] < group["y2"] else None
    if kind == "as_of":
        year = int(group["y"]) if group["y"] else ref.year
        day = f"-{int(group['d']):02d}" if group["d"] else ""
        return f"../{year}-{_month(group['m']):02d}{day}"
    if kind == "as_of_year":
        return f"../{group['y']}"
    if kind in {"date", "date_dmy"}:
        year = int(group["y"]) if group["y"] else ref.year
        return f"{year}-{_month(group['m']):02d}-{int(group['d']):02d}" if 1 <= int(group["d"]) <= 31 else None
    if kind == "iso":
        if not 1 <= int(group["m"]) <= 12:
            return None
        return match.group(0)
    if kind == "month_year":
        return f"{group['y']}-{_month(group['m']):02d}"
    if kind == "month_rel":
        year = ref.resolve(group["rel"]) if group["rel"] else ref.year
        return f"{year}-{_month(group['m']):02d}"
    if kind == "since_year":
        year = int(group["y"])
        return str(year) if year >= ref.year else f"{year}/{ref.year}"
    if kind == "relative":
        return str(ref.resolve(group["rel"]))
    if kind == "year":
        return group["y"]
    return None


_SINCE_BEFORE = re.compile(r"\bsince\b[^,;:]*$", re.IGNORECASE)
_TO_DATE = re.compile(r"\b(?:to date|so far|until now|up to now)\b", re.IGNORECASE)


def _open_since(sentence: str, match: re.Match[str], period: str, kind: str, ref: Reference) -> str:
    """A single date after "since", or with "to date" in the sentence, starts an interval to the reference year."""
    if "/" in period or kind in {"since_year", "relative", "same"}:
        return period
    since = _SINCE_BEFORE.search(sentence[: match.start()]) or match.group(0).lower().startswith("since")
    opens = since or _TO_DATE.search(sentence)
    if opens and period[:4].isdigit() and int(period[:4]) <= ref.year and period != str(ref.year):
        return f"{period}/{ref.year}"
    return period


# ---------------------------------------------------------------- fractions in words

_FRACTIONS = {"half": Decimal(50), "a third": Decimal("33.3"), "one third": Decimal("33.3"),
              "a quarter": Decimal(25), "one quarter": Decimal(25), "two thirds": Decimal("66.7"),
              "three quarters": Decimal(75)}  # fmt: skip
_FRACTION = re.compile(
    r"\b(?:(?P<q>more than|over|nearly|almost|about|around|roughly|less than|under)\s+)?"
    r"(?P<f>half|a third|one third|a quarter|one quarter|two thirds|three quarters)\b(?=\s+of\b)",
    re.IGNORECASE,
)


def find_fractions(sentence: str) -> list[Figure]:
    """Shares written in words before "of": "over half of", "a third of" (as percent: 50, 33.3)."""
    figures = []
    for match in _FRACTION.finditer(sentence):
        if re.search(r"\bfirst\s+$", sentence[: match.start()], re.IGNORECASE):
            continue  # "the first half of 2025" is a period
        word = (match.group("q") or "").lower()
        figures.append(
            Figure(
                start=match.start(),
                end=match.end(),
                value=_FRACTIONS[match.group("f").lower()],
                unit="percent",
                qualifier=_QUALIFIER_OF.get(word, ""),
                as_written=match.group(0),
            )
        )
    return figures
