"""Every figure of an article with its guessed entity, metric, period and qualifier."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from geo.data.load import read_table
from geo.data.periods import shortest
from geo.ingest.article import (
    dateline_date,
    header_fields,
    line_roles,
    read_article_info,
    reference_for,
    strip_dateline,
    without_cross_references,
)
from geo.ingest.borders import rail_neighbour
from geo.ingest.classes import back_to_body, class_count, few_ports_named, region_body, region_operator, region_total
from geo.ingest.compared import COMPARED, blank, without_events
from geo.ingest.entities import EntityMatcher, load_entities, sentence_entities
from geo.ingest.existed import existing, first_days
from geo.ingest.fairs import FAIR, capitals_fair, fair_city, fair_metric, fair_span, names_fair, other_edition
from geo.ingest.kinds import CITY, is_town_firms, is_town_measure
from geo.ingest.lengths import length_of
from geo.ingest.measures import growth_stem
from geo.ingest.members import article_mode
from geo.ingest.mentions import without_destinations
from geo.ingest.metrics import MetricEntry, MetricGuess, guess_metric, is_standing_count, load_vocabulary
from geo.ingest.milestones import opened_total
from geo.ingest.modes import clause_mode
from geo.ingest.naming import elided_measure
from geo.ingest.noise import MILESTONE, Story, low_confidence
from geo.ingest.numbers import Figure, find_figures, find_fractions, points_group_thousands
from geo.ingest.organisations import without_organisations
from geo.ingest.outside import article_subject, described_port
from geo.ingest.periods import Period, find_periods
from geo.ingest.placing import LISTED_GROUP, Place, Placer
from geo.ingest.referents import Referents
from geo.ingest.spellings import add_abbreviations, add_spellings
from geo.ingest.standing import last_day
from geo.ingest.text import Sentence, clause_span, split_sentences
from geo.ingest.timeline import Timeline, nth_day
from geo.ingest.together import RESPECTIVELY


@dataclass
class Candidate:
    """One figure found in the article with the guesses a reviewer starts from."""

    number: int
    figure: Figure
    sentence: str
    entity_id: str
    metric: str
    period: str
    source_id: str
    alternatives: str = ""
    confidence: str = "high"
    rule: str = ""
    flags: str = ""
    new_metric: bool = False

    def row(self) -> dict[str, str]:
        """The candidate as a row of the review file."""
        return {
            "candidate": f"c{self.number:03d}",
            "accept": "",
            "fact_id": "",
            "entity_id": self.entity_id,
            "metric": self.metric,
            "value": self.figure.text_value,
            "unit": self.figure.unit,
            "period": self.period,
            "qualifier": self.figure.qualifier,
            "claim": "",
            "source_id": self.source_id,
            "as_written": self.figure.as_written,
            "sentence": self.sentence,
            "alternatives": self.alternatives,
            "confidence": self.confidence,
            "rule": self.rule,
            "flags": self.flags,
        }


def _read_facts(data_dir: Path) -> list[dict]:
    path = Path(data_dir) / "facts.csv"
    return read_table(path).to_dict("records") if path.exists() else []


def propose_candidates(text: str, source_id: str, data_dir: Path, published: str = "") -> list[Candidate]:
    """Every figure in an article's body, each with a guessed entity, metric and period, a confidence and a rule.

    The article is read as an article first: header, by-line, time stamps, URL and headline lines
    are kept out of the figures, the dateline's day anchors "as of Monday", and the title's or
    headline's year is the data year until a sentence states another.

    Parameters
    ----------
    text : str
        The article.
    source_id : str
        The id the article has (or gets) in sources.csv.
    data_dir : Path
        The data folder whose names, aliases and metric vocabulary the guesses draw on.
    published : str
        The article's date (YYYY-MM-DD) if known; else the one the article states, if any.

    Returns
    -------
    list of Candidate
        In the order the figures appear; doubtful ones have confidence "low".
    """
    facts = _read_facts(data_dir)
    info = read_article_info(text)
    published = published or info.published  # a header's date first, as read_article_info reads it
    lines = line_roles(text)
    # The header's Title line and the headline: its Published and URL lines would make the filing year a data year.
    title = " ".join(
        line.text
        for line in lines
        if line.role == "headline" or (line.role == "header" and line.text.startswith("Title:"))
    )
    body: list[Sentence] = []
    prose: list[Sentence] = []  # body without photo captions, whose "taken on Dec. 25, 2024" dates no data
    filed: date | None = None
    for line in lines:
        if line.role not in {"body", "caption"}:
            continue
        paragraph, when = strip_dateline(line.text)
        paragraph = without_cross_references(paragraph)
        if when and filed is None and published:
            filed = dateline_date(when[0], when[1], published)
        body += [Sentence(s.text, line.number) for s in split_sentences(paragraph)]
        if line.role == "body":
            prose += [Sentence(s.text, line.number) for s in split_sentences(paragraph)]
    pub_date = date.fromisoformat(published) if published else None
    reference = reference_for(
        [*split_sentences(title), *(Sentence(without_events(s.text), 0) for s in prose)], published
    )
    timeline = Timeline(
        published=pub_date,
        filed=filed or pub_date,
        data_year=reference.year,
        guessed=not published,
        year_stated=bool(re.search(r"\b(?:19|20)\d{2}\b", title)),  # "Xinjiang's 2024 trade": its months are 2024's
        title_year=int(next(iter(re.findall(r"\b(?:19|20)\d{2}\b", title)), 0)),
    )
    points_group = points_group_thousands("\n".join(s.text for s in body))  # "5.903 trains": 5,903
    timeline.first_as_of([s.text for s in body])
    timeline.note(title, -1)  # "... foreign trade in the first quarter": the span the body's flows are about
    timeline.first_holiday([s.text for s in body], reference)
    entities = load_entities(data_dir, facts)
    add_spellings(entities, "\n".join([title, *(s.text for s in body)]))
    add_abbreviations(entities, "\n".join([title, *(s.text for s in body)]))
    matcher = EntityMatcher(entities)
    by_id = {e.id: e for e in entities}
    begun = first_days(data_dir)  # a zone set up in 2023 is no place of a 2018 figure
    guesses = sentence_entities(
        [Sentence(without_destinations(without_organisations(s.text)), s.paragraph) for s in body], matcher
    )
    region = next((e.id for e in entities if e.region), "")
    # a checkpoint that names the only place ("the Baketu border inspection station ... in Xinjiang") is that place's
    stationed = sentence_entities([Sentence(without_organisations(s.text, False), s.paragraph) for s in body], matcher)
    guesses = [
        s if g.best in {"", region} and s.best not in {"", region} else g
        for g, s in zip(guesses, stationed, strict=True)
    ]
    placer = Placer(entities, matcher, article_mode(title))
    # "Pakistan exports rock salt to China via Khunjerab": a title that names a place the data holds is about that
    # place's trade with the neighbour it opens with, so the neighbour is no subject that takes unplaced figures
    headline = header_fields(text).get("title", "")
    placer.subject = placer.side_subject(headline) or ("" if placer.mentions(title) else article_subject(headline))
    if not placer.subject and body and not placer.mentions(title):
        # "The railways of Kazakhstan and China" over "Dostyk station's favourable position ...": a title that names
        # no place leaves the subject to the lead, when it opens with a place across the border
        lead = next((s.text for s in body if len(s.text.split()) >= 8), "")  # past a by-line's name
        placer.subject = placer.side_subject(lead)
    titled = {e for score, e in matcher.rank(title, set(), set()) if score[0] == 2}  # the places it names in full
    if not placer.subject and not any(placer.is_port_or_airport(e) or by_id[e].region for e in titled):
        # "The port at Urumqi's Nianzigou bus station": the port the title describes, whatever city or zone it names
        # ("Land port in Xinjiang a western gateway ..." speaks of one of the region's ports, which the data may hold)
        placer.subject = described_port(headline)
    placer.note(title)  # "Alashankou's railway port moves 11 million tonnes" (title) ... "the railway port handled"
    vocabulary = load_vocabulary(data_dir, facts)
    # "the six-day expo closed on Saturday": the deals, exhibitors and visitors it counts are of its own days
    fair = fair_span([s.text for s in body], lambda s: _told_days(s, reference, pub_date), filed or pub_date)
    fair_title = bool(FAIR.search(title))
    fair_told = fair_title or any(FAIR.search(s.text) for s in body)
    host = fair_city([title, *(s.text for s in body)], placer.cities)  # "the Kashgar fair": a city the data lacks
    city_told = any(CITY.search(t) for t in [title, *(s.text for s in body)])  # "Horgos, a small city", "the city"

    candidates: list[Candidate] = []
    seen: dict[tuple[str, str, str], int] = {}  # each figure's first candidate
    decks: set[int] = set()  # candidates read from a short line with no sentence stop, a deck under the headline
    # "Urumqi International Land Port Area: ..." (title) ... "more than 7300 trains had been run from here": the one
    # place a title names in full is the place before the first sentence
    last_entity = next(iter(titled)) if len(titled) == 1 and not by_id[next(iter(titled))].region else ""
    carried = (-1, "")  # paragraph and flag of the last figure whose place the data lacks
    story = Story()
    referents = Referents()  # counts written as words so far: "the four lines" after "four new railways"
    paragraph_amounts: dict[int, Candidate] = {}  # paragraph -> its latest amount proposed with a known measure
    milestones: dict[int, str] = {}  # candidate index -> its rule, were it not a milestone
    body_is_regions = False  # whether the last firm or body named is one named after the region
    for position, (sentence, guess) in enumerate(zip(body, guesses, strict=True)):
        text_ = sentence.text
        if re.search(r"\d", text_) and any(s.text.strip() == text_.strip() for s in body[position + 1 :]):
            continue  # a teaser the page prints again in its place later: the later copy, with its context, counts
        # the sentence before in the same paragraph: it may name what a count is of ("trains", "routes")
        context = next((s.text + " " for s in reversed(body[:position]) if s.paragraph == sentence.paragraph), "")
        if text_.lstrip()[:1] in "-–—•":  # a list item continues the sentence that opens the list ("...: - via X")
            opener = position - 1
            while opener >= 0 and body[opener].text.lstrip()[:1] in "-–—•":
                opener -= 1
            if opener >= 0 and body[opener].text.rstrip().endswith(":"):
                context = body[opener].text + " "
        continued = story.continues(text_, sentence.paragraph)
        found = find_periods(text_, reference)
        spans = [(p.start, p.end) for p in found]  # "the five years before" holds no figure
        days = _single_days(found, pub_date)
        timeline.last_day = days[-1] if days else timeline.last_day  # what a later "that day" means
        told = days or [d for d in [nth_day(text_, pub_date)] if d]  # "On the afternoon of the 29th, a train left"
        timeline.day_before, timeline.sentence_day = timeline.sentence_day, told[-1] if told else ""
        fractions = find_fractions(text_)
        # ("nearly seven tenths of all the trains": the share, not also a count of seven)
        whole = [
            f
            for f in find_figures(text_, spans, points_group)
            if not any(g.start <= f.start < g.end for g in fractions)
        ]
        figures = sorted([*whole, *fractions], key=lambda f: f.start)
        figures = [_signed(text_, f) for f in figures]
        placer.note(text_, sentence.paragraph)
        body_was_regions, body_is_regions = body_is_regions, region_body(text_, body_is_regions)
        if not figures:
            timeline.note(text_, sentence.paragraph)
            story.note(text_, sentence.paragraph, [])
            continue
        # "Freight between Kazakhstan and China hit 23 million tons. ... Transit freight since January is 35 percent
        # up": in a story that has given no figure to a place of the data, the neighbour carries past its paragraph
        # (not into a sentence about the border, whose freight is the crossings', nor in an article with a subject)
        unplaced = not (titled or placer.subject or _BORDER_SAID.search(text_)) and not any(
            c.entity_id for c in candidates
        )
        placer.carried = carried[1] if carried[0] == sentence.paragraph or (carried[1] and unplaced) else ""
        places = [placer.place(text_, f, guess.best, last_entity) for f in figures]
        # a neighbour's rail freight with China, no crossing named: its rail ports on that border together
        places = [_rail_ports(p, title, text_, entities) for p in places]
        for index, entity_id in enumerate(placer.respective(text_, figures)):
            if entity_id:
                places[index] = Place(entity_id, "places and figures in the same order ('respectively')")
        for index, figure in enumerate(figures):  # "6,269 trains passed through the port, 8.1 percent more"
            counts = [places[j] for j in range(index) if figures[j].unit != "percent"]
            if not counts or not placer.is_member(counts[-1].entity_id, places[index].entity_id):
                continue
            if figure.unit == "percent":
                places[index] = counts[-1]
            elif placer.kind_of(places[index].entity_id) == "port" and not clause_mode(text_, figure):
                # "... went through the port, carrying 870,000 tons": the member of the sentence's count before, when
                # the figure's own clause names no mode ("the road port's cargo" names its own)
                places[index] = Place(counts[-1].entity_id, "the member of the figure before in the sentence")
        doubts = [low_confidence(text_, f, figures) or continued or referents.doubt(text_, f) for f in figures]
        doubts = [_estimate_of_a_past_year(text_, d, pub_date) for d in doubts]
        referents.note(figures)
        for named in _SAME_FIGURES.finditer(text_):  # "the two figures" counts figures already given: no measure
            doubts = [d or ("the figures before, counted" if named.start() <= f.start < named.end() else "")
                      for d, f in zip(doubts, figures, strict=True)]  # fmt: skip
        classes = [class_count(text_, f) for f in figures]
        for index, figure in enumerate(figures):
            # "The group's feeder airports handled 2,311,700 passengers": the clause's own place the data lacks stays
            lacked = places[index].rule == "a place the data lacks (the figure's clause)"
            if classes[index] and region:  # "one of the two land ports between China and Kyrgyzstan": the region's
                doubts[index] = ""
                places[index] = Place(region, "the size of a class the place is one of (the region's)")
            elif region and region_operator(text_, figure) and not (placer.mentions(text_) or lacked):
                # "Xinjiang Airport Group now runs 36 routes that reach 21 countries": the region's airports together
                places[index] = Place(region, "a body named after the region runs it")
            elif region and region_total(text_, figure):
                places[index] = Place(region, "the region's total")
            elif region and body_was_regions and back_to_body(text_, figure) and not (placer.mentions(text_) or lacked):
                # "... according to Xinjiang Airport Group. The routes the company runs rose by 115": still the body's
                places[index] = Place(region, "a body named after the region, referred back to")
            elif few_ports_named(text_, figure):
                doubts[index] = doubts[index] or "places counted that the text names"
        base: dict[int, MetricGuess] = {}
        elided: dict[int, int] = {}  # figure -> the count before whose measure it shares ("..., at least six a day")
        metrics: list[MetricGuess] = []
        for index, (figure, place) in enumerate(zip(figures, places, strict=True)):
            if figure.unit != "percent" and not doubts[index]:
                base[index] = guess_metric(
                    text_, figure, figures, vocabulary, place.entity_id, base, context, placer.kind_of(place.entity_id)
                )
        names = [base[i].name if i in base else "" for i in range(len(figures))]
        made_up = [
            i in base and base[i].rule.endswith("new name from the words around it") for i in range(len(figures))
        ]
        for index in list(base):
            # "..., while traffic through Khorgos came to 3,189, ...": trains, as before; a change printed after it
            # ("3171 through Alashankou, up 17.3%") is then a change of trains too
            source = elided_measure(text_, figures, index, names, made_up)
            if source is not None:
                base[index] = replace(base[source], rule="the measure of the count before (no noun of its own)")
                elided[index] = source
        for index, (figure, place) in enumerate(zip(figures, places, strict=True)):
            if classes[index] and region:
                known = any(e.name == classes[index] for e in vocabulary)
                metrics.append(MetricGuess(classes[index], not known, "a class of places counted"))
                continue
            metrics.append(
                base.get(index)
                or guess_metric(
                    text_, figure, figures, vocabulary, place.entity_id, base, context, placer.kind_of(place.entity_id)
                )
            )
        previous = next((c for c in reversed(candidates) if c.confidence == "high"), None)
        befores = _figures_before(text_, figures, candidates)
        for index, figure in enumerate(figures):
            same = _SAME_FIGURE.search(text_[: figure.start])
            if index not in befores and previous and same and not placer.mentions(text_[: figure.start]):
                befores[index] = previous
            if index in befores:
                # "this figure is up 9 percent year on year": the figure before, its place and (below) its period
                previous = befores[index]
                flag = "; ".join(f for f in previous.flags.split("; ") if f.startswith(("combined", "place not")))
                places[index] = Place(previous.entity_id, "the figure before ('this figure')", flag)
                growth = figure.unit == "percent" and not previous.metric.endswith("_growth_yoy")
                name = growth_stem(previous.metric) + "_growth_yoy" if growth else previous.metric
                metrics[index] = MetricGuess(name, not any(e.name == name for e in vocabulary), "the figure before")
            amount = paragraph_amounts.get(sentence.paragraph)
            if figure.unit == "percent" and amount and _bare_growth(metrics[index], figures, base):
                # "... came to 357 billion yuan. With growth of 45.9% year on year, ...": a growth with no measure
                # of its own in its sentence is the growth of the amount just given in the paragraph
                name = growth_stem(amount.metric) + "_growth_yoy"
                metrics[index] = MetricGuess(name, not any(e.name == name and e.known for e in vocabulary), "growth of "
                                             "the amount before in the paragraph")  # fmt: skip
        for index, figure in enumerate(figures):
            registered = _REGISTERED.match(text_[figure.end :]) if figure.unit == "count" else None
            if registered:
                # "15,308 registered foreign trade enterprises": firms on the register, a stock, not the firms trading
                name = "_".join(["registered", *registered.group("noun").lower().split()])
                metrics[index] = MetricGuess(name, not any(e.name == name for e in vocabulary), "a registered count")
        for index, metric in enumerate(metrics):
            entity_id = places[index].entity_id
            if is_town_measure(metric.name, placer.kind_of(entity_id)):
                town = _town(placer, text_, entity_id)
                places[index] = Place(
                    "", "tourism is a town's, not its port's", f"place not in the data: {town} (the city)"
                )
            elif is_town_firms(text_, figures[index], metric.name, placer.kind_of(entity_id), city_told):
                town = _town(placer, text_, entity_id)
                places[index] = Place("", _TOWN_FIRMS, f"place not in the data: {town} (the city)")
            elif _of_town_firms(index, elided, figures, places) and not placer.mentions(
                text_[figures[index - 1].end : figures[index].start]
            ):
                # "2,406 enterprises set up in the city in 2016, a daily average of at least six", "22,615 market
                # entities at the end of last year, up nearly two and a half times": the same town's
                places[index] = replace(places[index - 1], rule=_TOWN_FIRMS + " (the count before's)")
        lengths = [length_of(text_, f) for f in figures]
        for index, length in enumerate(lengths):
            if length == "pipeline":  # "the 962-km pipeline from Atasu to the Alataw Pass": no place the data holds
                places[index] = Place("", "a pipeline's length", "place not in the data: the pipeline")
        stock = [_is_stock(m.name, vocabulary) for m in metrics]
        flows = [_is_flow(m.name, f.unit, vocabulary) for m, f in zip(metrics, figures, strict=True)]
        # "This year 5 new cargo routes have been opened": the routes added over a period, not the ones that stand
        added = [bool(_NEW_ADDED.match(text_, f.end)) and bool(_OPENED.search(text_)) for f in figures]
        stock = [s and not a for s, a in zip(stock, added, strict=True)]
        flows = [flow or a for flow, a in zip(flows, added, strict=True)]
        # "grew by 10%, to 2.2 million tons", "jumped 4.4-fold to 330 million yuan": a percent or multiple beside an amount
        # over a period is that amount's change, over its period
        amounts = any(flow and f.unit != "percent" for flow, f in zip(flows, figures, strict=True))
        flows = [flow or (f.unit in {"percent", "times"} and amounts) for flow, f in zip(flows, figures, strict=True)]
        periods = timeline.periods(text_, sentence.paragraph, figures, stock, flows)
        # "The number rose every year, from 320,000 in 2013 to 5 million in 2016": the figure before's place and
        # measure, but a year written right after a figure (or a change's start "at first") is its own period
        periods = [
            (befores[i].period, "the figure before ('this figure')")
            if i in befores and places[i].rule.startswith("the figure before") and not p[1].startswith(_OWN_PERIOD)
            else p
            for i, p in enumerate(periods)
        ]  # fmt: skip
        # "118 road routes, more than one third of China's total": a share of the count before is for its period
        periods = [
            (periods[i - 1][0], "a share of the figure before: its period")
            if i and metrics[i].rule == "share of the figure before"
            else p
            for i, p in enumerate(periods)
        ]
        periods = [
            (published, "a class's size stands: the publication date") if classes[i] and region and published else p
            for i, p in enumerate(periods)
        ]  # "one of Xinjiang's five land ports ..., it saw 90,000 trips in January-May": the five stand today
        # "Xinjiang has 5,600 km of border": a length stands at the page's date, unless the sentence dates it
        periods = [(published, "a length stands: the publication date") if lengths[i] and published and not found
                   else p for i, p in enumerate(periods)]  # fmt: skip
        periods = [(o, "a running total opened with a month: open start") if (o := opened_total(text_, f.start, p[0]))
                   != p[0] else p for f, p in zip(figures, periods, strict=True)]  # fmt: skip
        # "By June the port had opened 21 routes to 26 cities": the network it had built by then is the level on the
        # month's last day (the routes "more than 2,400 trains had carried goods on" are the running total's)
        built = [bool(_HAD_BUILT.search(text_, clause_span(text_, f.start, f.end)[0], f.start)) for f in figures]
        periods = [(last_day(p[0][3:]), "a level by the month stated: its last day") if b and s
                   and re.fullmatch(r"\.\./\d{4}-\d{2}", p[0]) and p[1].startswith("a running total") else p
                   for b, s, p in zip(built, stock, periods, strict=True)]  # fmt: skip
        about_fair = names_fair(text_) or fair_title
        if fair_told and about_fair:
            # "The expo drew more than 1,300 companies from 60 countries": what an expo counts, by its own names
            for index, figure in enumerate(figures):
                name = fair_metric(text_, figure.unit, figure.start, figure.end)
                if name:
                    metrics[index] = MetricGuess(
                        name, not any(e.name == name for e in vocabulary), "what an expo counts"
                    )
        if host and about_fair:
            # "158 companies from 35 countries and 550 from inside and outside Xinjiang exhibited": at a city's fair
            for index, figure in enumerate(figures):
                if not placer.mentions(text_[slice(*clause_span(text_, figure.start, figure.end))]):
                    places[index] = Place("", "the fair's city, which the data lacks",
                                          f"place not in the data: {host} (the city)")  # fmt: skip
        if fair_told and not host and region:
            # "The fair, which runs until Saturday in Urumqi, covers 35,000 square metres": the region's fair
            for index, figure in enumerate(figures):
                clause = text_[slice(*clause_span(text_, figure.start, figure.end))]
                if capitals_fair(text_, clause, places[index].entity_id):
                    places[index] = Place(region, "a fair in the region's capital: the region's")
        # ("more than three times as much as at the last expo in 2018": an edition compared with is no other one's)
        if fair and about_fair and not other_edition(blank(text_, COMPARED), fair):
            # a sentence of an article about the fair that dates its figures no other way counts the fair's days
            # ("deals worth 5.6 billion dollars in total" at the expo: its own total; "since 2011" is the editions')
            own = names_fair(text_) and not _EDITIONS.search(text_)
            periods = [(fair, "the expo's own days")
                       if (not p[0].startswith("../") or (own and p[1] == "all-time total"))
                       and (names_fair(text_) or p[1].startswith(_UNDATED)) else p for p in periods]  # fmt: skip
            told = filed or pub_date
            if told and _SO_FAR.search(text_) and fair[:10] <= told.isoformat() < fair[11:]:
                # "So far contracts worth 960 billion yuan have been signed", told on the expo's second day: from
                # its first day to that day
                periods = [(f"{fair[:10]}/{told.isoformat()}", "the expo so far: its first day to the day told")
                           if p[1] == "all-time total" else p for p in periods]  # fmt: skip
        story.note(text_, sentence.paragraph, doubts)
        deck = bool(_DECK.match(text_))  # a short line with no stop: a deck under the headline, not a sentence
        for figure, place, metric, (period, period_rule), doubt in zip(
            figures, places, metrics, periods, doubts, strict=True
        ):
            key = (figure.text_value, figure.unit, metric.name)  # "21 countries" and "21 trains a day" are two
            # a precise value ("334.7%") printed again in other words (a summary, then the answer) is the same figure
            precise = (figure.text_value, figure.unit, "") if _is_precise(figure) else key
            first = next((seen[k] for k in (key, precise) if k in seen), None)
            renamed = None
            if not doubt and first is not None:
                if first in decks and not deck and candidates[first].confidence == "high":
                    # "Urumqi centre runs its 1500th train" (a deck under the headline), then the sentence that
                    # tells it: the sentence's reading is the figure's, the deck's the copy
                    candidates[first] = replace(candidates[first], confidence="low", rule="the same figure again")
                else:
                    doubt = "the same figure again"
                    # "In the 11 months, cargo came to 66,600 tonnes", then "... at the Khunjerab Pass came to 66,600
                    # tonnes": the place the repeat names is the figure's, where the first only guessed one
                    guessed = candidates[first].rule.startswith("entity: sentence's place")
                    renamed = (
                        first if guessed and place.rule in _NAMED and candidates[first].confidence == "high" else None
                    )
            seen.update({k: seen.get(k, len(candidates)) for k in (key, precise)})
            if deck:
                decks.add(len(candidates))
            rule = f"entity: {place.rule}; metric: {metric.rule}; period: {period_rule}"
            if doubt == MILESTONE:
                milestones[len(candidates)] = rule
            flags = [place.flag] if place.flag else []
            if metric.new:
                flags.append(f"new metric: {metric.name} ({figure.unit})")
            if timeline.guessed:
                flags.append("period guessed: no publication date")
            candidates.append(
                Candidate(
                    number=len(candidates) + 1,
                    figure=figure,
                    sentence=text_,
                    entity_id=placer.member_for_metric(
                        existing(place.entity_id, period, text_, matcher, by_id, begun), metric.name
                    ),
                    metric=metric.name,
                    period=period,
                    source_id=source_id,
                    alternatives=f"entities: {', '.join(guess.others)}" if guess.others else "",
                    confidence="low" if doubt else "high",
                    rule=doubt or rule,
                    flags="; ".join(flags),
                    new_metric=metric.new,
                )
            )
            if renamed is not None:
                entity_rule = f"entity: {place.rule} (where the figure is told again)"
                candidates[renamed] = replace(
                    candidates[renamed],
                    entity_id=candidates[-1].entity_id,
                    rule=entity_rule + candidates[renamed].rule[candidates[renamed].rule.index(";") :],
                )
            if not doubt or doubt == MILESTONE:
                # combined too: after "rail transport between Kazakhstan and China came to 10.1 million tons",
                # "That is 14% more than ..." is the same ports' growth until a sentence names another place
                if place.rule != LISTED_GROUP:
                    last_entity = place.entity_id
                unheld = not place.entity_id and place.flag.startswith("place not")
                carried = (sentence.paragraph, place.flag.split("; ")[0]) if unheld else (-1, "")
            if not doubt and figure.unit in {"CNY", "USD", "tonnes", "count"} and not metric.new:
                paragraph_amounts[sentence.paragraph] = candidates[-1]
    # a period in its shortest form, as facts.csv writes it: a year to 31 December is the year
    candidates = [replace(c, period=shortest(c.period)) for c in candidates]
    return _rounded_in_the_lead(_trains_at_rail_ports(_milestones_without_value(candidates, milestones), placer))


# A short line that ends with no stop: a deck or subheading, not a sentence
_DECK = re.compile(r"^(?!(?:\S+\s+){15})[^\n]*[^.!?\"”’)\s]\s*$")
# Measures only a railway has: its trains and their routes
_TRAIN_METRIC = re.compile(r"^(?:china_europe_train|daily_train)")


def _trains_at_rail_ports(candidates: list[Candidate], placer: Placer) -> list[Candidate]:
    """A train measure put on a whole port ("29 routes pass through Horgos") is its railway port's: a port's trains
    run through its rail member whatever else the sentence says."""
    result = []
    for candidate in candidates:
        rail = placer.member(candidate.entity_id, "trains") if _TRAIN_METRIC.search(candidate.metric) else ""
        if rail and rail != candidate.entity_id:
            candidate = replace(candidate, entity_id=rail, rule=candidate.rule + "; a train measure: the rail port")
        result.append(candidate)
    return result


def _rounded_in_the_lead(candidates: list[Candidate]) -> list[Candidate]:
    """A lead's rounded figure is doubted when the sentences after it give it exactly ("more than 40 percent" in the
    lead, "42.86 percent" next): news leads round what the body then states."""
    position = {sentence: i for i, sentence in enumerate(dict.fromkeys(c.sentence for c in candidates))}
    for index, lead in enumerate(candidates):
        figure = lead.figure
        if lead.confidence != "high" or figure.qualifier not in {"over", "nearly"} or position[lead.sentence] > 1:
            continue
        # "more than 40" rounds 40 to 44 down; "about 52" rounds what is within 5 percent of it
        low, high = (figure.value, figure.value * Decimal("1.1")) if figure.qualifier == "over" else (
            figure.value * Decimal("0.95"), figure.value * Decimal("1.05"))  # fmt: skip
        exact = next(
            (c for c in candidates[index + 1 :]
             if c.sentence != lead.sentence and position[c.sentence] <= position[lead.sentence] + 3
             and c.figure.unit == figure.unit and not c.figure.qualifier and low < c.figure.value <= high
             and _digits(c.figure.value) > _digits(figure.value)),
            None,
        )  # fmt: skip
        if exact is not None:
            candidates[index] = replace(lead, confidence="low", rule="the lead's rounded form of a figure given next")
    return candidates


def _digits(value: Decimal) -> int:
    """Significant digits: 40 has 1, 42.86 has 4."""
    return len(format(value.normalize(), "f").replace(".", "").replace("-", "").strip("0")) if value else 0


_REGISTERED = re.compile(
    r"\s+registered\s+(?P<noun>(?:[a-z][\w-]*\s+){0,3}?(?:enterprises|firms|companies|businesses"
    r"|traders|entities|vehicles|users|members))\b",
    re.I,
)


# a value with decimals other than .0 ("334.7", "40.39"): two such figures in one article are rarely distinct by chance
_PRECISE = re.compile(r"\d\.\d*[1-9]")


def _is_precise(figure: Figure) -> bool:
    """A percent or sum with decimals; a ratio ("2.2 times") recurs for different things too often."""
    # as printed: "41.865 million USD" has decimals, though its value multiplied out (41865000.000) has none left
    return figure.unit in {"percent", "CNY", "USD"} and bool(_PRECISE.search(figure.as_written))


def _rail_ports(place: Place, title: str, sentence: str, entities: list) -> Place:
    neighbour = "" if place.entity_id else rail_neighbour(title, sentence, place.flag)
    ports = sorted(e.id for e in entities if neighbour and e.border == neighbour and "rail" in e.kind.split())
    if len(ports) < 2:
        return place
    rule = "a neighbour's rail freight with China: its rail ports on that border together"
    return Place(";".join(ports), rule, f"combined: {', '.join(ports)}")


# "over the seven earlier expos", "since the first was held in 2011": the editions' running total, not this one's
_SO_FAR = re.compile(r"\bso far\b", re.I)
_EDITIONS = re.compile(r"\b(?:since|previous|earlier|past|editions|first held|so far)\b", re.I)
# period rules that date a figure by no phrase of its own sentence
_UNDATED = ("no period stated", "carried from the sentence before", "the data year carried", "a count that stands",
            "now: the publication date", "a part of the figure before")  # fmt: skip


def _told_days(text: str, reference, published: date | None) -> list[str]:
    """The days a sentence names, and its spans of whole days ("from 26 June to 30 June"), as ISO dates."""
    found = find_periods(text, reference)
    spans = [p.period for p in found if re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", p.period)]
    nth = nth_day(text, published)
    return [*spans, *_single_days(found, published), *([nth] if nth else [])]


def _single_days(found: list[Period], published: date | None) -> list[str]:
    """The single days among a sentence's period phrases, as ISO dates."""
    return [_day(p, published) for p in found if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.period)]


