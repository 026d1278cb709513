"""Periods from the text: year to date, as-of days, relative years and the data year carried from sentence to sentence."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from geo.ingest.adjusted import NOW as _NOW
from geo.ingest.adjusted import PLANNED as _PLANNED
from geo.ingest.adjusted import YEAR_NAMED as _YEAR_NAMED
from geo.ingest.adjusted import adjusted
from geo.ingest.article import _WEEKDAYS, weekday_before
from geo.ingest.changes import change_start
from geo.ingest.compared import COMPARED, EVENT, blank
from geo.ingest.governing import between, clause_years, gap, inside, nearest, own_years, within
from geo.ingest.holidays import is_holiday_span
from geo.ingest.numbers import Figure
from geo.ingest.periods import SAID_ON, Period, Reference, dispatch_month_day, find_periods
from geo.ingest.standing import (
    SHARE_NOW,
    holds_now,
    month_end_levels,
    present_tense,
    rates_of_the_period,
    stands,
    stands_in_clause,
    told_as_now,
    yearly_amounts,
)
from geo.ingest.text import clause_span

_WEEKDAY = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
_WEEKDAY_AT = re.compile(
    r"\b(?:as of|as at|by|on|until|till|up to|through|since)\s+(?:last\s+)?" + _WEEKDAY + r"\b", re.I
)
_AS_OF_NTH = re.compile(r"\b(?:as of|as at|up to|until|till)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_AS_OF = re.compile(r"\b(?:as of|as at|by the end of|by|until|up to)\b", re.I)
# Year to date: the count since 1 January of a year not yet over, to the day the text says.
_YTD = re.compile(
    r"\bso far\b|\b(?:since|from) the (?:beginning|start) of (?:the year|this year|(?:19|20)\d{2})\b|\bcumulative(?:ly)?\b"
    r"|\bin total\b|\byear[- ]to[- ]date\b",
    re.I,
)
_THIS_YEAR = re.compile(r"\bthis year\b", re.I)
_SINCE_NEW_YEAR = re.compile(r"\b(?:since|from) the (?:beginning|start) of (?:the|this) year\b", re.I)
_ON_DAY = re.compile(r"^\s*on\s+(?:the\s+)?$", re.I)
_NTH = re.compile(r"\d(?:st|nd|rd|th)\b")
_NTH_OF_YEAR = re.compile(r"\d(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,4}?(?:of|in)\s+(?P<y>(?:19|20)\d{2})\b")
_NTH_OF_THE_YEAR = re.compile(r"\d(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,4}?of\s+the\s+year\b", re.I)
_RAN = re.compile(r"\b(?:ran|saw|hit|reached|peaked|averaged|topped)\b", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|lt|nt|ne|un)\b|\bhad\b|\bhas\b", re.I)
_THAT_PERIOD = re.compile(
    r"\b(?:in|during|over|for) (?:(?:that|this|the same) (?:period|time)|the period)\b(?! (?:of|last|in)\b)", re.I
)
_THAT_DAY = re.compile(r"\b(?:that|the same) day\b(?!\s+(?:last|of|in)\b)", re.I)
# "By the end of October" in a year not yet over, with no word for an all-time total: this year's January-October.
_BY_MONTH = re.compile(r"\.\./(?P<y>\d{4})-(?P<m>\d{2})")
# Words of an all-time total ("an all-time high" is a record, not one)
_ALL_TIME = re.compile(r"\b(?:cumulative(?:ly)?|in total|since|all[- ]time(?! (?:high|record|peak))|to date)\b", re.I)
_SINCE = re.compile(
    r"\bsince\b(?! the (?:beginning|start) of)"
    r"|\b(?:months|weeks|days|years) (?:of|since|after) (?:its|their|the) (?:opening|launch|establishment|inauguration)\b",
    re.I,
)
# "taking the number of trains through the port this year to over 8,000": this year's count so far, unless a plan
_YEAR_END = re.compile(r"\bby the end of (?:the|this) year\b", re.I)
_SAID = re.compile(r"\b(?:said|says|announced|reported|revealed|told|released|disclosed)\s*$", re.I)
# "so far", "a cumulative total", "altogether" with no year named: the all-time count to the article's day.
# "had run a total of 358 trains", "have now run ... in all" ("60% of the seats in all the traffic": "all" the
# determiner)
_RUNNING = re.compile(r"\ba total of\b|\bin all\b(?!\s+(?:the|of|its|their|our|these|those)\b)", re.I)
# "had passed 20,000", "gone past 70,000", "counting from the start of the service": a running total since the start;
# "an average of 17 trains a day": a rate
_MILESTONE_OR_RATE = re.compile(
    r"\b(?:pass(?:ed|es)?(?!\s+(?:through|via))|(?:gone|went)\s+past|surpass\w*|exceed\w*|topp(?:ed|ing)"
    r"|counting from|in all|(?<!in )a day|per day|daily|average)\b",
    re.I,
)
_ORIGIN = re.compile(r"\bfrom\s+(?:more than\s+|over\s+|about\s+|nearly\s+)?$", re.I)
_ALL_TIME_TOTAL = re.compile(r"\bso far\b|\bcumulative(?:ly)?\b|\bin total\b|\baltogether\b|\bto date\b", re.I)


@dataclass
class Timeline:
    """What the article's dates are and what the sentences before this one said about periods."""

    published: date | None
    filed: date | None  # the dateline's day, else the publication date
    data_year: int
    as_of: date | None = None  # the article's first "as of Monday" / "by Sunday"
    last: str = ""
    stated: str = ""  # the last interval a sentence stated ("the first three quarters"): later paragraphs' flows
    last_paragraph: int = -1
    guessed: bool = False  # no publication date: relative dates are guesses
    year_stated: bool = False  # a year was stated (title or a sentence before): "in May" is that year's
    title_year: int = 0  # the year the title names ("Freight trains ... hit record high in 2021"), else 0
    this_year_paragraph: int = -1  # the last paragraph a sentence of which said "this year"
    last_day: str = ""  # the last day a sentence named ("On March 30 a crane lifted ..."): "that day" is it
    sentence_day: str = ""  # the last day the current sentence names
    day_before: str = ""  # the last day the sentence before named ("On the 29th a train left ... It was the 7000th")
    quiet: bool = False  # a sentence with no figure came after the last one with figures
    news_on: str = ""  # the day the reporters learned the news ("On April 11 the reporter learned ..."), if told
    holiday: str = ""  # the holiday the article names ("the National Day holiday"): 2024-10-01/2024-10-07
    notes: list[str] = field(default_factory=list)

    @property
    def pub_year(self) -> int:
        return self.published.year if self.published else self.data_year

    def first_as_of(self, sentences: list[str]) -> None:
        """Remember the article's first as-of weekday or date: an earlier "this year" runs to that day."""
        for text in sentences:
            match = _WEEKDAY_AT.search(text)
            if match and self.filed and re.search(r"\b(?:as of|as at|by|up to|until|till)\b", match.group(0), re.I):
                self.as_of = weekday_before(match.group("wd"), self.filed)
                return
            nth = _AS_OF_NTH.search(text)  # "As of the 30th, ... this year passed 4,000" in a dispatch of 1 September
            day = dispatch_month_day(int(nth.group(1)), self.filed.isoformat()) if nth and self.filed else ""
            if day:
                self.as_of = date.fromisoformat(day)
                return

    def _this_year(self, text: str, paragraph: int) -> None:
        """Remember a sentence that says "this year" (with figures or not): its paragraph is about this year."""
        if _THIS_YEAR.search(text):
            self.this_year_paragraph = paragraph

    def note(self, text: str, paragraph: int) -> None:
        """A sentence with no figure that states an interval ("rose strongly in the first four months of this year"):
        the period in force for the flows of the paragraphs after it, until another period is stated."""
        self._this_year(text, paragraph)
        self.quiet = True
        clean = blank(blank(text, COMPARED), EVENT)
        if _STREAK.search(clean) or _PLANNED.search(clean):
            return  # a run's span or a plan's is no period the figures after it are about
        reference = Reference(
            year=self.data_year,
            this_year=self.pub_year,
            published=self.published.isoformat() if self.published else "",
            months_recent=not self.year_stated,
        )
        found = {self._this_year_to(p.period, clean) for p in find_periods(clean, reference) if p.period != "same"}
        intervals = [p for p in found if re.fullmatch(r"\d{4}-\d{2}/\d{4}-\d{2}", p)]
        if self.published and self.pub_year == self.data_year and _SINCE_NEW_YEAR.search(clean):
            # "Since the start of this year, exports of ketchup have kept on growing": the year to the page's day
            self.stated = f"{self.pub_year}-01-01/{self.published.isoformat()}"
            return
        if len(found) == 1 and intervals and intervals[0][:4] == str(self.data_year):
            self.stated = intervals[0]
        elif len(found) == 1 and is_holiday_span(next(iter(found))):
            # "Over the Spring Festival holiday the airport made full use of its routes": the holiday's days again,
            # for the flows after it (not the travel season a sentence before counted from)
            self.stated = next(iter(found))

    def first_holiday(self, sentences: list[str], reference: Reference) -> None:
        """Remember the first holiday the article names: a later "as of Monday" inside it counts from its first day."""
        for text in sentences:
            for period in find_periods(text, reference):
                if is_holiday_span(period.period):
                    self.holiday = period.period
                    return

    def periods(
        self, text: str, paragraph: int, figures: list[Figure], stock: list[bool], flows: list[bool] | None = None
    ) -> list[tuple[str, str]]:
        """Each figure's period and the rule that set it, in the contract's grammar.

        ``stock`` marks counts that stand (routes, countries); ``flows`` marks amounts over a period
        (trade, trips, their growth and shares), which a later paragraph's undated figure inherits.
        """
        flows = flows if flows is not None else [not s for s in stock]
        before = self.last if self.last_paragraph >= 0 and not self.quiet else ""  # the figure sentence just before
        self.quiet = False
        same_paragraph = paragraph == self.last_paragraph
        self.last_paragraph = paragraph
        clean = blank(blank(text, COMPARED), EVENT)
        published = self.published.isoformat() if self.published else ""
        reference = Reference(
            year=self.data_year, this_year=self.pub_year, published=published, months_recent=not self.year_stated
        )
        found = [p for p in find_periods(clean, reference) if p.period != "same"]
        back = _THE_HOLIDAY.search(clean)
        if back and self.holiday and not found:
            # "Over the holiday the airports carried ...": the holiday the article named before
            found = [Period(back.start(), back.end(), self.holiday, None)]
        # "Since 2011 the port has supervised 32,000 trips", "had been shut since December 1, 2023": the year after
        # "since" is where a running count starts, not the year the article's figures are about; it is not carried
        starts = [p for p in found if _STARTS_AT.search(clean[: p.start]) or _STARTS_AT.match(clean[p.start :])]
        if (
            any(_SINCE_YEAR.fullmatch(clean[p.start : p.end]) for p in starts)
            and not _RATE_SINCE.search(clean)
            and not any(f.unit == "percent" for f in figures)
        ):
            # a count since a bare year runs to the day it was said, open-start, as any count since an event
            found = [p for p in found if not _SINCE_YEAR.fullmatch(clean[p.start : p.end])]
        explicit_years = [p.explicit_year for p in found if p.explicit_year and p not in starts]
        # "The customs said on March 23 that the region traded 23.82 billion yuan in the first two months": the day of
        # the reporting clause is the day of the news, not of the figures (as "said on Monday")
        found = [p for p in found if not (SAID_ON.search(clean[: p.start]) and _DAY.fullmatch(p.period))]
        learned = [
            p
            for p in found
            if (
                _LEARNED_AFTER.match(clean[p.end :])
                or _BRIEFED_ON.search(clean[: p.start])
                or _LEARNED_ON.search(clean[: p.start])
            )
            and _DAY.fullmatch(p.period)
        ]
        if learned:
            # "On April 11 the reporter learned that in the first quarter ...": the day of the news, not of the
            # figures; what stands "now" in the article stands on that day
            self.news_on = self.news_on or learned[0].period
            found = [p for p in found if p not in learned]
        weekday = _WEEKDAY_AT.search(clean)
        if weekday and _SAID.search(clean[: weekday.start()]):
            weekday = None  # "the group said on Monday that ...": the day of the news, not of the figures
        day = weekday_before(weekday.group("wd"), self.filed) if weekday and self.filed else None
        if (
            day
            and weekday.group(0).lower().startswith("on ")
            and any(re.fullmatch(r"\d{4}", p.period) and int(p.period) != self.pub_year for p in found)
        ):
            day = None  # "released on Wednesday ... last year": the day of the news, the year of the figure
        dated = [p for p in found if re.fullmatch(r"(?:\.\./)?\d{4}-\d{2}-\d{2}", p.period)]
        as_of_day = day or (date.fromisoformat(dated[0].period[3:]) if dated and dated[0].period[:3] == "../" else None)
        ranges = [p for p in found if p not in dated and not re.fullmatch(r"\d{4}", p.period)]
        years = [p for p in found if re.fullmatch(r"\d{4}", p.period)]
        # "On 17 February 2022, the 32nd day of the 2022 travel season, the airport carried 61,000 passengers, the
        # highest of 2022": the figures of the day the sentence opens on, whatever years it names
        on_day = any(_ON_DAY.search(clean[: p.start]) and not p.period.startswith("..") for p in dated)
        current = (explicit_years[-1] if explicit_years else self.data_year) == self.pub_year
        ytd_words = bool(_YTD.search(clean)) or (
            bool(_THIS_YEAR.search(clean))
            and bool(
                _PERFECT.search(clean)
                or day
                or dated
                or (any(flows) and not _PLANNED.search(clean))
                # "This year the trains ran at most 24 in a day": a rate or peak so far in a year not yet over
                or (_RAN.search(clean) and not _PLANNED.search(clean))
            )
        )
        # "It was the 700th train of 2018, as many as in the whole of 2017" in a dispatch of September 2018: the count
        # so far in the year the ordinal is of, whatever year it is compared with
        # ("It was the 1000th China-Europe train of the year": of the year it is told in)
        nth_this_year = any(_NTH.search(f.as_written) for f in figures) and (
            any(m.group("y") == str(self.pub_year) for m in _NTH_OF_YEAR.finditer(clean))
            or bool(_NTH_OF_THE_YEAR.search(clean))
        )
        if explicit_years and not dated and not (_PLANNED.search(clean) and explicit_years[-1] > self.pub_year):
            # ("... is expected to reach 35 million tonnes in 2030": a year still to come is a plan's, not the data's)
            self.data_year = explicit_years[-1]
            self.year_stated = True
        self._this_year(clean, paragraph)
        told_day = self.sentence_day or (self.day_before if self.day_before and _IT_WAS.match(clean) else "")
        result: list[tuple[str, str]]
        all_time = bool(_ALL_TIME_TOTAL.search(clean)) and not _YEAR_NAMED.search(clean) and not found
        target = [p for p in found if re.fullmatch(r"\.\./\d{4}", p.period)] if _PLANNED.search(clean) else []
        plan_span = [p for p in found if re.fullmatch(r"\d{4}/\d{4}", p.period)] if _PLANNED.search(clean) else []
        if self.holiday and as_of_day and self.holiday[:10] <= as_of_day.isoformat() <= self.holiday[11:]:
            # "over the National Day holiday ... as of Monday, 48,000 people had crossed": the holiday up to that day
            result = [(f"{self.holiday[:10]}/{as_of_day.isoformat()}", "the holiday named, to the day stated")] * len(
                figures
            )
        elif self.day_before and _BY_THEN.match(clean) and not found and not _WILL.search(clean):
            # ("By then the two countries will be linked by 64 routes": a day still to come, which the days told
            # before, read as past ones, do not give)
            result = [(self.day_before, "by then: a count that stands on the day told before") if s
                      else (f"../{self.day_before}", "by then: a total to the day told before") for s in stock]  # fmt: skip
        elif target:
            # "aims to open 40 cargo routes by the end of 2025": a target for the last day of that year; "will have 25
            # airports by 2020" names only the year, as every gold codes it (sealed22, 28, 30, 32)
            result = [_target(nearest(f, target), clean) for f in figures]
        elif plan_span and _BY_END.search(clean):
            # "by the end of the plan period (2021-2025), it expects 33 airports": a target for the span's last day
            result = [(f"{nearest(f, plan_span).period[5:]}-12-31", "a target by the end of a span") for f in figures]
        elif _PLANNED.search(clean) and _YEAR_END.search(clean):
            result = [(f"{self.pub_year}-12-31", "a target by the end of the year")] * len(figures)
        elif (
            ranges
            and not dated
            and _SINCE.search(clean)
            and not _ALONE.search(clean)  # "since the office moved ...: in December 2023 alone" is that month
            and all(re.fullmatch(r"\d{4}-\d{2}", p.period) for p in ranges)
        ):
            # "has passed 100,000 since inspections resumed ..., an officer said in late August": open to that month
            result = [
                (
                    f"../{self._news_month(nearest(f, ranges).period, clean)}",
                    "since ...: open start to the month stated",
                )
                for f in figures
            ]
        elif ranges and not dated:
            result = [(self._this_year_to(nearest(f, ranges).period, clean), "period phrase") for f in figures]
        elif (
            all_time
            and self.published
            and not _SINCE.search(clean)
            and not explicit_years
            and _AS_OF_COMPARED.search(text)
        ):
            # "have reached 3243 so far, 10.2% more than in the same period of last year": a total compared with the
            # year before is this year's so far
            end = self._news_day(clean)
            result = [(end.isoformat(), "a count that stands: the year-to-date day") if s
                      else (f"{end.year}-01-01/{end.isoformat()}", "year to date: compared with the year before")
                      for s in stock]  # fmt: skip
        elif all_time and self.published and not _SINCE.search(clean):
            # "has so far handled a cumulative total of 46,000 trains and runs 87 routes": a total to date, a count now
            day = self.published.isoformat()
            result = [(day, "a count that stands: the publication date") if s else (f"../{day}", "all-time total")
                      for s in stock]  # fmt: skip
        elif (
            dated
            and (_FOR_THE_YEAR.search(clean) or (_AS_OF_COMPARED.search(text) and dated[0].period.startswith("..")))
            and not _SINCE.search(clean)
        ) or (not dated and told_day and _FOR_THE_YEAR.search(clean) and not _SINCE.search(clean)):
            # "as of 12 November 2024, passenger trips for the year had passed four million": that year to the day;
            # "reached 2,000 for the year on the 14th": to the day of the dispatch's month it names ("On the 2nd a
            # train left. With it, the trains reached 5,000 for the year": the day the sentence before names)
            end = dated[0].period.removeprefix("../") if dated else told_day
            result = [(f"{end[:4]}-01-01/{end}", "year to date: the day stated") if not s
                      else (end, "a count that stands: the year-to-date day") for s in stock]  # fmt: skip
        elif (
            # "On June 21 the airport saw its first peak of 2022, with 7917 passengers that day": the day's, not 2022's
            (
                ytd_words
                or nth_this_year
                or ((dated or day) and years and current and not _THAT_DAY.search(clean) and not on_day)
            )
            and (current or nth_this_year)
            and not _SINCE.search(clean)
        ):
            end = (
                day
                # "Reporters learned on March 2 that as of March 1 ...": the as-of day ends it, not a day of the news
                or (date.fromisoformat(_as_of_first(dated)[0].period.removeprefix("../")) if dated else None)
                or self.as_of
                or self._news_day(clean)
            )
            # "As of November 30 ... this year" on a February page: the day fell in the year before, whose span it ends
            start = min(end.year, self.pub_year) if end else self.pub_year
            period = f"{start}-01-01/{end.isoformat()}" if end else str(self.pub_year)
            # "had handled 3,000 trips this year as of Monday on 123 routes": the routes are a count on that day
            result = [(end.isoformat(), "a count that stands: the year-to-date day") if s and end
                      else (period, "year to date") for s in stock]  # fmt: skip
        elif _SINCE.search(clean) and (self.filed or dated):
            # "Since the business began in 2020, it had exported 1.6 billion yuan as of Feb 26": the as-of day ends it
            end = as_of_day.isoformat() if as_of_day else self.filed.isoformat() if self.filed else dated[-1].period
            # ("it now runs 21 lines to 23 countries": what stands on the day is counted on it, not since the start)
            # ("visitors from more than 100 countries" since then: the countries of the running total are its own)
            result = [(end, "since ...: a count that stands on the day")
                      if s and not _ORIGIN.search(clean[: f.start]) else (f"../{end}", "since ...: open start")
                      for f, s in zip(figures, stock, strict=True)]  # fmt: skip
            # "since the port resumed passenger clearance on April 3, people have crossed 21,000 times": from that day
            since = _SINCE.search(clean).start()
            begun = [p.period for p in dated if since < p.start and _DAY.fullmatch(p.period) and _DAY.fullmatch(end)
                     and p.period < end]  # fmt: skip
            result = [(f"{begun[0]}/{end}", "since a day stated: from that day") if begun and r[0].startswith("../")
                      and since < f.start else r for f, r in zip(figures, result, strict=True)]  # fmt: skip
        elif dated and (span := self._start_to_month(clean, dated, ranges)):
            # "once it started operating on April 17, it handled 46,000 tonnes by June": from that day to June's end
            result = [(span, "from a start day to the month stated")] * len(figures)
        elif (
            (day or (dated and dated[0].period.startswith("../")))
            and current
            and (
                self.title_year == self.pub_year
                or self.this_year_paragraph == paragraph
                # "As of Friday, 121 million tonnes had been moved, up 5.38 percent year on year": a change on the
                # year before compares the year so far, so the as-of day ends this year's span
                or (day and _AS_OF_COMPARED.search(text))
                # "as of 2 April over 49 thousand vehicles had passed through": a flow counted to a day, with no word
                # of an all-time total, a milestone passed or a rate, is the year's so far
                or (
                    dated
                    and dated[0].period.startswith("../")
                    and not _MILESTONE_OR_RATE.search(clean)
                    and not _SINCE.search(clean)
                )
            )
            and not _ALL_TIME_TOTAL.search(clean)
        ):
            # "As of Monday, the two ports had seen 11,500 trains" under a title about 2021, "By December 9 the pass
            # had handled 59,100 crossings" after "has risen sharply this year": the as-of day ends the year the
            # article is about, which governs the clause; with no such year it is a day or an all-time total
            end = day or date.fromisoformat(dated[0].period[3:])
            result = [(end.isoformat(), "a count that stands: the year-to-date day") if s
                      else (f"{end.year}-01-01/{end.isoformat()}", "year to date: the article's year to the day")
                      for s in stock]  # fmt: skip
        elif dated:
            result = [(nearest(f, dated).period, "as of a day") for f in figures]
        elif day:
            result = [(day.isoformat(), "weekday in the dateline's week")] * len(figures)
        elif (_NOW.search(clean) or SHARE_NOW.search(clean)) and self.published:
            # "now runs 37 routes, and its cargo jumped 152.2 percent in 2025": a year in the figure's clause wins;
            # "the trains through it make up 30 percent of all": a share in the present tense is today's
            now_at = (_NOW.search(clean) or SHARE_NOW.search(clean)).start()
            result = [
                (nearest(f, years).period, "year")
                if years
                and gap(f, nearest(f, years)) < abs(now_at - f.start)
                and not _CLAUSE.search(between(clean, f, nearest(f, years)))
                # "More than 47,000 trains have now run through Horgos in all": a flow's running total, open-start
                else (f"../{self.published.isoformat()}", "now, all told: open start")
                if flow
                and not is_stock
                and f.unit not in _NO_TOTALS
                and (_RUNNING.search(clean) or _ALL_TIME_TOTAL.search(clean))
                else (self.published.isoformat(), "now: the publication date")
                for f, is_stock, flow in zip(figures, stock, flows, strict=True)
            ]
        elif years:
            # "in 2023 exports passed 5100, close to twice ...; in 2024 they soared to 18,000": the year of the
            # figure's own part of the sentence, not a nearer one across a semicolon
            result = [(nearest(f, [y for y in years if ";" not in between(clean, f, y)] or years).period, "year")
                      for f in figures]  # fmt: skip
        elif _THAT_DAY.search(clean) and self.last_day:
            # "On March 30 the port opened again ... That day two containers were exported": the day named before
            result = [(self.last_day, "that day: the day named before")] * len(figures)
        elif _THAT_PERIOD.search(clean) and not self.last and self.stated:
            # "Exports in the period came to ..." under a title about the first quarter: the span the title stated
            result = [(self.stated, "that period: the one the title stated")] * len(figures)
        elif _THAT_PERIOD.search(clean) and self.last:
            # "during the same period, the four bonded zones traded ...": the trade has that period, the zones (a
            # count the text presents as known, "the four") stand; "traded with 206 countries" keeps the period
            result = [
                (self.published.isoformat(), "a count that stands: the publication date")
                if is_stock and self.published and "/" in self.last and _KNOWN_COUNT.search(clean[: f.start])
                else (self.stated, "that period: the one the article stated")
                if within(self.last, self.stated)  # "in the period" after "In May alone" is January-May
                else (self.last, "that period: carried")
                for f, is_stock in zip(figures, stock, strict=True)
            ]
        else:
            result = [
                (f"../{self.published.isoformat()}", "all told (perfect tense, no period): open start")
                if flow and not is_stock and self.published and _ALL_TOLD.search(clean[: f.start])
                else (self.published.isoformat(), "a count that stands, in the present tense: the publication date")
                if is_stock and self.published and holds_now(clean[slice(*clause_span(clean, f.start, f.end))])
                else (
                    self.published.isoformat(),
                    "a count that stands, in the present (perfect) tense: the publication date",
                )
                if is_stock and self.published and present_tense(clean[: clause_span(clean, f.start, f.end)[1]])
                else self._carried(
                    same_paragraph, is_stock, flow and not _PLANNED.search(clean), bool(_SAME_PERIOD.search(text))
                )  # fmt: skip
                for f, is_stock, flow in zip(figures, stock, flows, strict=True)
            ]
        if self.published:
            # "processing now takes 16 hours", "the flight takes about six hours": a time a thing takes stands at
            # the article's day unless its own clause names a period ("this year" in the clause before is another's)
            result = [
                (self.published.isoformat(), "a time it takes: the publication date")
                if f.unit in _DURATIONS and not any(inside(p.start, clause_span(clean, f.start, f.end)) for p in found)
                else r
                for f, r in zip(figures, result, strict=True)
            ]
        if self.published:
            # "more than 40,000 trains have passed over the past decade, on routes that reach 21 countries": a count
            # that stands, in the present tense in a clause of its own with no time words, is today's count
            result = [
                (self.published.isoformat(), "a count that stands in its own clause: the publication date")
                if is_stock and stands_in_clause(clean, f, found)
                else r
                for f, is_stock, r in zip(figures, stock, result, strict=True)
            ]
        if self.published and found:
            # "its companies now number more than 44,000, and its trade came to 155 billion yuan in the first 9
            # months": "now" in a clause of its own is the article's day; the period phrase is the other clause's
            result = [
                (self.published.isoformat(), "now, in a clause of its own: the publication date")
                if _NOW.search(clean[slice(*span)])
                and not any(inside(p.start, span) for p in found)
                and rule == "period phrase"
                else (period, rule)
                for f, (period, rule) in zip(figures, result, strict=True)
                for span in [clause_span(clean, f.start, f.end)]
            ]
        if self.published and not found:
            # "each vehicle can save 100 yuan", "an average daily traffic of 20,000", "cut from nine steps to four":
            # a rate, a per-unit figure or a before/after state stands on the article's day when its sentence
            # names no period; it neither inherits a period stated for the flows before it nor runs from a "since"
            result = [
                (self.published.isoformat(), "a rate or state that stands: the publication date")
                if stands(clean, f)
                else r
                for f, r in zip(figures, result, strict=True)
            ]
        if self.published:
            # "since the deal took effect we've seen over 130 flights per month": a rate is not a running total
            result = [
                (self.published.isoformat(), "a rate that stands: the publication date")
                if r[0].startswith("..") and _PER.match(clean[f.end :])
                else r
                for f, r in zip(figures, result, strict=True)
            ]
        if not found:
            result = rates_of_the_period(clean, figures, result, before)
        result = own_years(clean, figures, found, result)
        ytd = _YTD.search(clean)
        result = clause_years(clean, figures, found, result, ytd.start() if ytd else -1)
        result = change_start(text, figures, result, self.published)  # the event blanked in clean dates the start
        result = told_as_now(clean, figures, result, flows, self.published, text)
        result = yearly_amounts(clean, figures, result, self.published)
        result = month_end_levels(clean, figures, stock, result)
        result = adjusted(text, clean, figures, result, years, self.published)
        if self.news_on and self.published:
            result = [(self.news_on, rule) if p == self.published.isoformat() else (p, rule) for p, rule in result]
        if not found and same_paragraph and _ON_AVERAGE.match(clean) and _YEAR_SO_FAR.fullmatch(self.last):
            # "Since the start of the year trains ... So far 4,000. On average one is transshipped every two hours": an
            # average over the year so far the sentences before told, not a rate on the article's day
            result = [(self.last, "an average over the year so far told before") for _ in figures]
        if self.last and _PART_OF.match(clean):
            # "Of them, 200 will go to Central Asia" after "This year 300 trains will head west": the parts of the total
            # the sentence before gave share its period, even across a paragraph
            result = [(self.last, "a part of the figure before: its period") if r.startswith("no period stated") else
                      (p, r) for p, r in result]  # fmt: skip
        for index in range(1, len(figures)):
            # "runs 227 routes, of which 207 are domestic and 20 international": the parts share the total's period
            start = clause_span(clean, figures[index].start, figures[index].end)[0]
            if _PART_OF.match(clean[start:]) or _PART_AFTER.match(clean[figures[index].end :]):
                result[index] = (result[index - 1][0], "a part of the figure before: its period")
        if result and not _STREAK.search(clean):
            # "has grown for five consecutive months since March": a run's span is not the period later figures take
            self.last = result[-1][0]
            if any(rule in {"period phrase", "year to date", "year to date: the day stated"} for _, rule in result):
                interval = [p for p, _ in result if "/" in p and not p.startswith("..")]
                if interval or not all(within(p, self.stated) for p, _ in result):
                    # "In May alone, ..." inside January-May: a part of the period stated, which stays stated; "In
                    # January it rose by 18 per cent": a month stated, which the flows of later paragraphs share
                    months = [p for p, _ in result if re.fullmatch(r"\d{4}-\d{2}", p)]
                    self.stated = interval[-1] if interval else months[-1] if months else ""
        return result

    @staticmethod
    def _start_to_month(text: str, dated: list[Period], ranges: list[Period]) -> str:
        """``2025-04-17/2025-06-30`` when a start day ("started operating on April 17") precedes "by June"."""
        start = dated[0]
        ends = [p for p in ranges if p.start > start.end and re.fullmatch(r"\.\./\d{4}-\d{2}", p.period)]
        if not ends or not _STARTED.search(text[: start.start]) or start.period.startswith(".."):
            return ""
        year, month = int(ends[0].period[3:7]), int(ends[0].period[8:10])
        if f"{year}-{month:02d}" < start.period[:7]:
            return ""
        return f"{start.period}/{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"

    def _news_day(self, clean: str) -> date | None:
        """The day a year to date with no day of its own runs to: the dispatch's when the sentence is anchored to
        it ("said on Friday", "earlier this week"), else the page's ("since the start of this year", reprints too)."""
        said = _WEEKDAY_AT.search(clean)
        if said and self.filed:
            return weekday_before(said.group("wd"), self.filed)  # "..., the customs said on Friday": that day
        if _THIS_WEEK.search(clean) and self.filed:
            # "this year up to yesterday" in a dispatch of 12 July: to 11 July
            return self.filed - timedelta(days=1) if _YESTERDAY.search(clean) else self.filed
        if self.day_before and _IT_WAS.match(clean):
            # "On the afternoon of the 29th, a train left ... It was the 7000th train this year": that day's count
            return date.fromisoformat(self.day_before)
        return self.published or self.filed

    def _news_month(self, month: str, text: str) -> str:
        """ "An officer said in late August": the last such month up to the publication date, whatever the data year."""
        if not self.published or not _SAID_IN.search(text):
            return month
        number = int(month[5:])
        year = self.published.year if number <= self.published.month else self.published.year - 1
        return f"{year}-{number:02d}"

    def _this_year_to(self, period: str, text: str) -> str:
        """``../2024-10`` from "by the end of October" in 2024 is January-October 2024 unless the text says all-time."""
        year_end = re.fullmatch(r"\.\./(\d{4})", period)
        ended = year_end or re.fullmatch(r"\.\./(\d{4})-12", period)
        if ended and self.published and self.published.year > int(ended.group(1)) and _RUNNING.search(text):
            # "had run a total of 358 trains by the end of Dec 2016", "1,164 trips in all as of the end of 2017": a
            # total reached by a year's end is all the trains to then, not that year's
            return f"../{ended.group(1)}-12"
        if year_end and self.published and self.published.year > int(year_end.group(1)) and not _ALL_TIME.search(text):
            # "reached 32 million tons by the end of 2024", "by 2003 it was handling ...": a year over on the page's
            # day is that year's figure, as "as of December 2024" is
            return year_end.group(1)
        match = _BY_MONTH.fullmatch(period)
        if not match or int(match.group("y")) not in {self.pub_year, self.data_year} or _ALL_TIME.search(text):
            return period
        year, month = match.group("y"), match.group("m")
        # "as of December 2024" on a page of December 15, 2024: a year not over on the page's day is not the whole
        # year, only its months so far
        over = not self.published or self.published.year > int(year)
        return year if month == "12" and over else f"{year}-01/{year}-{month}"

    def _carried(self, same_paragraph: bool, is_stock: bool, flow: bool, same_period: bool = False) -> tuple[str, str]:
        if same_period and not is_stock and re.fullmatch(r"\d{4}(?:-\d{2})?/\d{4}-\d{2}(?:-\d{2})?", self.last):
            # "13 percent more than in the same period of last year", paragraphs after "in the first half": that span
            return self.last, "compared with the same period a year before: the span carried"
        if same_paragraph and self.last:
            if is_stock and "/" in self.last and self.published:
                return self.published.isoformat(), "a count that stands: the publication date"
            return self.last, "carried from the sentence before"
        if self.stated and flow and self.stated[:4] == str(self.data_year):
            return self.stated, "the period the article stated before"
        if self.data_year == self.pub_year and self.published:
            return self.published.isoformat(), "no period stated: the publication date"
        return str(self.data_year), "the data year carried"


