"""What an article says about itself: title, publisher, publication date, dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.ingest.compared import COMPARED, blank
from geo.ingest.periods import MONTHS, Reference, find_periods
from geo.ingest.text import Sentence

_DATE_TEXT = re.compile(
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<y2>(?:19|20)\d{2})"
    r"|(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})"
)


@dataclass
class ArticleInfo:
    """What the article says about itself: title, publisher and date, each empty when not found."""

    title: str = ""
    publisher: str = ""
    published: str = ""
    dateline: str = ""


def read_article_info(text: str) -> ArticleInfo:
    """Find the headline, the publisher and the publication date in an article's first lines."""
    info = ArticleInfo()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:15]:
        match = _DATE_TEXT.search(line)
        if match and len(line.split()) <= 12 and not info.published:
            info.published, info.dateline = _iso(match), line
            # "Xinhua) 09:03, July 29, 2025": the wire's name, without the time stamp and stray brackets
            before = _CLOCK_LINE.sub(" ", line[: match.start()]).strip(" ,-—|()")
            before = re.sub(r"^(?:published|updated)\b.*", "", before, flags=re.I).strip()
            if before and len(before.split()) <= 4 and not info.publisher:
                info.publisher = before
    for line in lines[:15]:
        by = re.match(r"^By\s+[^,]+,\s*(?P<pub>[^,]{3,60})$", line)
        if by and not info.publisher:
            info.publisher = by.group("pub").replace("’", "'").strip()
    source = re.search(r"\(Source:\s*(?P<pub>[^,)]+)", text)
    if source and not info.publisher:
        info.publisher = source.group("pub").strip()
    for line in lines[:15]:
        words = line.split()
        if (
            4 <= len(words) <= 30
            and not re.search(r"[›•|]", line)
            and not line.rstrip().endswith((":", "/", "."))
            and not line.startswith("By ")
            and line != info.dateline
        ):
            info.title = line.replace("’", "'")
            break
    # A "Title: / Publisher: / Published:" header, when the file has one, says it plainly.
    fields = header_fields(text)
    info.title = fields.get("title") or info.title
    info.publisher = fields.get("publisher") or info.publisher
    # "2019-12-05 (year inferred; see Note)": the date, then a remark on where it came from
    stated = _DATE_TEXT.match(fields.get("published", ""))
    if stated:
        info.published = _iso(stated)
    return info


def _iso(match: re.Match[str]) -> str:
    if match.group("iso"):
        return match.group("iso")
    month, day, year = (match.group("m"), match.group("d"), match.group("y"))
    if month is None:
        month, day, year = match.group("m2"), match.group("d2"), match.group("y2")
    return f"{year}-{MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"


_SINCE_YEAR = re.compile(r"since\s+(?:19|20)\d{2}", re.I)


def reference_for(sentences: list[Sentence], published: str, dateline: str = "") -> Reference:
    """The year an article's undated figures belong to: the latest year it reports on, at most its own year.

    "This year" is the year of the article's date when it has one; an undated article's "this year"
    is that latest year too.
    """
    own_year = int(published[:4]) if published else None
    years = []
    for sentence in sentences:
        if dateline and sentence.text in dateline:
            continue
        # ("three times as much as at the last expo in 2018": a year compared with is not one the article reports on)
        text = blank(sentence.text, COMPARED)
        for period in find_periods(text, Reference(own_year or 0, own_year or 0)):
            if _SINCE_YEAR.fullmatch(text[period.start : period.end]):
                continue  # "Since 2011 the port has handled ...": where a running count starts, not a year reported on
            if period.explicit_year and (own_year is None or period.explicit_year <= own_year):
                years.append(period.explicit_year)
        if own_year and re.search(r"\bthis year\b", sentence.text, re.I):
            years.append(own_year)  # "this year" reports on the year the article was published in
    year = max(years) if years else (own_year or date.today().year)
    return Reference(year=year, this_year=own_year or year)


# ---------------------------------------------------------------- the article's lines and their roles

