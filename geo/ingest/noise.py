"""Figures that are not facts about a place: money conversions, labels, anecdotes, ordinals (proposed as low confidence)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from geo.ingest.forecasts import forecast
from geo.ingest.lengths import length_of
from geo.ingest.listed import names_counted, partner_group
from geo.ingest.loads import one_load
from geo.ingest.numbers import Figure
from geo.ingest.spans import span_of_years

_TIME_UNITS = {"hours", "minutes", "days", "weeks", "months", "years", "km", "m"}
# "24-hour clearance", "10-year high", "80-meter-long blades": a number-unit used as an adjective is a label.
_ATTRIBUTIVE = re.compile(r"^\s*[A-Za-z]")
_TRAVEL = re.compile(r"\s*(?:direct\s+|non-stop\s+)?(?:flights?|journey|trip|ride|drive|route|link)\b", re.I)
_AHEAD = re.compile(r"^\s*(?:ahead|early|earlier|in advance|before schedule|ahead of schedule)\b", re.I)
_RECORD_SPAN = re.compile(r"\b(?:highest|lowest|largest|biggest|first time|record)\s+(?:\w+\s+){0,2}in\s*$", re.I)
# Units facts.csv never holds: imperial lengths and weights, masses other than tonnes, and money other than yuan and
# US dollars ("300,000 Kazakh tenge", "500 euros", "25 kilograms"): what the figure measures is not a project measure.
_FOREIGN_UNIT = re.compile(
    r"^\s*(?:[A-Z][a-z]+\s+)?(?:feet|foot|ft|inch(?:es)?|miles?|pounds?|lbs?|kilograms?|kg|grams?|litres?|liters?"
    r"|tenge|euros?|rubles?|roubles?|soms?|rupees?|yen|won|pesos?|lira|dirhams?|riyals?|manats?|somoni|sums?)\b",
    re.I,
)
# "a bus with four passengers", "a train of 55 wagons", "a forwarder that has sent 4,300 vehicles": one object's story.
_ANECDOTE = re.compile(
    r"\b(?:an?|one|each|the (?:first|maiden|inaugural))\s+(?:[\w'-]+\s+){0,4}?(?:train|bus|truck|lorry|van|car|flight|plane|ship|forwarder|company|"
    r"firm|driver|trader|shop|store|farmer|family|student|tourist|traveller|traveler|manager|convoy|batch|"
    r"freighter|aircraft|vessel|"
    r"shipment|consignment),?\s+"
    r"(?:[\w'.-]+\s+){0,14}?(?:of|with|that|which|who|carrying|loaded with)\b[^,;:]*$",
    re.I,
)
# "Li said his company has handled 2,000 trains": one firm's figures, however many the sentence has.
_OWN_FIRM = re.compile(
    r"\b(?:his|her|their|our|my)\s+(?:own\s+)?(?:company|firm|business|factory|shop|store|warehouse)\b"
    r"|\bthe (?:company|firm)'s\b",
    re.I,
)
# "About 70 percent of my warehouse", "27 tons, our first consignment": a speaker's own goods or premises
_OWN_AFTER = re.compile(
    r"^[^.;:]{0,25}?\b(?:my|our)\s+(?:own\s+|first\s+)?(?:warehouse|company|firm|shop|store|business|factory"
    r"|consignment|shipment|order|truck|cargo|goods)\b",
    re.I,
)
# "The airline has carried 180,000 passengers", "said the carrier, one of China's three major airlines, has flown",
# "the company Skyhansa has been given 800 hectares", "The airline's flights ... have gone from two to three a week":
# a firm named by its kind is one firm, the subject of its own figures (a firm that only reports, "the company said",
# is a source); a time phrase may open the clause ("This year the company has exported")
_FIRM_BY_KIND = re.compile(
    r"(?:^|[,;:]\s*|\b(?:said|says|added|noted)\s+)\W*(?:(?i:this|last)\s+(?:year|month|week),?\s+)?"
    r"(?i:the|this)\s+(?:airline|carrier|company|firm)"
    r"(?:'s\s|(?:\s+[A-Z][\w-]*)?(?:,\s+[^,;.]{1,80},)?\s+(?:\w+ly\s+)?"
    r"(?!said|says|told|announced|reported)(?:has|have|had|is|was|will|\w+ed|plans|runs|operates|serves|carries|flies)\b"
    r"|,\s+[^,;.]{0,60}$)"  # inside the firm's apposition: "the carrier, one of China's three major airlines,"
)
# "I did about 20 round trips", "lets me move six cars", "our freight yard exported 2.4 million tons", "Our plan is
# 1,000 tons": a speaker's own doings or business (an official's "we handled" stays the place's)
_SPEAKER_OWN = re.compile(
    r"(?<![A-Z]\s)(?<!Phase\s)(?<!Line\s)\bI\s+(?:[a-z]\w*)|\b(?:me|my)\b"
    r"|\b(?i:our)\s+(?:own\s+)?(?:freight yard|yard|trade volume|plan|sales|output|products|orders?)\b"
)
# "Tianshan Airlines has opened routes, serving 300,000 passengers", "Pamir Holding Group of Hunan province has put
# 2 billion yuan into", "Apex Agriculture, founded in 2018, had grown to": a named firm's own figures (a firm that only
# reports, "... Group said", is a source, not the subject)
# The firm may be named "Xinjiang Withyoung Health Food Co" (no stop) and described in a relative clause before its
# verb (", which processes walnuts, has bought ..."); "The company, which started production in March, has reached"
_FIRM_SUBJECT = re.compile(
    r"(?:\b(?:[A-Z][\w&'-]*\s+){1,5}(?:Airlines?|Airways|Logistics|Co\.?|Inc\.?|Company|Corporation|Ltd\.?"
    r"|Holdings?(?:\s+Group)?|Trading|International\s+Trade|Industrial|Agriculture|Technology|Enterprises?)"
    r"(?:\s+of\s+(?:[A-Z][\w-]*\s+){1,2}(?:province|region|city)?)?"
    r"|^\W*(?:The|This) (?:company|firm))"
    r"(?:,\s+(?:which|that|who|founded|set up|established|based)\b[^.;]*?,)?\s+(?:\w+ly\s+)?"
    r"(?!said|says|told|announced|reported)(?:has|have|had|is|was|\w+ed|won|bought|sold|made|got|built"
    # "China Southern Airlines plans to run 107 routes", "X Logistics runs 40 trucks": a verb in the present tense
    # makes the firm the clause's subject as much as a past one does
    r"|plans|runs|operates|serves|opens|handles|carries|ships|flies|owns|keeps|stores|exports|sells)\b"
)
# "six airports with an annual throughput of over 10 million": the bar a class of places passes, not a figure
_CLASS_BAR = re.compile(r"\b[a-z-]+s\s+with\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?of\s*$", re.I)
# "passed the 10 percent mark", "above 50 billion yuan for four consecutive months": a threshold, not the value.
# A count's mark passed is the count reached ("trains passed the 4,000 mark this year"), which the golds keep; "The
# 4000 mark was reached" names again a count the text has given.
_MARK = re.compile(r"^\s*(?:mark|threshold|milestone)\b", re.I)
_MARK_PASSED = re.compile(r"\b(?:passed|crossed|reached|hit|exceeded|topped|surpassed|broke|broken)\s+the\s*$", re.I)
_THRESHOLD = re.compile(r"^[^,;.]{0,30}?\bfor\s+\w+\s+(?:consecutive\b|\w+\s+in a row\b)", re.I)
# "Viewed: 557", "Views: 745", "Hits: 12": a page's own counter in its post line
_COUNTER_BEFORE = re.compile(r"\b(?:views?|viewed|hits|reads|clicks)\s*:\s*$", re.I)
# "costs one fifth of what air freight does", "takes a third of the time by sea": a ratio to another thing, not a share
_RATIO_TO = re.compile(r"\s+of\s+(?:what|the\s+(?:time|cost|price|distance)|that\s+of|those\s+of)\b", re.I)
# "upgraded two existing ones": a count of things the text named before, not a measure.
_ONES = re.compile(r"^\s*(?:[\w-]+\s+)?ones\b", re.I)
# "an IL-76 freighter", "a C-919": a model's code, not a number of anything.
_MODEL_CODE = re.compile(r"\b[A-Z]{1,4}-$")
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
# "These cherries sell for around 100 yuan a kilo": a price, no place's measure
_SOLD_FOR = re.compile(r"\b(?:sells?|sold|selling|retails?|retailing|priced)\s+(?:for|at)\s*$", re.I)
# "was fined 880 million yuan", "a fine of 2 million yuan": a penalty on someone; "registering a firm could cost as
# little as 10,000 yuan": what one thing costs at the least (a project's cost, "the line cost 2.5 billion yuan", stays)
_PENALTY_OR_LEAST = re.compile(
    r"\b(?:fined|(?:a\s+)?fines?\s+of|penalty\s+of|costs?\s+as\s+little\s+as|costing\s+as\s+little\s+as)\s*$", re.I
)
# "over 900 people have died and over 40,000 people have been confirmed as infected", "seven confirmed cases and 16
# asymptomatic carriers", "five medium-risk areas": an outbreak told as the news's background, no place's measure
_EPIDEMIC = re.compile(
    r"^\s*(?:people\s+|patients\s+)?(?:(?:have|has|had)\s+)?(?:died|deaths|infections"
    r"|(?:been\s+)?(?:confirmed\s+(?:as\s+)?)?infected|(?:new\s+|confirmed\s+)?cases\s+of\s+(?:the\s+)?(?:virus|covid|infection)"
    r"|(?:new\s+)?(?:confirmed|local(?:ly\s+transmitted)?)\s+cases|asymptomatic\s+(?:carriers|cases|infections)"
    r"|(?:high|medium|low)[\s-]+risk\s+areas)\b",
    re.I,
)
# "the two railway ports", "its three subzones": places counted that the text names anyway.
_PLACE_COUNT = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:ports?|hubs?|gateways?|crossings?|checkpoints?|subzones?|areas?|sections?|sides|"
    r"countries'?|cities'|nations|airports|"
    r"neighbou?rs)\b",
    re.I,
)
# "these three countries", "the five Central Asian countries", "Alashankou and Horgos, two major railway ports":
# a small count of places the text names (or a reader knows), not a measure of them.
_NAMED_FEW = re.compile(r"(?:\b(?:the|these|those|both)|[A-Z][\w'-]+,)\s*$")
_FEW_PLACES = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:ports|hubs|gateways|countries|nations|airports)\b", re.I)
# "five single-runway airports ... in Xiamen, Sanya, Harbin, Shenyang and Urumqi": places listed by name.
_LISTED_AFTER = re.compile(r"^[^.;]*?\bin\s+[A-Z][\w'-]+(?:,\s*[A-Z][\w'-]+){2,}")
# "The first flight into Qitai landed ... after a two-hour journey": one trip's story, not a route's time.
_ONE_TRIP = re.compile(
    r"\b(?:the|its)\s+(?:first|maiden|inaugural)\s+(?:[\w'-]+\s+){0,3}?(?:flight|train|trip|voyage)\b"
    r"[^,;]*\b(?:landed|arrived|departed|left|took off|set off|pulled into)\b",
    re.I,
)
# Spans the project keeps no figure in (data/facts.csv has hours, minutes and years, never days or months).
_SPAN_UNITS = {"days", "weeks", "months"}
# "By cargo train, European vehicles reach Xinjiang in only 15 days": how long goods take to arrive is a route's time
_TRANSIT = re.compile(
    r"\b(?:reach|reaches|arrive|arrives|arrived|get to|gets to)\b[^.;,]{0,40}?\bin\s+(?:only\s+|just\s+|about\s+)?$",
    re.I,
)
# a span of years: "took four years", "after 3 years", "within ten years"; with a qualifier ("more than four years")
_HOW_LONG = re.compile(
    r"\b(?:took|take|takes|taking|spent|lasted|after|within|for|over|in)\s*$",
    re.I,
)
_RUNNING = re.compile(r"\s*(?:running|in a row)\b", re.I)  # "for two years running" is a streak, a figure
# "the 1520 mm gauge", "85 mm wider": a track's gauge, a standard, not a measure of a place
_MILLIMETRES = re.compile(r"^\s*-?\s*(?:mm|millimet(?:er|re)s?)\b", re.I)
# "three from Kazakhstan, with a gauge of 1520": a track gauge written without its millimetres
_GAUGE_OF = re.compile(r"\bgauges?\s+(?:of\s+)?$", re.I)
# "Four trains of 14 containers each": the size of each of the things counted before, not a measure of a place
_EACH_SIZE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?each\b", re.I)
# "around 5,000 meters above sea level", "at an altitude of 3,795 meters": where a place lies, not what it handles.
# "(46˚41΄ N, 82˚48΄ E)", "latitude 83°36´ east": a coordinate's degrees and minutes, however the marks are typed
_DEGREES_AFTER = re.compile(r"^\s*[°˚º]")
_MINUTES = re.compile(r"[°˚º]\s*$")
_ALTITUDE = re.compile(r"\b(?:altitude|elevation|height)\s+of\s*$|^\s*(?:(?:meters|metres|m)\s+)?above sea level", re.I)
# "a duty-free allowance of 8,000 yuan per day", "each person's quota is 25 kilograms": what a rule allows, not what
# happened
_RULE = re.compile(
    r"\b(?:allowances?|limits?|quotas?|caps?|ceilings?|maximum|minimum)\s+(?:is\s+|are\s+|was\s+|of\s+|at\s+|to\s+|worth\s+)"
    r"(?:up to\s+|just\s+|only\s+)?$",
    re.I,
)
# "goods worth up to 8,000 yuan a day", "worth at most 8,000 yuan": what one shopper may buy, a cap; "agreed to raise
# the limit from 8,000 yuan to 30,000 yuan": both ends of a change to a rule (sealed7, sealed22, sealed23 code noise)
_CAP = re.compile(r"\bworth\s+(?:up to|at most|no more than|not more than)\s*$", re.I)
_CAP_WRITTEN = re.compile(r"(?:up to|at most|no more than|not more than)\b", re.I)
_RULE_CHANGED = re.compile(
    r"\b(?:allowances?|limits?|quotas?|caps?|ceilings?|thresholds?)\b[^.;]{0,30}?\bfrom\s+(?:[^.;]{1,40}?\bto\s+)?$",
    re.I,
)
# "XUAR's top three partners", "rose from the bottom of over 100 zones to 49th place": a ranking's words, not measures
_RANKED = re.compile(r"\b(?:top|bottom|first|last)\s*$|\b(?:the\s+)?(?:bottom|top|head)\s+of\s*$", re.I)
_RANK_WORD = re.compile(r"^[^.;]{0,60}?\b\d+(?:st|nd|rd|th)\s+(?:place|position)\b", re.I)
_SUPERLATIVE = re.compile(r"\s*(?:biggest|largest|busiest|greatest|leading)\b", re.I)
_DETERMINER = re.compile(r"(?:\bthe|\bits|\btheir|'s|\bboth)\s*$", re.I)
_PAREN_LABEL = re.compile(r"\(\s*$")


MILESTONE = "a milestone passed for the first time, not the value"
# "for the first time, the turnover has gone past 100,000 tons": a milestone passed, not the value that passed it
_FIRST_TIME = re.compile(r"\bfirst time\b", re.I)
_PASSED = re.compile(
    r"\b(?:pass(?:ed|es)?|past|gone|went|top(?:ped|s)?|surpass(?:ed|es)?|cross(?:ed|es)?|exceed(?:ed|s)?"
    r"|broke(?:n)? through)\s*$",
    re.I,
)
# "passed 10 million, reaching 10.01 million": the value that passed the mark follows
_REACHING = re.compile(r"^[^.;]{0,40}?,\s*(?:reaching|hitting|to reach|to stand at|standing at)\b", re.I)
# "One year on", "three months ago": time gone by, not a measure
_ELAPSED = re.compile(r"^\s*(?:ago|later)\b|^\s*on\s*(?:[,;.]|$)", re.I)
# "who has worked at the port for 12 years": a person's tenure
_TENURE = re.compile(
    r"\b(?:worked|served|lived|been|driven|traded|run|farmed)\b[^,;.]{0,40}\bfor\s+(?:about\s+|over\s+)?$", re.I
)
_SPAN_SINCE = re.compile(r"^\s*(?:since|after)\b", re.I)
# "a trading history of more than 200 years", "its history as a border pass goes back more than 140 years": a place's
# age measures its past, not what it handles now (a path "looked back on", "its 70-year journey", is no history word)
_HISTORY = re.compile(
    r"\bhistory\b[^,;.]{0,40}?(?:\bof|\bgoes back|\bdates back|\bspans)\s*$"
    r"|\b(?:goes|go|went|dates|dating|date)\s+back\s*$",
    re.I,
)
# "more than 260 years of trading history", "with 260 years of history": the span named before its history word
_HISTORY_AFTER = re.compile(r"^\s*(?:of|old)\s+(?:[\w-]+\s+){0,2}?(?:history|tradition)\b|^\s*old\b", re.I)
# "expects close to 110,000 passengers by the end of the year", "we expect exports to reach 40,000 by the end of
# December": a forecast of the year's total, made before the year is over, is not a measure (a plan's goal, "aims
# to", "plans to", and a plan period's horizon stay figures)
_EXPECTED = re.compile(r"\bexpect(?:s|ed|ing)?\b", re.I)
_YEAR_END = re.compile(
    r"\bby the end of (?:the|this) year\b|\bby the end of (?:December|Dec\.?)\b|\bby (?:the )?year[- ]end\b", re.I
)
# "180 thousand TEU is expected to be handled by the end of the year", "25 empty containers are expected to cross the
# border", "imports are expected to pass 50 billion yuan": an amount a flow is expected to come to, a forecast (what a
# place "is expected to handle" a year, and the jobs a project "is expected to create", are capacities and plans)
_FORECAST = r"(?:is|are)\s+expected\s+to\s+(?:be\s+(?:handled|moved|shipped|carried)|cross|pass|top|exceed|surpass)\b"
# ("have reached 5,900,000 tonnes, and they are expected to pass 6,000,000 tonnes": the forecast is the next clause's)
_FORECAST_AFTER = re.compile(r"^(?:(?!,\s*(?:and|but|while)\b)[^;.]){0,100}?\b" + _FORECAST, re.I)
_FORECAST_BEFORE = re.compile(r"\b" + _FORECAST + r"\s*$", re.I)
# "the 1,200 booths of the yearly Kashgar Fair", "the 100 display booths we set up": a fair's stands are the event's
# make-up, not a place's measure (a hall's booths selling one country's goods, as data/facts.csv keeps, name no fair)
# a fair's booths, and its halls or zones ("11 zones", "four main exhibition zones"), not a bonded zone counted
_BOOTHS = re.compile(
    r"^\s*(?:(?:[\w-]+\s+)?(?:booths|stands|stalls)|(?:(?:main|exhibition)\s+){0,2}(?:zones|halls|pavilions))\b", re.I
)
_FAIR = re.compile(r"\b(?:fair|expo|exhibition|display)\b", re.I)
# "growth for 29 consecutive months", "for five straight years": how long a run of growth lasted (the gold codes it noise)
# "for 12 years in a row": the same run, its length written after ("for two years running" stays: data/facts.csv
# cites one, the years a legislature has had foreign observers)
_STREAK = re.compile(
    r"^\s*(?:consecutive|straight|successive)\s+(?:days|weeks|months|quarters|years)\b"
    r"|^\s*(?:(?:days|weeks|months|quarters|years)\s+)?in\s+a\s+row\b",
    re.I,
)
# "has risen from zero to 400 million dollars": where a change started, not a measure of any period
_FROM_NOTHING = re.compile(r"\bfrom\s*$", re.I)
# "24 hours a day": round the clock, a schedule's label
_ROUND_THE_CLOCK = re.compile(r"^\s*(?:a|per|each|every)\s+day\b", re.I)


# "Driver Zhang Wei, 45, has crossed the border 300 times": one named person's story and age
_PERSON = (
    r"(?:truck\s+)?(?:driver|trader|businessman|businesswoman|merchant|farmer|tourist|travell?er|resident|vendor"
    r"|shop owner|shopkeeper|herder|student|passenger|entrepreneur)"
)
_PERSON_SUBJECT = re.compile(
    r"^\W*(?:[A-Z][a-z]+\s+)?(?i:" + _PERSON + r")\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b"
    # "A truck driver from Kyrgyzstan, Asan, 34, said he crossed the port 40 times": one person's story
    r"|^\W*(?i:an?|one)\s+(?:[\w-]+\s+){0,2}?(?i:" + _PERSON + r")\b(?=[^.;]*\b(?:said|says|told|recalled)\b)"
    # "It took only 2 minutes for Yan Xuefei, a driver for a freight firm, to get his permit": one named person's time
    r"|^\W*It\s+(?:took|takes)\b[^.;]{0,40}?\bfor\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?i:" + _PERSON + r")\b"
)
_AGE = re.compile(r"\b[A-Z][a-z]+,\s*(?:aged\s+)?$")


# "The 8th China-Eurasia Expo drew 1,200 firms from 50 countries": a one-off event's own figures
_EVENT_EDITION = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:[A-Z][\w-]*\s+){0,5}(?:Forum|Summit|Conference|Games|Festival)\b"
)


# "as of 10 October", "From 1 March": a day written before its month is a date, not a count
_MONTH_AFTER = re.compile(
    r"^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?",
)


# "Nine in the morning at the border crossing", "opened at ten o'clock": the hour of a day
_TIME_OF_DAY = re.compile(r"\s*(?:in the (?:morning|afternoon|evening)|at night|o'clock)\b", re.I)
# "(1 yuan = about 21 yen)": an amount followed by "=" in brackets states an exchange rate
_RATE_AFTER = re.compile(r"\s*=")


def low_confidence(sentence: str, figure: Figure, figures: list[Figure]) -> str:
    """The rule that makes a figure doubtful, or "" when it reads as a fact.

    A reviewer still sees these, in the low-confidence section of the review file.
    """
    before, after = sentence[: figure.start], sentence[figure.end :]
    written = figure.as_written
    if _DEGREES_AFTER.match(after) or _MINUTES.search(before):
        return "a coordinate (degrees or minutes), not a measure"
    if figure.unit == "tonnes" and re.search(r"\d-(?:tonnes?|tons?)$", written) and re.match(r"\s+[a-z]", after):
        return "a class named by its weight ('a 10,000-tonne train', '35-ton containers'), not a measure"
    if _in_brackets(sentence, figure) and figure.unit in {"USD", "CNY"}:
        earlier = [f for f in figures if f.end <= figure.start and f.unit in {"USD", "CNY"} and f.unit != figure.unit]
        if earlier or _converts(sentence, figure, figures):
            return "money conversion in brackets"
    if _in_brackets(sentence, figure) and figure.unit in {"USD", "CNY"} and _RATE_AFTER.match(after):
        return "an exchange rate in brackets, not a measure"  # "(1 yuan = about 21 yen)"
    # "24-hour clearance", "80-meter-long"; of years only a record's span ("10-year high"), not "its 70-year journey"
    record = figure.unit != "years" or re.match(r"\s*(?:high|low|record|peak|plan)\b", after, re.I)
    length = length_of(sentence, figure)  # "a 962-km pipeline" is the pipeline's length, not a label
    if (
        figure.unit in _TIME_UNITS
        and not length
        and re.search(r"[0-9a-z]-\s*[a-z]", written, re.I)
        and _ATTRIBUTIVE.match(after)
        and record
        and not _TRAVEL.match(after)  # "a 10-hour flight to Zurich" is a route's flight time
    ):
        return "label (number-unit adjective)"
    if span_of_years(sentence, figure):
        return span_of_years(sentence, figure)
    if figure.unit == "years" and (_HISTORY.search(before) or _HISTORY_AFTER.match(after)):
        return "the length of a history, not a measure"
    if figure.unit == "years" and _TENURE.search(before):
        return "how long someone has done something"
    if figure.unit in _TIME_UNITS and _SPAN_SINCE.match(after) and re.search(r"\bthe\s*$", before, re.I):
        return "a span of time that frames the figures ('in the two years since')"
    if figure.unit in _TIME_UNITS and _ELAPSED.match(after):
        return "time gone by ('one year on')"
    if _BOOTHS.match(after) and _FAIR.search(sentence):
        return "an event's detail (a fair's booths)"
    if _STREAK.match(after):
        return "the length of a streak ('for 29 consecutive months'), not a measure"
    if figure.unit == "hours" and figure.value == 24 and _ROUND_THE_CLOCK.match(after):
        return "label (round the clock)"
    if figure.unit == "count" and figure.value <= 12 and _TIME_OF_DAY.match(after):
        return "a time of day, not a measure"
    if figure.unit in {"CNY", "USD"} and _SOLD_FOR.search(before):
        return "a price (what a thing sells for), not a measure"
    if figure.unit in {"CNY", "USD"} and _PENALTY_OR_LEAST.search(before):
        return "a fine, or the least a thing costs, not a measure"
    if _EPIDEMIC.match(after):
        return "an epidemic's count (deaths, infections), not a measure"
    # before a milestone: not yet passed ("expected to exceed 9 billion yuan" reads "exceed" with the figure)
    verb = before + written.split()[0] + " "
    if _FORECAST_AFTER.match(after) or _FORECAST_BEFORE.search(before) or _FORECAST_BEFORE.search(verb):
        return "a forecast (an amount a flow is expected to come to), not a measure"
    if forecast(sentence, figure):
        return forecast(sentence, figure)
    passing = _PASSED.search(before) or re.match(r"(?:exceed|surpass|top|pass|above)", written, re.I)
    if passing and (_FIRST_TIME.search(sentence) or _REACHING.match(after)):
        return MILESTONE
    if figure.unit in {"days", "weeks", "months"} and _AHEAD.match(after):
        return "how early a target was met"
    if figure.unit == "years" and _RECORD_SPAN.search(before):
        return "record span ('highest in 10 years')"
    foreign = figure.unit in {"KZT", "EUR", "PKR"}  # read as money ("2,5 billion tenge"), still none of the project's
    if foreign or _FOREIGN_UNIT.match(after) or (figure.unit in _SPAN_UNITS and not _TRANSIT.search(before)):
        return "unit the project does not use"
    if figure.unit == "years" and (figure.qualifier or _HOW_LONG.search(before)) and not _RUNNING.match(after):
        # "the first 10,000 runs took more than four years": how long something took, not a place's measure
        return "a span of years, seldom a measure"
    if _MILLIMETRES.match(after) or _GAUGE_OF.search(before):
        return "a length in millimetres (a track gauge, a technical standard)"
    if figure.unit == "count" and re.search(r"\bof\s*$", before) and _EACH_SIZE.match(after):
        return "the size of each thing counted before ('trains of 14 containers each')"
    if figure.unit == "m" and (_ALTITUDE.search(before[-40:]) or _ALTITUDE.search(after[:30])):
        return "altitude of a place"
    if figure.unit == "m":  # "a pass 4,400 metres high", "a runway 2,000 meters long"
        return "a height or length in metres (data/facts.csv keeps none)"
    if figure.value == 0 and _FROM_NOTHING.search(before) and re.match(r"\s*to\b", after):
        return "a start value ('rose from zero to'), not a measure"
    if figure.unit == "km" and not length:
        return "a distance (data/facts.csv keeps none)"
    if _MODEL_CODE.search(before):
        return "a model's code"
    if figure.unit == "count" and _ONES.match(after):
        return "a count of things named before ('two existing ones')"
    if figure.unit == "count" and figure.value < 110 and _AGE.search(before) and re.match(r"\s*,", after):
        return "a person's age"
    if (
        figure.unit == "count"
        and figure.value <= 31
        and re.fullmatch(r"\d{1,2}", written)
        and _MONTH_AFTER.match(after)
    ):
        return "a day of a month ('from 1 March'), not a count"
    if _in_quoted_name(sentence, figure):
        return "a number inside a quoted name (a strategy, plan or slogan)"
    if _EVENT_EDITION.search(sentence):
        return "a one-off event's figures"
    if _PERSON_SUBJECT.match(sentence):
        return "anecdote (one person)"
    if _ANECDOTE.search(before) or _OWN_FIRM.search(before) or _FIRM_SUBJECT.search(before) or _OWN_AFTER.match(after):
        return "anecdote (one vehicle, firm or person)"
    if _FIRM_BY_KIND.search(before):
        return "anecdote (a firm named by its kind: 'the airline', 'the company')"
    if _SPEAKER_OWN.search(before):
        return "anecdote (the speaker's own: 'I', 'my', 'our freight yard')"
    if figure.qualifier == "over" and _CLASS_BAR.search(before):
        return "a threshold passed, not the value"
    if _COUNTER_BEFORE.search(before):
        return "a page's view counter"
    if figure.unit == "percent" and _RATIO_TO.match(after):
        return "a ratio to another thing (its time or cost), not a share"
    if _THRESHOLD.search(after) or (
        _MARK.search(after) and (figure.unit != "count" or not _MARK_PASSED.search(before))
    ):
        return "a threshold passed, not the value"
    if _EXPECTED.search(before) and _YEAR_END.search(sentence):
        return "a forecast of the year's total, not a measure"
    money = figure.unit in {"CNY", "USD"}
    capped = _CAP.search(before) or (re.search(r"\bworth\s*$", before, re.I) and _CAP_WRITTEN.match(written))
    if money and (capped or _RULE_CHANGED.search(before)):
        return "a rule (a cap on what one buyer may spend, or a limit changed), not a measure"
    if _RULE.search(before):
        return "a rule (an allowance or limit), not a measure"
    if _is_range_end(sentence, figure, figures):
        return "an end of a range ('between 20 and 30 percent')"
    superlative = _DETERMINER.search(before) and _SUPERLATIVE.match(after)  # "the world's four biggest platforms"
    ranked = _RANKED.search(before) or _RANK_WORD.search(after[:80]) or superlative
    if figure.unit == "count" and ranked and figure.value <= 200:
        return "a rank, or the size of the class ranked ('top three', 'the bottom of over 100 zones')"
    if figure.unit == "count" and figure.value in (2, 3) and _DETERMINER.search(before) and _PLACE_COUNT.match(after):
        return "places counted that the text names"
    few = figure.unit == "count" and figure.value <= 10 and _FEW_PLACES.match(after)
    if few and (_NAMED_FEW.search(before) or _LISTED_AFTER.match(after)):
        return "places counted that the text names"
    if (
        figure.unit == "count"
        and figure.value <= 10
        and _NUMBER_WORD.fullmatch(written)
        and _KNOWN_SET.search(before)
        and not _FACILITIES.match(after)
        and not _MADE_BY.search(after[:100])
    ):
        return "a set the text presents as known ('the five Central Asian countries'), not a measure"
    if names_counted(sentence, figure):
        return "a count of the names the text lists ('four countries: A, B, C and D')"
    if partner_group(sentence, figure):
        return "a group of partner countries named by its count ('trade with five Central Asian countries')"
    if figure.unit in {"hours", "minutes"} and _ONE_TRIP.search(before):
        return "anecdote (one trip's time)"
    if one_load(sentence, figure):
        return "anecdote (one vehicle's or shipment's load)"
    if _PAREN_LABEL.search(before) and sentence[figure.end : figure.end + 1] == ")" and figure.unit == "count":
        return "label in brackets"
    if _itemised(sentence, figure, figures):
        return "an item of a breakdown in brackets ('(among them sunflower seeds 1249, linseed 229, ...)')"
    return ""


# "the local \"one, two, three, four, five\" strategy", "its 'eight major industries'", "the crossroads of \"five ports
# connecting eight countries\"": a short quoted name of a strategy, plan or slogan, not a count of anything
_QUOTES = re.compile(r"(?<![\w'])([\"\u201c\u2018'])(?=[\w])(.{1,90}?)(?<=[\w.,!?%])[\"\u201d\u2019'](?![\w])")
_SPOKEN = re.compile(r"(?:\b(?:said|says|say|told|added|noted|stated|wrote|asked|reported)\b|[:,])\s*$", re.I)


# "the three main traffic measures", "the two railways": a small set named by "the" and a number word, known to the
# reader, not a count the article reports
_NUMBER_WORD = re.compile(r"(?:two|three|four|five|six|seven|eight|nine|ten)", re.I)
_KNOWN_SET = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)
# "the four \"green lanes\" that Xinjiang has opened": a count of what a place made, which the golds keep
_MADE_BY = re.compile(
    r"\b(?:that|which)\s+[^,.;]{0,40}?\b(?:has|have|had)\s+(?:\w+\s+)?(?:opened|built|set up|established|launched|added)\b",
    re.I,
)
# "the four bonded zones", "the five shopping centres": a place's facilities counted, which the golds keep
_FACILITIES = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:zones?|areas?|cent(?:er|re)s?|ports?|airports?|parks?|stations?)\b", re.I
)


def _in_quoted_name(sentence: str, figure: Figure) -> bool:
    """The figure sits in a quoted phrase of at most 12 words inside the sentence, not in quoted speech."""
    for match in _QUOTES.finditer(sentence):
        opening, closing = match.start(), match.end()
        if not opening <= figure.start < figure.end <= closing:
            continue
        quoted, before = match.group(2), sentence[:opening]
        return bool(before.strip()) and not _SPOKEN.search(before) and len(quoted.split()) <= 12
    return False


def _converts(sentence: str, figure: Figure, figures: list[Figure]) -> bool:
    """ "300,000 Kazakh tenge (around 617.53 U.S. dollars)": a bracket holding only money, right after an amount.

    The amount before may be in a currency the reader does not parse; the bracket restates it.
    """
    opening = sentence.rfind("(", 0, figure.start)
    closing = sentence.find(")", figure.end)
    inside = sentence[opening + 1 : figure.start] + sentence[figure.end : closing if closing >= 0 else len(sentence)]
    if closing < 0 or not re.fullmatch(
        r"\s*(?:(?:about|around|approximately|roughly|some|nearly|or|equal to)\s+)*", inside, re.I
    ):
        return False
    before = [f for f in figures if f.end <= opening]
    # the amount restated sits just before the bracket: at most a currency's name between them
    return bool(before) and re.fullmatch(r"\s*(?:[A-Za-z.]+\s*){0,3}", sentence[before[-1].end : opening]) is not None


# "3483 truckloads (among them sunflower seeds 1249 truckloads, kernels 512, linseed 229, ...)": a bracket that
# itemises the figure before it, three items or more, lists its parts, which the data does not keep
_ITEMISING = re.compile(r"\(\s*(?:among (?:them|which|these)|including|of which|of these|namely)\b", re.I)


def _itemised(sentence: str, figure: Figure, figures: list[Figure]) -> bool:
    opened = sentence.rfind("(", 0, figure.start)
    if opened < 0 or sentence.rfind(")", 0, figure.start) > opened or not _ITEMISING.match(sentence, opened):
        return False
    closed = sentence.find(")", figure.end)
    end = closed if closed >= 0 else len(sentence)
    return sum(1 for f in figures if opened < f.start and f.end <= end) >= 3


def _in_brackets(sentence: str, figure: Figure) -> bool:
    before = sentence[: figure.start]
    return before.rfind("(") > before.rfind(")")


def _is_range_end(sentence: str, figure: Figure, figures: list[Figure]) -> bool:
    """Either end of "between 20 percent and 30 percent": neither is the figure."""
    index = figures.index(figure)
    # "reduced from 12 hours to 6-8 hours": a before/after pair whose after is a range is no one figure, neither the
    # before nor the range's ends (a range alone, "a 6-12 hour saving", keeps its ends as min and max)
    pair = _before_after_range(sentence, figures)
    if pair and figure in pair:
        return True
    # "make up 80 to 90 percent": a range with no "from" before it (which would make it a change) has no one value
    if index + 1 < len(figures) and _range_pair(sentence, figure, figures[index + 1]):
        return True
    if index and _range_pair(sentence, figures[index - 1], figure):
        return True
    # "can handle 150-200 vehicles per day", "700-750 trucks a day": a span of amounts has no one value either; a
    # span of time ("saves 6-12 hours", "within 48-72 hours") keeps its ends as the shortest and longest
    if index + 1 < len(figures) and _amount_span(sentence, figure, figures[index + 1]):
        return True
    if index and _amount_span(sentence, figures[index - 1], figure):
        return True
    if _BETWEEN.search(sentence[: figure.start]) and index + 1 < len(figures):
        return re.fullmatch(r"\s*and\s*", sentence[figure.end : figures[index + 1].start]) is not None
    if index and re.fullmatch(r"\s*and\s*", sentence[figures[index - 1].end : figure.start]):
        return _BETWEEN.search(sentence[: figures[index - 1].start]) is not None
    return False


def _range_pair(sentence: str, low: Figure, high: Figure) -> bool:
    """ "80 to 90 percent", "three to five days": two values of one unit joined by "to", the first lower, no "from"."""
    return (
        low.unit == high.unit
        and low.value < high.value
        and re.fullmatch(r"\s*to\s*", sentence[low.end : high.start]) is not None
        and not re.search(r"\b(?:from|between)\s*$", sentence[: low.start], re.I)
        and not low.qualifier
    )


def _amount_span(sentence: str, low: Figure, high: Figure) -> bool:
    """ "150-200 vehicles", "200-250 tons": two amounts of one unit joined by a dash, the first lower."""
    return (
        low.unit == high.unit
        and low.unit not in _TIME_UNITS
        and low.value < high.value
        and re.fullmatch(r"\s*[-\u2013]\s*", sentence[low.end : high.start]) is not None
    )


def _before_after_range(sentence: str, figures: list[Figure]) -> tuple[Figure, ...]:
    """The three figures of "from A to B-C" (A, B and C of one unit), or ()."""
    for a, b, c in zip(figures, figures[1:], figures[2:], strict=False):
        if (
            a.unit == b.unit == c.unit
            and re.search(r"\bfrom\s*$", sentence[: a.start])
            and re.fullmatch(r"\s*to\s*", sentence[a.end : b.start])
            and re.fullmatch(r"\s*[-–]\s*", sentence[b.end : c.start])
        ):
            return (a, b, c)
    return ()


# "In Horgos, Consun Pharmaceutical tried out a joint review. It cut approval time to ten days": a firm's story
# goes on in the sentences of its paragraph that start with a pronoun for it ("Of these, five routes are new": a part
# of the firm's own figures).
_FIRM_NAMED = re.compile(
    r"\b(?:[A-Z][\w&'-]*\s+){1,4}(?:Pharmaceuticals?|Pharma|Logistics|Trading|Airlines?|Co\.|Co(?=,)|Company|Corporation"
    r"|Ltd\.?)\s+(?!said|says|told|announced|reported)\w+"
    r"|\bruns\s+an?\s+(?:[\w-]+\s+){0,3}?(?:firm|company|business|shop|factory)\b"
)
_PRONOUN_START = re.compile(
    r"^\W*(?:[\w\s-]{0,60}?,?\s+)?(?:it|its|they|their|he|she|his|her|(?<=of )(?:these|those|them))\b(?!\s+(?:is|was) (?:a|an|the)\b)",
    re.I,
)


@dataclass
class Story:
    """Whether the sentence before, in the same paragraph, told one firm's or person's story."""

    paragraph: int = -1
    open: bool = False

    def continues(self, sentence: str, paragraph: int) -> str:
        """The doubt for a sentence that goes on with that story through a pronoun ("It cut ..."), else ""."""
        if self.open and paragraph == self.paragraph and _PRONOUN_START.match(sentence):
            return "anecdote continued (the firm or person before)"
        return ""

    def note(self, sentence: str, paragraph: int, doubts: list[str]) -> None:
        """Remember whether this sentence tells (or goes on with) such a story."""
        goes_on = bool(self.continues(sentence, paragraph))
        self.open = goes_on or bool(_FIRM_NAMED.search(sentence)) or any("anecdote" in d for d in doubts)
        self.paragraph = paragraph