def _day(period: Period, published: date | None) -> str:
    """A day named in the text; "On March 30" with no year is the last March 30 up to the publication date."""
    if period.explicit_year or published is None:
        return period.period
    day = date.fromisoformat(period.period)
    try:
        day = day.replace(year=published.year)
        return (day if day <= published else day.replace(year=published.year - 1)).isoformat()
    except ValueError:  # February 29 in another year
        return period.period


_BORDER_SAID = re.compile(r"\bbetween\s+the\s+(?:two\s+)?countries\b|\bborder\b", re.I)
_TOWN_FIRMS = "firms are a town's, not its port's"


def _of_town_firms(index: int, elided: dict[int, int], figures: list[Figure], places: list[Place]) -> bool:
    """Whether the figure before is a town's firms and this one shares its measure or is its change."""
    shares = elided.get(index) == index - 1 or figures[index].unit in {"percent", "times"}
    return index > 0 and shares and places[index - 1].rule == _TOWN_FIRMS


def _town(placer: Placer, sentence: str, entity_id: str) -> str:
    """The town a port, line or center stands for: the word its sentence names it by, else its id's first part."""
    at = next((at for at, e in placer.mentions(sentence) if e == entity_id), -1)
    name = re.match(r"[A-Z][\w'-]*", sentence[at:]) if at >= 0 else None
    return name.group(0) if name else entity_id.split("-")[0].capitalize()


