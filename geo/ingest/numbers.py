"""Read figures (digits and number words, with scale, unit and qualifier) from article text."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

# "May" is also a verb: a month only when a day or year or "of" tells so (handled by the patterns).
MONTH_PATTERN = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"

SMALL_WORDS: tuple[str, ...] = tuple(
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
WORD_VALUES: dict[str, int] = {word: value for value, word in enumerate(SMALL_WORDS)} | _TENS_WORDS
_UNITS_WORD = "|".join(SMALL_WORDS[1:10])

SCALES: dict[str, int] = {
    "thousand": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    # "2 lakh 68 thousand", "12 crore": the South Asian scales, as Urdu and Hindi sources print them in English
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
}

# A short unit or scale may be glued to the digits ("52.8pct", "86.4pc", "321bn"), as wire copy prints them, and so
# may an area or tonnes ("50km2", "16,500,000t"), as Korean and Japanese pages print them; any other letter after
# digits makes a name or code ("5G", "A380"), no figure.
_GLUED = r"(?:(?i:pct|pc|bn|bln|mln|km2?|m2)|t)\b"  # in any case but "t", as _SCALE and _UNIT_AFTER read them
# "leaves at 22:20": the minutes of a clock time are no figure (its hour is skipped by _CLOCK_MINUTES)
# "US$59m", "$10.7m": after a currency sign a glued "m" is millions (elsewhere "59m" is metres or a name)
_MONEY_GLUED_M = re.compile(r"(?:US\$|\$|¥|RMB\s?)(\d+(?:\.\d+)?)m\b")
_ORDINAL_DIGITS = re.compile(r"(?<![\w.,/+])(\d{1,3}(?:,\d{3})+|\d+)-?(?:st|nd|rd|th)\b")
_DIGITS = re.compile(
    r"(?<![\w.,/+])(?<![A-Z]-)(?<!\d:)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!(?!" + _GLUED + r")[\w/]|[.,]\d)"
)
# Written the European way, as Kazakh and Russian sources print: a decimal comma before a scale or percent ("2,8
# million tonnes", "5,5 per cent"; a comma before three digits stays a thousands separator), and a change signed with
# a plus ("(+77 per cent)"; a plus before other digits is a telephone code or "5+2").
_DECIMAL_COMMA = re.compile(
    r"(?<![\w.,/+])\d{1,3},\d{1,2}(?=\s*(?:million|billion|thousand|mln|bln|%|per\s?cent\b|percent\b))", re.I
)
# Thousands grouped by a point or a space, as European and Kazakh pages print them ("5.903 trains", "200.000 TEU",
# "500 000 sleepers"). A space between groups of three is never a decimal; a point is read so only in an article that
# prints a count of whole things that way (no one runs 2.714 trains), or groups twice ("1.234.567"), and never before a
# scale or percent ("5.788 million tons" is a decimal).
_NOT_DECIMAL_AFTER = (
    r"(?![.,]?\d)(?!\s*-?\s*(?:million|billion|thousand|trillion|mln|bln|bn)\b|\s*(?:%|per\s?cent\b|percent\b))"
)
_POINT_GROUPED = re.compile(r"(?<![\w.,/+])\d{1,3}(?:\.\d{3})+(?!-?(?:st|nd|rd|th)\b)" + _NOT_DECIMAL_AFTER, re.I)
# "the 3.000th train": an ordinal grouped with points, in a page that groups thousands so
_ORDINAL_POINTS = re.compile(r"(?<![\w.,/+])(\d{1,3}(?:\.\d{3})+)-?(?:st|nd|rd|th)\b")
_SPACE_GROUPED = re.compile(r"(?<![\w.,/+])(?<!\d )\d{1,3}(?:[ \u00a0\u202f]\d{3})+" + _NOT_DECIMAL_AFTER, re.I)
# "more than 60, 000 passengers": a thousands comma a page printed with a space after it ("000" is no figure of its own)
_COMMA_SPACE_GROUPED = re.compile(r"(?<![\w.,/+])\d{1,3}, 000(?!\d)" + _NOT_DECIMAL_AFTER, re.I)
_WHOLE_THINGS_GROUPED = re.compile(
    r"(?<![\w.,/+])\d{1,3}(?:\.\d{3}){2,}(?!\d)|(?<![\w.,/+])\d{1,3}\.\d{3}\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:trains?|TEUs?|containers?|wagons?|railcars?|vehicles?|trucks?|parcels?|passengers?|flights?|people|visitors)\b"
)


# "89・7%": a Japanese page may print the decimal point as a middle dot between digits
_MIDDLE_DOT_DECIMAL = re.compile(r"(?<![\w.,/+])\d+[\u30fb\uff65]\d+(?![\d\u30fb\uff65])")


# Two signs more that a page prints numbers the European way: a point before three digits ending in 00 ("over
# 5.000", "16.400", "947.000"), since no decimal is printed with two trailing zeros, and a decimal comma ("6,29
# million"), since no page writes decimals both ways.
_ROUND_POINT_GROUPED = re.compile(r"(?<![\w.,/+])\d{1,3}\.\d00" + _NOT_DECIMAL_AFTER, re.I)
# In such a page a comma before one or two digits is a decimal before any word ("3,43 km2", "1,85 km"), not only
# before a scale or percent, and so is a comma before three digits and a scale ("13,891 million tonnes").
_EUROPEAN_DECIMAL_COMMA = re.compile(
    r"(?<![\w.,/+])\d{1,3},(?:\d{1,2}(?![\d,.])|\d{3}(?=\s*(?:million|billion|trillion|mln|bln|bn)\b))", re.I
)


# "6,8925 billion US dollars": a comma before four or more digits groups no thousands, so it is a decimal in any page
_LONG_DECIMAL_COMMA = re.compile(r"(?<![\w.,/+])\d{1,3},\d{4,}(?=\s*(?:thousand|million|billion|mln|bln|bn)\b)", re.I)


# In such a page "14.900 million dollars" is 14,900 million: no decimal is printed with two trailing zeros
_ROUND_POINT_SCALED = re.compile(r"(?<![\w.,/+])\d{1,3}\.\d00(?=\s*(?:million|billion|mln|bln)\b)", re.I)


def points_group_thousands(text: str) -> bool:
    """Whether an article writes numbers the European way: thousands with a point ("5.903 trains", "over 5.000"),
    or decimals with a comma ("6,29 million tonnes")."""
    return bool(
        _WHOLE_THINGS_GROUPED.search(text)
        or _ROUND_POINT_GROUPED.search(text)
        or _DECIMAL_COMMA.search(text)
        or _SPACE_GROUPED.search(text)  # "100 000 containers": the French and Russian way, with a decimal comma
    )


# "the 14th Five-Year Plan", 'the "14th Five-Year (2021-2025)" plan period': the name of a plan, no duration
_PLAN_NAME = re.compile(r"-year\b[^.;]{0,20}?\bplan\b", re.I)
# "registered a million entries": "a" before a scale is one of it
_A_SCALE = re.compile(r"\ba(?=\s+(?:million|billion)\b)", re.I)
# ("+36,4 %": a decimal comma after the plus, as French pages print a change)
_PLUS_PERCENT = re.compile(r"(?<![\w.,/])\+(\d+(?:\.\d+|,\d{1,2}(?!\d))?)(?=\s*(?:%|per\s?cent\b|percent\b))", re.I)
_WORDS = re.compile(
    r"\b(?:(?P<tens>"
    + "|".join(_TENS_WORDS)
    + r")(?:-(?P<unit>"
    + _UNITS_WORD
    + r")|\s(?P<spaced>"  # "Twenty Three vehicles", not "twenty one-stop centres"
    + _UNITS_WORD
    + r")\b(?!-))?|(?P<small>"
    + "|".join(SMALL_WORDS)
    + r"))\b",
    re.IGNORECASE,
)
# "122 M. t" (millions de tonnes, as French pages shorten it), "5 Mt"
_MEGATONNES = re.compile(r"\s*(?:M\.\s?t|Mt)\b(?!\.?\s?[A-Z])")
# "the two millionth visitor": an ordinal of a scale is the count reached, as "the 7000th train" is
_SCALE = re.compile(r"\s*-?\s*(?P<scale>" + "|".join(SCALES) + r")(?:(?<=nd|on)th)?\b", re.I)
# Unit words after a number (and its scale), most specific first; the value is the unit stored in facts.csv.
_UNIT_AFTER: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(r"\s*-?\s*(?:" + pattern + r")", re.IGNORECASE), unit)
    for pattern, unit in (
        (r"percentage[- ]points?\b|pp\b", "percentage_points"),
        (r"%|percent\b|per cent\b|pct\b|pc\b", "percent"),
        (r"(?:yuan|rmb|cny)\b", "CNY"),
        (r"(?:u\.\s?s\.|us|american)\s+dollars?\b|dollars?\b|usd\b|(?:us\s?)?\$(?!\w)", "USD"),  # "2,69 billion $"
        (r"tenge\b|kzt\b", "KZT"),  # Kazakhstan's, Pakistan's and the euro area's money, as the golds code it
        (r"euros?\b|eur\b|€", "EUR"),
        (r"(?:pakistani\s+)?rupees\b|pkr\b", "PKR"),
        (r"(?:square|sq\.?)[\s-]*(?:kilomet(?:er|re)s?|km)\b|km2\b|km²|㎢", "km2"),  # "a 50-square-kilometer zone"
        (r"(?:square|sq\.?)[\s-]*met(?:er|re)s?\b|m2\b|m²|sq\.?\s?m\b", "m2"),  # "a 3000 sq m terminal"
        (r"hectares?\b|(?-i:ha)\b", "hectares"),  # "an area of 5740 ha"
        (r"(?:standard\s+)?cubic[\s-]*met(?:er|re)s?\b|m3\b|m³", "m3"),  # gas through a pipeline
        (r"(?:metric\s+)?(?:tonnes?|tons?)\b|(?-i:t)\b(?![-'’])", "tonnes"),  # "30.000 t", as European pages print
        (r"hours?\b|hrs?\b", "hours"),
        (r"minutes?\b|mins?\b", "minutes"),
        (r"seconds\b|secs?\b", "seconds"),  # "cleared in 30 seconds" ("11 second-class ports" is no time)
        (r"(?-i:mu)\b", "mu"),  # 亩, the Chinese land measure, as translations keep it
        (r"days?\b", "days"),
        (r"weeks?\b", "weeks"),
        (r"months?\b", "months"),
        (r"years?\b", "years"),
        (r"kilomet(?:er|re)s?\b|km\b|㎞", "km"),
        (r"met(?:er|re)s?\b", "m"),
        # 标准箱, as translated; "twenty-foot containers" counted are TEU too
        (r"TEUs?\b|twenty-foot (?:equivalent units?|containers?)\b|standard containers?\b", "TEU"),
        # "jumped 5.6 times from the 2019 level", "three times that of 2020": a multiple ("three times a week",
        # "crossed 300 times" are how often)
        (
            r"times\b(?=\s+(?:that|the|as|from|over|more|higher|greater|larger|bigger|compared|its|their|year|respectively)\b)",
            "times",
        ),
    )
)
_CURRENCY_BEFORE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:rmb|cny|¥|yuan)\s*$", re.IGNORECASE), "CNY"),
    (re.compile(r"(?:us\$|\$|usd)\s*$", re.IGNORECASE), "USD"),
    (re.compile(r"€\s*$"), "EUR"),
    (re.compile(r"(?-i:Rs)\.?\s*$"), "PKR"),
)
_QUALIFIERS: tuple[tuple[str, str], ...] = (
    (r"more than|over|exceed(?:ed|ing|s)?|above|in excess of|upwards of|at least", "over"),
    (r"nearly|almost|about|around|approximately|roughly|close to|some|~", "nearly"),
    (r"less than|fewer than|under|below|up to|no more than", "under"),
)
_QUALIFIER_BEFORE = re.compile(
    # ("added up to 7,017,000 tonnes" is a sum, no cap)
    r"(?:(?<=\W)|^)(?<!\badded\s)(?<!\badds\s)(?<!\badd\s)(?P<q>"
    + "|".join(p for p, _ in _QUALIFIERS)
    + r")\s*(?:a total of\s*)?$",
    re.IGNORECASE,
)
_QUALIFIER_OF = {word: q for pattern, q in _QUALIFIERS for word in pattern.split("|")}
_CLOCK = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b" + MONTH_PATTERN + r"\s*$", re.IGNORECASE)
# "Terminal 4", "Line 1", "No. 3", "page 09", "National Highway 314", "National Road 312", "winds of force 8": a name,
# not a figure.
_LABEL_BEFORE = re.compile(
    r"\b(?:terminal|gate|line|phase|platform|no\.?|number|lane|block|building|stage|level|article|section|clause|chapter"
    r"|paragraph|page|highway|force|sound\s+bite|(?-i:Road|Route))(?:\s*|-)$"  # "Sound bite 1 (Chinese):", a script's label
    # ("a level-4 principal staff member": a rank joined to its number)
    # "track 22", "tracks 13, 14 and 15": a station's tracks by number; "the Boeing 737-300": an aircraft's model
    r"|\btracks?\s+(?:\d+\s*(?:,|and|&)\s*)*$|\b(?:Boeing|Airbus|Embraer|Tupolev|Ilyushin|Antonov)\s+(?:\d+-)?$",
    re.I,
)
# "[020214.EN.BIZ]": a wire's story code in brackets, not a figure; "top 500 companies", "Fortune Global 500", "the
# world's 500 largest firms": a ranking's name
_CODE = re.compile(
    r"\[[^\]\s]*\d[^\]\s]*\]|\b(?:[Tt]op|Fortune(?:\s+Global)?)[\s-]\d+\b"
    r"|\b\d+\s+(?:largest|biggest)\s+(?:firms|companies|enterprises)\b"
)
# "the routes through it now number 85", "its lines will number 12": "number" as a verb counts, it names nothing
_NUMBER_VERB = re.compile(
    r"\b(?:(?!(?:its|this|his|was|is|has|us|bus)\b)[a-z]+s|now|currently|already|together|altogether|to|will|would)"
    r"\s+number\s*$",
)
# "a frontier line 640 km long": a length after the word is the line's measure, never a label's number
_KM_AFTER = re.compile(r"\s*-?\s*(?:kilomet(?:er|re)s?|km)\b", re.I)
# "On 15 January", "from 1 to 15 January", "7-8 May": days written before their month (British and translated pages)
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?(?:\s*(?:and|-|–|[~∼〜～]|to)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?" + MONTH_PATTERN + r"\b",
    re.IGNORECASE,
)
_SECOND_DAY = re.compile(
    r"\b" + MONTH_PATTERN + r"\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:and|-|–|[~∼〜～]|to)\s*$", re.IGNORECASE
)
# "rose by 243.67 percent to 4,966": after a change, "to" leads to the level, not to a range's other end
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rising|grew|grow|growing|increased|increase|up|jumped|climbed|surged|soared|fell|dropped|declined"
    r"|decreased|down)(?:\s+by)?\s*$",
    re.IGNORECASE,
)
# ("90~95%", "17~19 May": a tilde, as Korean and Japanese pages print a range)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|—|[~∼〜～]|to)\s*$")
# "ferrous metals by two times", "grew 2.2 times", "raising its capacity 1.5 times": a multiple after a change in its
# clause ("three times a week", "crossed 300 times" are how often, and have no change before them)
_MULTIPLE_AFTER = re.compile(r"\s+times\b(?!\s+(?:a|an|per|each|every)\b)", re.IGNORECASE)
_MULTIPLE_BEFORE = re.compile(
    r"\b(?:by|grew|grow|grown|grows|growing|rose|rise|risen|rises|rising|up|increased?|increasing|jumped|surged|soared|expanded"
    r"|raised?|raising|lifted|lifting|boosted|boosting|multiplied)\b[^,.;:]{0,40}$",
    re.IGNORECASE,
)
_NAME_HYPHEN = re.compile(r"\b[A-Z][A-Za-z]*-$")
# "opened in 1881", "built in the year 1750": a year long before the data's, after a word that dates
_OLD_YEAR = re.compile(r"\b(?:in|since|from|until|till|by|year)\s*$", re.IGNORECASE)
# "2031 trains", "1000 runs", "more than 2000 on the busiest day": a count that looks like a year, told by the things
# it counts or by a bound no year takes
_COUNTED_AFTER = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,2}(?:trains|runs|trips|flights|vehicles|trucks|travell?ers|passengers|people|visitors"
    r"|containers|wagons|TEUs?|parcels|enterprises|companies|firms|crossings|entries|exits|person-trips|jobs"
    r"|workers|employees|projects|routes|tonnes|tons)\b"
)
_BOUND_BEFORE = re.compile(r"\b(?:more|fewer|less)\s+than\s*$|\b(?:nearly|almost|at least)\s*$", re.I)
# "At 5:23 a.m.": the hour of a clock time
_CLOCK_MINUTES = re.compile(r":\d{2}\b")
# "a 7×14-hour clearance", "7*24 service": days a week by hours a day, a schedule's name (as "7x24", read as a word)
_SCHEDULE = re.compile(r"\s*[×*]\s*\d")
_SCHEDULE_END = re.compile(r"\d\s*[×*]\s*$")


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


def find_figures(sentence: str, skip: list[tuple[int, int]] | None = None, points_group: bool = False) -> list[Figure]:
    """Every figure in a sentence, in order, skipping years, clock times, days of a month and ``skip`` spans.

    Parameters
    ----------
    sentence : str
        One sentence of article text.
    skip : list of (start, end), optional
        Spans already read as dates or periods ("first eight months", "June 30").
    points_group : bool
        The article writes numbers the European way ("5.903 trains", "3,43 km2"; see `points_group_thousands`).

    Returns
    -------
    list of Figure
    """
    skip = [*(skip or []), *(m.span() for m in _CODE.finditer(sentence))]
    raws = [raw for raw in _scan(sentence, points_group) if not any(a <= raw.start < b for a, b in skip)]
    _inherit_units(sentence, raws)
    figures = []
    for raw in raws:
        if raw.is_word and raw.word == "one" and not raw.explicit_unit and raw.scale == 1:
            continue  # "one of", "one can": a figure only with a unit ("to one" after "three hours")
        value, unit = raw.number * raw.scale, raw.unit
        if unit == "hectares":  # areas are kept in km2 (data/metrics.csv): a hectare is a hundredth of one
            value, unit = value / 100, "km2"
        figures.append(
            Figure(
                start=raw.qualifier_start,
                end=raw.end,
                value=value,
                unit=unit,
                qualifier=raw.qualifier,
                as_written=sentence[raw.qualifier_start : raw.end].strip(),
            )
        )
    multiples = [m for m in _multiples(sentence) if not any(a <= m.start < b for a, b in skip)]
    figures = [f for f in figures if not any(m.start <= f.start < m.end for m in multiples)]
    figures = _points(sentence, _compounds(sentence, _hours_and_minutes(sentence, figures)))
    return sorted([*figures, *multiples], key=lambda f: f.start)


# "91 billion 510 million yuan", "6 thousand 655 tonnes", "15 million 14 thousand tonnes", as translations of Chinese,
# Russian and Turkish figures print them: one amount, its rest smaller than the scale written before it
_SCALE_WRITTEN = re.compile(r"\b(?P<scale>thousand|million|mln|billion|bln|bn|lakhs?|crores?)$", re.I)
_REST_WRITTEN = re.compile(r"^\d{1,3}\b(?![.,]\d)", re.I)


def _compounds(sentence: str, figures: list[Figure]) -> list[Figure]:
    merged: list[Figure] = []
    for figure in figures:
        last = merged[-1] if merged else None
        scale = _SCALE_WRITTEN.search(last.as_written) if last is not None and last.unit == "count" else None
        if (
            last is not None
            and scale is not None
            and not sentence[last.end : figure.start].strip()
            and _REST_WRITTEN.match(figure.as_written)
            and figure.value < SCALES[scale.group("scale").lower()]
            and not figure.qualifier
        ):
            merged[-1] = Figure(last.start, figure.end, last.value + figure.value, figure.unit, last.qualifier,
                                sentence[last.start : figure.end])  # fmt: skip
            continue
        merged.append(figure)
    return merged


# "a growth of 39.1 percent, 29.7 points above the national one": points beside a percent are percentage points
_POINTS_AFTER = re.compile(r"\s*points?\b", re.I)


def _points(sentence: str, figures: list[Figure]) -> list[Figure]:
    if not any(f.unit == "percent" for f in figures):
        return figures
    return [
        replace(f, end=m.end(), unit="percentage_points", as_written=sentence[f.start : m.end()])
        if f.unit == "count" and (m := _POINTS_AFTER.match(sentence, f.end)) is not None
        else f
        for f in figures
    ]


# "double the number of 2021", "twice that of last year", "grown about fourfold", "a 1.5-fold rise": a multiple
# stated against another figure ("doubled", "double-digit", "twice a week" are no multiple)
_MULTIPLE_WORD = re.compile(
    r"\b(?P<word>double|twice|triple|treble)\b(?=\s+(?:that|those|the|its|their|what|as\s+(?:many|much)\b)\b)"
    r"|(?<![\w.,-])(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)[- ]?fold\b",
    re.IGNORECASE,
)
_MULTIPLE_VALUES = {"double": 2, "twice": 2, "triple": 3, "treble": 3}


def _multiples(sentence: str) -> list[Figure]:
    found = []
    for match in _MULTIPLE_WORD.finditer(sentence):
        word = (match.group("word") or match.group("n")).lower()
        value = Decimal(_MULTIPLE_VALUES.get(word) or WORD_VALUES.get(word) or word)
        qualifier = _QUALIFIER_BEFORE.search(sentence[: match.start()])
        start = qualifier.start("q") if qualifier else match.start()
        kind = _QUALIFIER_OF.get(qualifier.group("q").lower(), "") if qualifier else ""
        found.append(Figure(start, match.end(), value, "times", kind, sentence[start : match.end()]))
    return found


def _hours_and_minutes(sentence: str, figures: list[Figure]) -> list[Figure]:
    """ "a 7-hour-30-minute link", "2 hours and 15 minutes": one time in hours, not two figures."""
    merged: list[Figure] = []
    for figure in figures:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.unit == "hours"
            and figure.unit == "minutes"
            and not figure.qualifier
            and re.fullmatch(r"\s*(?:-|and)?\s*", sentence[last.end : figure.start])
            and figure.value < 60
        ):
            value = last.value + (figure.value / 60).quantize(Decimal("0.01")).normalize()
            merged[-1] = Figure(
                last.start, figure.end, value, "hours", last.qualifier, sentence[last.start : figure.end]
            )
            continue
        merged.append(figure)
    return merged


def _scan(sentence: str, points_group: bool = False) -> list[_Raw]:
    found: list[tuple[int, int, Decimal, bool, str]] = []
    grouped = [m for m in _SPACE_GROUPED.finditer(sentence) if not _MONTH_BEFORE.search(sentence[: m.start()])]
    grouped += [*_COMMA_SPACE_GROUPED.finditer(sentence)]
    grouped += [*(_POINT_GROUPED.finditer(sentence) if points_group else [])]  # "on May 7 150 trucks" is a day
    grouped += [*(_ROUND_POINT_SCALED.finditer(sentence) if points_group else [])]
    for match in grouped:
        found.append((match.start(), match.end(), Decimal(re.sub(r"[^\d]", "", match.group())), False, ""))
    commas = list((_EUROPEAN_DECIMAL_COMMA if points_group else _DECIMAL_COMMA).finditer(sentence))
    commas += [*_MIDDLE_DOT_DECIMAL.finditer(sentence), *_LONG_DECIMAL_COMMA.finditer(sentence)]
    for match in _DIGITS.finditer(sentence):
        if any(g.start() <= match.start() < g.end() for g in [*grouped, *commas]):
            continue  # a group of a number written "500 000" or "5.903", or a decimal "13,891 million"
        if _NAME_HYPHEN.search(sentence[: match.start()]):
            continue  # "Covid-19", "Boeing-737": the digits belong to a capitalised name, in any case after its capital
        found.append((match.start(), match.end(), Decimal(match.group().replace(",", "")), False, ""))
    for match in commas:
        found.append((match.start(), match.end(), Decimal(re.sub(r"[,\u30fb\uff65]", ".", match.group())), False, ""))
    for match in _A_SCALE.finditer(sentence):  # "a million entries"
        found.append((match.start(), match.end(), Decimal(1), True, "a"))
    for match in _MONEY_GLUED_M.finditer(sentence):  # "US$59m": millions of dollars
        found.append((match.start(1), match.end(), Decimal(match.group(1)) * 10**6, False, ""))
    for match in [*_ORDINAL_DIGITS.finditer(sentence), *(_ORDINAL_POINTS.finditer(sentence) if points_group else [])]:
        value = Decimal(re.sub(r"[^\d]", "", match.group(1)))
        if value >= 100:  # "the 7000th train this year": the count reached; "the 22nd session" is a label
            found.append((match.start(), match.end(), value, False, ""))
    for match in _PLUS_PERCENT.finditer(sentence):
        found.append((match.start(1), match.end(1), Decimal(match.group(1).replace(",", ".")), False, ""))
    for match in _WORDS.finditer(sentence):
        after = sentence[match.end() :]
        if after.startswith("-") and not _unit_after(after)[0] or _PLAN_NAME.match(after):
            continue  # "one-stop", "two-way", "one-third": not a count; "the 14th Five-Year Plan": a plan's name
        word = match.group().lower()
        if match.group("tens"):
            unit = match.group("unit") or match.group("spaced")
            value = _TENS_WORDS[match.group("tens").lower()] + (WORD_VALUES[unit.lower()] if unit else 0)
        else:
            value = WORD_VALUES[word]
        found.append((match.start(), match.end(), Decimal(value), True, word))
    raws = []
    for start, end, number, is_word, word in sorted(found):
        raw = _read_around(sentence, start, end, number, is_word, word)
        if raw is not None:
            raws.append(raw)
    return raws


def _is_may(after: str) -> bool:
    """Whether the month after a number is the verb "may" ("20 may be sent"), not May."""
    month = re.search(MONTH_PATTERN, after, re.IGNORECASE)
    return bool(month) and month.group(0) == "may"


def looks_like_a_year_but_counts(sentence: str, start: int, end: int) -> bool:
    """Whether digits that could be a year count things ("2031 trains", "more than 2000 on the busiest day")."""
    return bool(_COUNTED_AFTER.match(sentence, end) or _BOUND_BEFORE.search(sentence[:start]))


def _read_around(sentence: str, start: int, end: int, number: Decimal, is_word: bool, word: str) -> _Raw | None:
    before, after = sentence[:start], sentence[end:]
    if not is_word:
        if _CLOCK.match(after) or _CLOCK_MINUTES.match(after) or _SCHEDULE.match(after) or _SCHEDULE_END.search(before):
            return None
        if _MONTH_BEFORE.search(before) and number <= 31 and number == int(number):
            return None  # the day in "June 30"
        if _MONTH_AFTER.match(after) and number <= 31 and number == int(number) and not _is_may(after):
            return None  # the day in "30 June", "1 to 15 January"
        if _SECOND_DAY.search(before) and number <= 31 and number == int(number):
            return None  # the second day of "on May 7 and 8", "May 7-8"
        if _LABEL_BEFORE.search(before) and not _KM_AFTER.match(after) and not _NUMBER_VERB.search(before):
            return None
    scale, position = 1, end
    half = re.match(r"\s+and\s+a\s+half\b", after, re.I)
    if half and number == int(number):  # "one and a half hours"
        number, position = number + Decimal("0.5"), end + half.end()
    scale_match = _SCALE.match(sentence, position)
    if scale_match:
        scale, position = SCALES[scale_match.group("scale").lower()], scale_match.end()
    mega = None if scale_match else _MEGATONNES.match(sentence, position)
    if mega:  # "122 M. t", "5 Mt": millions of tonnes
        scale, position = 10**6, mega.end()
        unit, unit_end = "tonnes", 0
    else:
        unit, unit_end = _unit_after(sentence[position:])
    multiple = _MULTIPLE_AFTER.match(sentence, position)
    if not unit and multiple and _MULTIPLE_BEFORE.search(before):
        unit, unit_end = "times", multiple.end() - position
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
    counted = looks_like_a_year_but_counts(sentence, start, end)
    if (
        not is_word
        and scale == 1
        and unit == "count"
        and number == int(number)
        and 1900 <= number <= 2100
        and not re.search(r"[,. ]", sentence[start:end])  # "2,055", "2.055": grouped, so no year
        and not counted
    ):
        return None  # a year: read as a period, not a figure
    if (
        not is_word
        and unit == "count"
        and scale == 1
        and _OLD_YEAR.search(before)
        and 1000 <= number < 1900
        and not counted
        and not re.search(r"[,. \u00a0\u202f]", sentence[start:end])  # "since the start of the year 1 622 trains"
    ):
        return None  # "opened in 1881", "since 1750": a year of history, not a figure
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
        if not first.explicit_unit and second.explicit_unit and re.fullmatch(r"\s+(?:and|or)\s+", between):
            # "1.1 million and 1.3 million tonnes": a list that shares its unit
            first.unit, first.explicit_unit = second.unit, True
            continue
        tail = sentence[second.end : second.end + 2]
        if (
            first.explicit_unit
            and first.unit != "count"
            and not (first.unit == "percent" and _CHANGE_BEFORE.search(sentence[: first.qualifier_start]))
            and not second.explicit_unit
            and closes
            and not re.match(r"\s*[A-Za-z]", tail)
        ):
            second.unit, second.explicit_unit = first.unit, True
            if second.scale == 1 and first.scale != 1:
                second.scale = first.scale
    for index, raw in enumerate(raws):
        money = [r for r in raws[:index] if r.explicit_unit and r.unit in {"CNY", "USD"}]
        if money and not raw.explicit_unit and raw.scale >= 10**6 and _NO_NOUN.match(sentence[raw.end :]):
            # "3,2 billion yuan in e-commerce and 50,4 billion in foreign trade": a sum that leaves out its currency
            raw.unit, raw.explicit_unit = money[-1].unit, True


_NO_NOUN = re.compile(r"\s*(?:$|[,.;)]|(?:in|of|and|while|from|for)\b)", re.I)


# ---------------------------------------------------------------- fractions in words

# As the golds write them: to two decimals (a third is 33.33 percent, a sixth 16.67).
_FRACTIONS = {"half": Decimal(50), "third": Decimal("33.33"), "quarter": Decimal(25), "fifth": Decimal(20),
              "sixth": Decimal("16.67"), "tenth": Decimal(10), "two thirds": Decimal("66.67"),
              "three quarters": Decimal(75)}  # fmt: skip
_NUMERATORS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# "six tenths", "three fifths" (as Chinese 六成 and 五分之三 are translated): shares with or without "of" after them
_FRACTIONS |= {f"{word} tenths": Decimal(10 * n) for word, n in _NUMERATORS.items()}
_FRACTIONS |= {f"{word} fifths": Decimal(20 * n) for word, n in _NUMERATORS.items() if n < 5}
_FRACTION = re.compile(
    r"\b(?:(?P<q>more than|over|nearly|almost|about|around|roughly|less than|under)\s+)?"
    r"(?P<f>(?:half|(?:a|one)[\s-]+(?:third|quarter|fifth|sixth|tenth)|two[\s-]+thirds|three[\s-]+quarters)\b(?=\s+of\b)"
    r"|(?:two|three|four|five|six|seven|eight|nine)[\s-]+tenths\b|(?:two|three|four)[\s-]+fifths\b)",
    re.IGNORECASE,
)


def _fraction_value(words: str) -> Decimal:
    """ "one-third", "a third" -> 33.33; "two thirds" -> 66.67."""
    words = re.sub(r"[\s-]+", " ", words.lower())
    return _FRACTIONS[re.sub(r"^(?:a|one) ", "", words)]


# "from the former two hours to half an hour": a time written in words, as the golds write it (0.5 hours)
_HALF_HOUR = re.compile(r"\bhalf\s+an\s+hour\b", re.I)


def find_fractions(sentence: str) -> list[Figure]:
    """Shares written in words before "of": "over half of", "a third of" (as percent: 50, 33.33); and "half an
    hour" (0.5 hours)."""
    figures = []
    for match in _HALF_HOUR.finditer(sentence):
        qualifier = _QUALIFIER_BEFORE.search(sentence[: match.start()])
        start = qualifier.start("q") if qualifier else match.start()
        figures.append(
            Figure(
                start=start,
                end=match.end(),
                value=Decimal("0.5"),
                unit="hours",
                qualifier=_QUALIFIER_OF[qualifier.group("q").lower()] if qualifier else "",
                as_written=sentence[start : match.end()],
            )
        )
    for match in _FRACTION.finditer(sentence):
        if re.search(r"\b(?:first|second|latter|last|final)\s+$", sentence[: match.start()], re.IGNORECASE):
            continue  # "the first half of 2025", "the second half of the year" are periods
        word = (match.group("q") or "").lower()
        figures.append(
            Figure(
                start=match.start(),
                end=match.end(),
                value=_fraction_value(match.group("f")),
                unit="percent",
                qualifier=_QUALIFIER_OF.get(word, ""),
                as_written=match.group(0),
            )
        )
    return figures