def _as_of_first(dated: list[Period]) -> list[Period]:
    return sorted(dated, key=lambda p: not p.period.startswith(".."))


# "has grown for five consecutive months since March", "the sixth month in a row": the span of a run
_STREAK = re.compile(
    r"\b(?:consecutive|straight|successive)\s+(?:months|quarters|years|weeks)\b|\b(?:months|quarters|years) in a row\b",
    re.I,
)
_CLAUSE = re.compile(r",(?!\d)|;|\band\b")
_YESTERDAY = re.compile(r"\b(?:up to|until|till|through|as of|by)\s+yesterday\b", re.I)
_THIS_WEEK = re.compile(r"\b(?:earlier |later )?this week\b|\btoday\b|\byesterday\b", re.I)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LEARNED_AFTER = re.compile(
    r"\s*,?\s*(?:the\s+)?(?:reporters?|journalists?|correspondents?)\s+(?:\w+\s+){0,2}?(?:learned|learnt|was told|were told)\b",
    re.I,
)
# "At the press conference held on November 22 ..., the reporter learned that": the day of the news as well
_BRIEFED_ON = re.compile(r"\b(?:press|news) (?:conference|briefing)\s+(?:held\s+)?on\s*$", re.I)
# "Reporters learned from Xinjiang's Alashankou station on July 5 that ...": the same
_LEARNED_ON = re.compile(r"\b(?:learned|learnt|was told|were told)\s+(?:from\s+[^,;.]{1,80}?\s+)?on\s*$", re.I)
# "On the afternoon of the 29th, a train left ...": a day of the dispatch's month, the month before when still to come
_ON_NTH = re.compile(
    r"\bon\s+(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b", re.I
)