_HEADER = re.compile(r"^(?P<key>Title|Publisher|Published|Date|URL|Source|Note|Author|Byline):\s*(?P<value>.*)$", re.I)
_URL = re.compile(r"^\S*(?:https?://|www\.)\S*$", re.I)
_CLOCK_LINE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.I)
_META_LINE = re.compile(
    r"^(?:by\s+[^.]{0,60}$|published\b|updated\b|\(web editor|editor:|source:|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|photo:)",
    re.I,
)
_CAPTION_LINE = re.compile(r"^(?:\(?photo\b|drone view|aerial view|file photo)|\((?:xinhua|photo)[/ ][^)]*\)\s*$", re.I)
# "japanese.china.org.cn |14. 09. 2017": a page's date line with the day, month and year in digits
# "14.09.2017", "04.03 2007" (a Korean page's month and day, then its year), '"China.org.cn" 20041123' (a credit line's
# year, month and day run together): a short line with one is the page's date line
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])\d{1,2}[-/.]\s?\d{1,2}(?:[-/.]\s?|\s+)(?:19|20)\d{2}\b"
    r"|(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
)
# "17 de janeiro de 2026", "13 Февраля 2020": a page's date line in another language (a day, a month's name, a year)
# "(Tovuti ya Gazeti la Umma) Januari 03, 2025": or the month first, after the page's name in brackets
_FOREIGN_DATE = re.compile(
    r"^(?:\([^)]*\)\s*)?(?:\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]+\.?,?\s+(?:de\s+)?|[^\W\d_]+\.?\s+\d{1,2},?\s+)"
    r"(?:19|20)\d{2}\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "URUMQI, July 28 (Xinhua) --", "(MENAFN- IANS) Urumqi, Dec 1 (IANS)", "GILGIT:": where and when it was filed.
_DATELINE = re.compile(
    r"^(?:\([^)]*\)\s*)?(?P<place>[A-Z][A-Za-z .'-]{1,30}),\s*(?P<m>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2})(?:,\s*(?:19|20)\d{2})?\s*"
    r"(?:\([^)]*\))?\s*(?:--|—|–|-|:)?\s*"
    r"|^(?P<caps>[A-Z][A-Z .'-]{2,30}):\s+"
    r"|^[A-Z][A-Z .'-]{2,30}\s*(?:--|—)\s*"  # "URUMQI -- Alashankou and ...": a dateline without a day
    # "ASTANA – The ...", "URUMQI-In the first ...": a hyphen only before a word that opens a sentence ("KTZ-Express")
    # "URUMQI - The ...": a hyphen with a space each side, as a dash
    r"|^[A-Z][A-Z.']{2,}(?:\s[A-Z][A-Z.']+)*(?:\s*–\s*|\s+-\s+|-(?=(?:In|The|A|An|On|At|As|By|For|From|According|With|During"
    r"|After|Since|Over|Last|This)\b))"
    # "URUMQI, (APP - UrduPoint / Pakistan Point News - 7th Jan, 2025)": the agency's line, its day at the end.
    # "XINJIANG, China, (UrduPoint / Pakistan Point News / WAM - 06th Jan, 2025)": a country may follow the place.
    r"|^(?P<place3>[A-Z][A-Za-z .'-]{1,30}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?),\s*\([^()]*?-\s*(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+"
    r"(?P<m3>[A-Z][a-z]{2,8})\.?,?\s+(?:19|20)\d{2}\s*\)\s*"
    # "China News Service, Urumqi, March 29 (Shi Yujiang) --": an agency, then the place (and its region: "Qinghe,
    # Xinjiang"), then the day and a dash
    r"|^[A-Z][A-Za-z .'-]{1,40},\s*(?:[A-Z][A-Za-z .'-]{1,30},\s*){1,2}(?P<m4>[A-Z][a-z]{2,8})\.?\s+(?P<d4>\d{1,2})\s*"
    r"(?:\([^)]*\))?\s*(?:--|—|–)\s*"
    # "[Wen Wei Po reporter Zhao Li, January 21, Xinjiang]", "[Xinhua, Urumqi, September 19]": a by-line in brackets
    r"|^[\[\u3010][^\]\u3011]{0,160}?\b(?P<m5>[A-Z][a-z]{2,8})\.?\s+(?P<d5>\d{1,2})(?:st|nd|rd|th)?\b[^\]\u3011]{0,60}"
    r"[\]\u3011]\s*"
    # "【31 January, Xinhua News】": the day before its month, in square or lenticular brackets
    r"|^[\[\u3010](?P<d7>\d{1,2})\.?\s+(?P<m7>[A-Z][a-z]{2,8})\b[^\]\u3011]{0,80}[\]\u3011]\s*"
    # "Urumqi, 10 September 2022 (Xinhua) --", "URUMQI, 26. September (Xinhua) --", "Urumqi, 25 June /Xinhua/ --":
    # the day before its month (and the year), then a dash; "Guangming Daily, Urumqi, 21 August (reporter Li Hui) –":
    # an agency may come first
    r"|^(?:[A-Z][A-Za-z .'-]{1,40},\s*){1,3}(?P<d6>\d{1,2})\.?\s+(?P<m6>[A-Za-z][a-z]{2,8})\.?(?:,?\s+(?:19|20)\d{2})?\s*"
    r"(?:\([^)]*\)|/[^/]{1,40}/)?\s*(?:--|—|–)\s*"
    # "新华社乌鲁木齐5月29日电(记者符晓波)", "本报乌鲁木齐8月30日记者逯风暴报道:": a Chinese dateline kept as printed,
    # the agency and place, the month and day in digits, then the reporters
    r"|^[\u4e00-\u9fff]{2,16}?(?P<n8>\d{1,2})月(?P<d8>\d{1,2})日[\u4e00-\u9fff]{0,12}"
    r"(?:\s*[(\uff08][^)\uff09]*[)\uff09])?\s*[:\uff1a]?\s*"
)


def header_fields(text: str) -> dict[str, str]:
    """The ``Key: value`` lines an article file may start with (Title, Publisher, Published, URL, Note)."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            break
        fields[match.group("key").lower()] = match.group("value").strip()
    return fields


@dataclass(frozen=True)
class Line:
    """A paragraph of the article and what it is: header, meta (by-line, time stamp, URL), headline, caption or body."""

    number: int
    text: str
    role: str


def line_roles(text: str) -> list[Line]:
    """Each non-empty line with its role; only body and caption lines carry figures to propose."""
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines()) if line.strip()]
    roles: list[Line] = []
    in_header, headline_seen = True, False
    title = ""
    for n, line in lines:
        if in_header and _HEADER.match(line):
            roles.append(Line(n, line, "header"))
            title = line[6:].strip().casefold() if line.startswith("Title:") else title
            continue
        in_header = False
        words = len(line.split())
        if title and line.casefold() == title:
            role, headline_seen = "headline", True  # the header's title, after a section label ("China and CPEC")
        elif (
            _URL.match(line)
            or _META_LINE.match(line)
            or (_CLOCK_LINE.search(line) and words <= 12)
            or (_DATE_TEXT.search(line) or _NUMERIC_DATE.search(line) or _FOREIGN_DATE.match(line))
            and words <= 10
        ):
            role = "meta"
        elif _CAPTION_LINE.search(line):
            role = "caption"
        elif (
            not headline_seen
            and words <= 25
            and (not re.search(r"[.!?][\"”’)]*$", line) or (words <= 15 and line.endswith("?")))
        ):  # "1,500 trucks wait at the border: why?": a headline may ask
            role, headline_seen = "headline", True
        else:
            role = "body"
            headline_seen = True
        roles.append(Line(n, line, role))
    return roles


def strip_dateline(text: str) -> tuple[str, tuple[str, int] | None]:
    """A body paragraph without its dateline prefix, and the dateline's (month, day) if it has one."""
    match = _DATELINE.match(text)
    month, day = ("", "")
    if match:
        month = next((match.group(g) for g in ("m", "m3", "m4", "m5", "m6", "m7") if match.group(g)), "")
        if match.group("n8") and 1 <= int(match.group("n8")) <= 12:
            month = MONTHS[int(match.group("n8")) - 1]
        day = next((match.group(g) for g in ("d", "d3", "d4", "d5", "d6", "d7", "d8") if match.group(g)), "")
    if not match or (month and month.lower().rstrip(".")[:3] not in _MONTH_ABBR):
        return text, None
    when = (month, int(day)) if month else None
    return text[match.end() :], when


# "(see the article of 2 September 2022)", "(cf. Table 2)": a pointer to another page, whose date and numbers are not
# the article's figures or periods
_SEE_ALSO = re.compile(r"\((?:see|cf\.?)\s[^()]*\)", re.I)


def without_cross_references(text: str) -> str:
    """The paragraph with its pointers to other pages blanked (the text keeps its length)."""
    return _SEE_ALSO.sub(lambda m: " " * len(m.group(0)), text)


_MONTH_ABBR = {m[:3] for m in MONTHS}


def dateline_date(month: str, day: int, published: str) -> date | None:
    """The dateline's day in the year of publication (the previous year if that would be after publication)."""
    if not published:
        return None
    pub = date.fromisoformat(published)
    number = _MONTH_ABBR_NUMBER.get(month.lower()[:3])
    if not number:
        return None
    try:
        day_date = date(pub.year, number, day)
    except ValueError:
        return None
    return day_date if day_date <= pub else date(pub.year - 1, number, day)


_MONTH_ABBR_NUMBER = {m[:3]: n for n, m in enumerate(MONTHS, start=1)}


def weekday_before(name: str, anchor: date) -> date:
    """The last ``name`` (Monday ...) on or before ``anchor``: "as of Monday" in a story filed that week."""
    target = _WEEKDAYS.index(name.lower())
    return date.fromordinal(anchor.toordinal() - (anchor.weekday() - target) % 7)