def _bare_growth(metric: MetricGuess, figures: list[Figure], base: dict[int, MetricGuess]) -> bool:
    """A growth whose base was guessed from loose words (new name), in a sentence with no amount of its own."""
    amounts = [i for i, f in enumerate(figures) if f.unit != "percent" and i in base]
    partner = metric.rule == "growth of a partner's trade"  # "led its partners, with growth of 45.8 percent"
    return metric.rule.startswith("growth of") and not partner and metric.new and not amounts


def _milestones_without_value(candidates: list[Candidate], milestones: dict[int, str]) -> list[Candidate]:
    """A milestone is the figure when the article gives no value that passed it ("had passed four million").

    "has gone past 100,000 tons for the first time" beside "stood at 101,400 tons": the value is the fact.
    """
    for index, rule in milestones.items():
        figure = candidates[index].figure
        passed = [
            c for c in candidates
            if c.figure.unit == figure.unit and figure.value < c.figure.value <= figure.value * Decimal("1.5")
        ]  # fmt: skip
        if not passed:
            candidates[index] = replace(candidates[index], confidence="high", rule=rule)
    return candidates


_OWN_PERIOD = ("the year written right after the figure", "a change's", "period phrase")
# "this figure is up 9 percent", "the total rose 4 percent": the figure just given, by a noun that names no measure
# "that count shows 9-percent growth": the figure before, named by what it is
_SAME_FIGURE = re.compile(
    r"\b(?:(?:this|that|the) (?:figure|number)|(?:this|that) (?:count|total|tally))\b(?!\s+of\b)", re.I
)