def nth_day(text: str, published: date | None) -> str:
    """The day "on the 29th" names, as YYYY-MM-DD of the page's month (or the month before); "" if none."""
    match = _ON_NTH.search(text)
    return dispatch_month_day(int(match.group(1)), published.isoformat()) if match and published else ""


# A sentence that points back to the event the sentence before told: "It was the 7000th train ...", "This was ..."
# "It was the 7000th train this year", "With them, the vehicles exported this year passed 10,000": that day's count
_IT_WAS = re.compile(
    r"\s*(?:(?:it|this|that)\s+(?:was|is|marks|marked)\b|with\s+(?:it|them|this|these|that)\b,?)", re.I
)
# "A train left on March 15, 2017. By then the centre had completed 200 trips": a total to the day told before
_BY_THEN = re.compile(r"^\W*by\s+(?:then|that\s+(?:day|time|date))\b", re.I)
_WILL = re.compile(r"\bwill\b", re.I)
_STARTS_AT = re.compile(r"\bsince\s*$|^since\b", re.I)
_SINCE_YEAR = re.compile(r"since\s+(?:19|20)\d{2}", re.I)
# "has risen by an average of 10 percent per annum since 2020": a rate over the years since, which spans them
_RATE_SINCE = re.compile(r"\bper (?:annum|year)\b|\ba year\b|\bannual(?:ly)?\b|\beach year\b|\bevery year\b", re.I)
_THE_HOLIDAY = re.compile(r"\b(?:during|over|throughout|in) the (?:holidays?|festival|golden week|break)\b", re.I)
_DURATIONS = frozenset(["hours", "minutes"])
# "Alashankou and Horgos have together seen more than 100,000 trains": a running total with no period named
_ALL_TOLD = re.compile(r"\b(?:have|has)\s+(?:together|jointly|altogether)\s+\w+", re.I)
_STARTED = re.compile(
    r"\b(?:started|began|opened|launched|went into (?:service|operation))\b[^,;]{0,30}?\bon\s*$", re.I
)
_KNOWN_COUNT = re.compile(r"\b(?:the|its|their|these)\s*$", re.I)
_BY_END = re.compile(r"\bby the end of\b", re.I)


