"""What an article says about itself: title, publisher, publication date, dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.ingest.numbers import MONTHS, Reference, find_periods
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
            before = line[: match.start()].strip(" ,-—|")
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
    return info


def _iso(match: re.Match[str]) -> str:
    if match.group("iso"):
        return match.group("iso")
    month, day, year = (match.group("m"), match.group("d"), match.group("y"))
    if month is None:
        month, day, year = match.group("m2"), match.group("d2"), match.group("y2")
    return f"{year}-{MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}"


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
        for period in find_periods(sentence.text, Reference(own_year or 0, own_year or 0)):
            if period.explicit_year and (own_year is None or period.explicit_year <= own_year):
                years.append(period.explicit_year)
    year = max(years) if years else (own_year or date.today().year)
    return Reference(year=year, this_year=own_year or year)