# "The two figures rose by 9 and 4 percent respectively": the figures just given, each by its own change
_SAME_FIGURES = re.compile(
    r"\b(?:the|these|those|both)\s+(?:(?:two|three|four)\s+)?(?:figures|numbers)\b(?!\s+of\b)", re.I
)


def _figures_before(text: str, figures: list[Figure], candidates: list[Candidate]) -> dict[int, Candidate]:
    """Each percent of a sentence that gives the changes of the figures before "respectively", by index: the k-th
    percent is the k-th of as many figures last proposed, whose count the sentence refers to ("the two figures")."""
    named = _SAME_FIGURES.search(text)
    if named is None or not RESPECTIVELY.search(text):
        return {}
    changes = [i for i, f in enumerate(figures) if f.start > named.end() and f.unit == "percent"]
    earlier = [c for c in candidates if c.confidence == "high"][-len(changes) :] if changes else []
    if len(earlier) != len(changes) or any(c.figure.unit == "percent" for c in earlier):
        return {}
    return dict(zip(changes, earlier, strict=True))


# "In 2025 foreign trade is expected to reach 118.65 billion yuan", said in January 2026: the year is over, so the
# figure is its first estimate, not a forecast (a work report's 预计完成)
# (the year opens the clause that expects: "In 2012 ... moved, and the figure is expected to reach" is a forecast)
_YEAR_EXPECTED = re.compile(
    r"\b(?:in|for)\s+(?P<y>(?:19|20)\d{2})\b[^;,]{0,80}?\b(?:is|are)\s+(?:expected|estimated)\s+to\b", re.I
)