def _target(target: Period, clean: str) -> tuple[str, str]:
    """A target's period: the year's last day when the text says "by the end of" it, else the year."""
    year = target.period[3:]
    if _BY_END.search(clean[max(0, target.start - 16) : target.end]):
        return f"{year}-12-31", "a target by the end of a year"
    return year, "a target by a year"


# "in December 2023 alone": that month by itself
_ALONE = re.compile(r"\balone\b", re.I)
_NO_TOTALS = frozenset({"percent", "percentage_points", "times"})  # shares and changes are never running totals
# "13 percent more than in the same period of last year", "130 more than in the first half of last year": the span
# the sentence before named, compared with its like a year before
_SAME_PERIOD = re.compile(
    r"\bthe same (?:period|months?)\b|\bthan (?:in |during |for )?the (?:first|second|third|fourth|last) (?:half|quarter"
    r"|(?:\w+ )?months?) of (?:last year|the previous year|the year before)",
    re.I,
)
# "On average one train is transshipped every two hours" after the year so far (January 1 to a day of that year)
_ON_AVERAGE = re.compile(r"\W*On average\b", re.I)
_YEAR_SO_FAR = re.compile(r"(\d{4})-01-01/\1-\d{2}-\d{2}")
# "on 8 November, when the travellers it had checked that year reached 161497": the year to that day
_FOR_THE_YEAR = re.compile(r"\bfor the year\b|\bso far this year\b|\bhad\s+(?:\w+\s+){1,5}?that year\b", re.I)
# "climbed 659 percent year on year to 46,000 tons as of June 26": a flow compared with a year before runs from
# January 1 (an all-time total has no year-on-year growth)
_AS_OF_COMPARED = re.compile(
    r"\byear[- ]on[- ]year\b|\b(?:from|over|than)(?: in| during)? the same period\b|\byear[- ]over[- ]year\b"
    r"|\b(?:from|than|over|compared (?:with|to)) a year (?:earlier|ago|before)\b"
    r"|\b(?:on|over|from|than) the (?:year before|previous year)\b",  # "up 41.8% on the year before"
    re.I,
)
_SAID_IN = re.compile(r"\b(?:said|says|told|reported)\s+in\s+(?:early\s+|mid-?\s*|late\s+)?[A-Z][a-z]+\b")
_PER = re.compile(r"\s*(?:[\w-]+\s+){0,6}?(?:per|a|each|every)\s+(?:day|week|month)\b", re.I)
_PART_AFTER = re.compile(r"\s*of (?:them|which|these|those)\b", re.I)
_PART_OF = re.compile(r"\s*(?:of which|of them|among them|among which|including)\b", re.I)
