"""Amounts a flow will, may or is expected to come to: forecasts, not measures (proposed as low confidence)."""

from __future__ import annotations

import re

from geo.ingest.numbers import Figure

# "contracts will reach 491.1 billion yuan", "the number is expected to reach 1,400", "freight could reach 21.5 million
# tons", "trains are expected to number 3000", "the pipeline will carry 10 million tons", "may lift the volume at the
# port to 25 million tons", "throughput will rise to 48 million people and 550,000 tonnes", "expects the fair to draw
# 50,000 visitors from 30 countries", "there are plans to carry 38 million tons", "should reach 11 million tons" (an
# amount two railways agreed), "the plan is to carry up to 9 million tons": a flow's amount still to come. A plan's
# own spending ("plans to spend", "will invest"), a plan "to raise" a count and a target a count "will grow to" stay
# figures: the held-out gold codes them as planned investments, planned departures and targets.
# a decimal point ("21.5 million") is no sentence stop inside a clause
_SPAN = r"(?:[^.;:]|(?<=\d)\.(?=\d))"
_MODAL = (
    r"\b(?:will|would|could|should|may|might|(?:is|are|was|were)\s+(?:expected|set|projected|forecast|meant)\s+(?:\w+\s+){0,2}?to"
    rf"|expects?\b{_SPAN}{{1,120}}?\bto|plans?\s+to|(?:plan|aim|goal)\s+is\s+to)"
)
_COMES_TO = r"(?:be\s+(?:enlarged|expanded|extended|widened)\s+to|reach|number(?!\s+of\b)|rise\s+to|climb\s+to|carry(?!\s+out)|draw|lift\b[^.;:]{0,60}?\bto|gain|shrink\s+to|hit)"
# case kept: "May" the month before "hit" or "reach" is no modal
_FORECAST = re.compile(_MODAL + r"\s+(?:\w+\s+){0,2}?" + _COMES_TO + rf"\b{_SPAN}{{0,80}}$")
# "is expected to handle (serve) 30 million passengers ... by 2020", "until 2030, when ... is expected to handle":
# handling a flow by a later year is a forecast; what a place "is expected to handle" a year with no horizon is its
# capacity (a new airport's), which the gold keeps
_HANDLE = re.compile(_MODAL + rf"\s+(?:\w+\s+){{0,2}}?(?:handle|serve)\b{_SPAN}{{0,80}}$")
_HORIZON = re.compile(r"^[^.;]{0,80}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", re.I)
# "Building will go on until 2030, when the enlarged airport is expected to handle ...": the horizon named before
_HORIZON_BEFORE = re.compile(r"\b(?:until|by)\s+(?:19|20)\d\d\s*,\s*when\b[^.;]*$", re.I)
# "the capacity ... will reach 2 million tons a year": a capacity once works are done is what the place is built for
_CAPACITY = re.compile(r"\bcapacity\b", re.I)
# "flights ... will reach up to six a day once the agreement is in force": a schedule's frequency is a plan the gold
# keeps (a flow's yearly amount, "will carry 10 million tons a year", is still a forecast)
_FREQUENCY = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:a|per|each)\s+(?:day|week)\b|^\s*(?:daily|weekly)\b", re.I)


# "Around 22 consignments will move from Pakistan", "300 freight trains will carry goods to Central Asia", "more than 4
# million parcels are expected to reach Europe": the figure as the subject of a verb still to come (not "covers 3 square
# kilometers and will be expanded"); a sum that "will be invested" or spent is a plan's spending, and "17 airports are
# expected to be in operation" a plan's target, which the gold keeps
_SUBJECT_OF_WILL = re.compile(
    r"^(?:\s+(?!(?:and|but|or|which|that|it|they)\b)[\w'%-]+){0,5}?\s+(?:will|(?:is|are)\s+expected\s+to(?!\s+be\b))\s+"
    r"(?!carry\s+out\b|(?:be\s+)?(?:invest|spen[dt]|allocat))[a-z]+\b"
)


# "In future there are to be 12 trains", "In future we expect to raise imports to 800 thousand tons": a sentence that
# opens on the future tells what is to come
_IN_FUTURE = re.compile(r"^\W*In\s+(?:the\s+)?future\b")
# "From 01.03.2021 there are to be two trains more at each crossing": what is to be, not what is
_TO_BE = re.compile(r"\bthere\s+(?:is|are)\s+to\s+be\s*$", re.I)


# "the number of trains is expected to grow to 510, or more than 40,000 containers": a count expected to grow to an
# amount is a forecast (a plan's target a count "will grow to" stays a figure, above)
_EXPECTED_TO_GROW = re.compile(rf"\b(?:is|are)\s+expected\s+to\s+(?:grow|increase)\s+to\b{_SPAN}{{0,80}}$", re.I)
# "21 million tonnes are expected to be carried, of which more than 8.8 million tonnes from China": the parts of an
# amount still to come are still to come
_PARTS = re.compile(r",\s*(?:of\s+which|including)\b[^.;]*$", re.I)
_MODAL_SAID = re.compile(_MODAL)


def forecast(sentence: str, figure: Figure) -> str:
    """The doubt for an amount a flow is still to come to ("will reach", "could reach", "expects ... to draw"), else ""."""
    before, after = sentence[: figure.start], sentence[figure.end :]
    clause = before[max(before.rfind(","), before.rfind(";")) + 1 :]
    if _CAPACITY.search(clause) or _CAPACITY.search(before[-80:]) or _FREQUENCY.match(after):
        return ""
    if (
        _IN_FUTURE.match(sentence)
        or _FORECAST.search(before)
        or (_HANDLE.search(before) and (_HORIZON.match(after) or _HORIZON_BEFORE.search(before)))
        or _SUBJECT_OF_WILL.match(after)
        or _EXPECTED_TO_GROW.search(before)
        or _TO_BE.search(before)
        or ((parts := _PARTS.search(before)) and _MODAL_SAID.search(before[: parts.start()]))
    ):
        return "a forecast (an amount a flow will or may come to), not a measure"
    return ""