def _estimate_of_a_past_year(sentence: str, doubt: str, published: date | None) -> str:
    expected = _YEAR_EXPECTED.search(sentence)
    if doubt.startswith("a forecast") and published and expected and int(expected.group("y")) < published.year:
        return ""
    return doubt


# the place rules that read a name in the figure's own sentence, against a guess from the article
_NAMED = frozenset({"place named", "nearest place named"})

# "imports dropped 8.9 percent": a fall is a negative growth.
_FELL = r"fell|dropped|declined|decreased|slid|shrank|contracted|slumped|plunged|plummeted|dipped|sank|tumbled"
_FALL = re.compile(
    r"\b(?:" + _FELL + r"|fall|falls|drop|drops|decline|declines|decrease|down|slipped)(?:\s+by)?\s*"
    # "fell 11.4%, 45.2% and 27.9% respectively": each percent of the list after the verb falls
    r"(?:[\d.,]+\s*(?:percent|per cent|%)\s*(?:,\s*(?:and\s+)?|and\s+))*$",
    re.I,
)
# "exports fell sharply last year, by 44.5 percent": the fall's verb earlier in the clause, no figure or rise between
_FALL_BY = re.compile(
    r"\b(?:" + _FELL + r")\b(?:(?!\b(?:and|but|while|rose|grew|increased|up)\b)[^,;.\d]){0,25},?\s+by\s*$", re.I
)
# "a decline of 8.9 percent", "falls of 35.2 and 34.7 percent respectively": a fall named by a noun, each value
_FALL_NOUN = re.compile(
    r"\b(?:declines?|drops?|falls?|decreases?|plunges?|slumps?|dips?|reductions?|contractions?)\s+of\s+(?:[\d.,]+\s*(?:percent|per cent|%)?\s*(?:,|and)\s+)*$",
    re.I,
)
# "16.7 percent less than a year before", "3.1 percent lower": the fall's word after the figure (not "a 31-percent drop",
# which in the one article that writes it is a growth rate's own fall, dated apart)
_FALL_AFTER = re.compile(r"^\s*(?:lower|less|fewer)\b", re.I)
# "its growth was 8.6 percentage points below that of the country's": a gap under the other rate
_POINTS_BELOW = re.compile(r"^\s*below\b", re.I)
# "cut the passage time to 16 hours, a drop of 70 percent": a time's fall is a cut, which the data keeps positive
_A_TIME = re.compile(r"\btime\b", re.I)


def _signed(sentence: str, figure: Figure) -> Figure:
    before, after = sentence[: figure.start], sentence[figure.end :]
    below = figure.unit == "percentage_points" and _POINTS_BELOW.match(after)
    named = (_FALL_NOUN.search(before) or _FALL_AFTER.match(after) or below) and not _A_TIME.search(sentence)
    fell = _FALL.search(before) or _FALL_BY.search(before)
    if figure.unit in {"percent", "percentage_points"} and figure.value > 0 and (fell or named):
        return replace(figure, value=-figure.value)
    return figure


_HAD_BUILT = re.compile(r"\bhad\s+(?:opened|launched|set up|built|added)\b", re.I)
_NEW_ADDED = re.compile(r"\s+new\b", re.I)
_OPENED = re.compile(r"\b(?:opened|launched|added)\b", re.I)


def _is_stock(metric: str, vocabulary: list[MetricEntry]) -> bool:
    kinds = [e.kind for e in vocabulary if e.name == metric]
    return "stock" in kinds if kinds else is_standing_count(metric)  # a new name: by its counted noun


def _is_flow(metric: str, unit: str, vocabulary: list[MetricEntry]) -> bool:
    """An amount over a period (trade, trips), its growth or its share.

    A metric the vocabulary lacks is one when it is a growth or a share, or a sum of money or tonnes
    (a value or volume traded); a new count may be a stock (firms, routes) and is not carried.
    """
    kinds = {e.kind for e in vocabulary if e.name == metric and e.listed}  # a kind data/metrics.csv states
    if kinds:
        return bool(kinds & {"flow", "share"})
    if is_standing_count(metric):
        return False  # "cargo_capacity" in tonnes stands, like a count of routes
    return metric.endswith("_growth_yoy") or "share" in metric.split("_") or unit in {"CNY", "USD", "tonnes"}
