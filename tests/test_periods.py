"""The period grammar: intervals, overlap, labels, the range of the data and the filter in a link."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from geo import settings
from geo.data import periods
from geo.data.dataset import load_dataset
from geo.errors import DataError

# The cases the browser's code passes too (tests/js/core.test.js): periods, and the overlap rule.
CASES = json.loads((Path(__file__).parent / "cases" / "rules.json").read_text(encoding="utf-8"))["periods"]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


@pytest.mark.parametrize("case", CASES["valid"], ids=[c["text"] for c in CASES["valid"]])
def test_parse_gives_the_closed_interval(case):
    period = periods.parse(case["text"])
    assert (_iso(period.start), _iso(period.end)) == (case["first"], case["last"])
    assert periods.problem(case["text"]) is None


@pytest.mark.parametrize("case", CASES["invalid"], ids=[repr(c["text"]) for c in CASES["invalid"]])
def test_a_text_off_the_grammar_is_a_data_error(case):
    with pytest.raises(DataError, match=r"field 'period': expected a period such as 2025, .*; got "):
        periods.parse(case["text"])


def test_the_data_package_writes_the_grammar_as_periods_does():
    package = json.loads((settings.PROJECT_DIR / "data" / "datapackage.json").read_text(encoding="utf-8"))
    patterns = {
        field["constraints"]["pattern"]
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
        if field["name"] == "period"
    }
    assert patterns == {periods.PATTERN}
    # What the pattern leaves to the calendar (30 February, an interval that ends before it starts), and only
    # that, is what validate reports on its own (calendar_problem).
    for case in CASES["valid"] + CASES["invalid"]:
        accepted = re.fullmatch(periods.PATTERN, case["text"]) is not None
        assert accepted == case.get("pattern", True), case
        assert (periods.calendar_problem(case["text"]) is not None) == (accepted and case in CASES["invalid"]), case


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("2025-02-30", "field 'period': expected a day its month has; got '2025-02-30'."),
        ("2025/2024", "field 'period': expected an interval whose start is not after its end; got '2025/2024'."),
    ],
)
def test_validate_reports_what_the_calendar_rules_out(edit_table, mini, period, message):
    def change(rows):
        rows[0]["period"] = period

    edit_table("facts", change)
    with pytest.raises(DataError) as raised:
        load_dataset(mini)
    assert f"facts.csv: row 2 (fact 't-01'): {message}" in str(raised.value)


def test_a_backwards_interval_says_why():
    assert periods.problem("2025/2024").endswith("got '2025/2024' (it ends before it starts).")


def test_problems_name_file_row_and_fact_then_raise_once():
    facts = pd.DataFrame({"fact_id": ["a-1", "a-2", "a-3"], "period": ["2025", "2025-13", "someday"]})
    found = periods.problems(facts, "data/facts.csv")
    assert found == [
        "data/facts.csv: row 3 (fact 'a-2'): field 'period': expected " + periods.GRAMMAR_HINT + "; got '2025-13'.",
        "data/facts.csv: row 4 (fact 'a-3'): field 'period': expected " + periods.GRAMMAR_HINT + "; got 'someday'.",
    ]
    with pytest.raises(DataError, match=r"^2 problem\(s\) in the data:\n.*'a-2'.*\n.*'a-3'"):
        periods.parse_all(facts)
    # A subset (one place's facts) has no file row numbers to give: it names the fact.
    assert periods.problems(facts.iloc[[2]]) == [
        f"data/facts.csv: fact 'a-3': field 'period': expected {periods.GRAMMAR_HINT}; got 'someday'."
    ]


@pytest.mark.parametrize("case", CASES["overlaps"], ids=[f"{c['period']} {c['range']}" for c in CASES["overlaps"]])
def test_overlaps(case):
    # An open start covers everything up to its end, however early the range starts; None: unbounded.
    period = periods.parse(case["period"])
    assert (_iso(period.start), _iso(period.end)) == (case["first"], case["last"])  # what the map is given
    start, end = (date.fromisoformat(d) if d else None for d in case["range"])
    assert periods.overlaps(period, start, end) is case["overlaps"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2025", "2025"),
        ("2025-06", "Jun 2025"),
        ("2025-09-15", "15 Sep 2025"),
        ("2025-01/2025-08", "Jan–Aug 2025"),
        ("2021/2024", "2021–2024"),
        ("2023-11/2025-09", "Nov 2023–Sep 2025"),
        ("2024-08/2025", "Aug 2024–2025"),
        ("2023/2025-06", "2023–Jun 2025"),
        ("2025-06-01/2025-06-15", "1–15 Jun 2025"),
        ("2025-01-15/2025-06-30", "15 Jan–30 Jun 2025"),
        ("../2025-06-30", "by 30 Jun 2025"),
        ("../2025-06", "by Jun 2025"),
    ],
)
def test_label(text, label):
    assert periods.label(text) == label


def test_labels_are_distinct_and_in_time_order():
    assert periods.labels(["2025", "2025-01/2025-08", "2021/2024", "2025"]) == "2021–2024, Jan–Aug 2025, 2025"


FACTS = pd.DataFrame(
    {
        "fact_id": ["f-1", "f-2", "f-3", "f-4"],
        "period": ["2021/2024", "2025-01/2025-08", "../2025-06-30", "2025-09-15"],
    }
)


def test_bounds_span_every_period_an_open_start_counting_by_its_end():
    assert periods.bounds(FACTS) == (date(2021, 1, 1), date(2025, 9, 15))
    assert periods.bounds(FACTS.iloc[[2]]) == (date(2025, 6, 30), date(2025, 6, 30))
    assert periods.bounds(FACTS.iloc[[]]) is None


def test_bounds_of_the_real_facts_run_2021_to_2025(dataset):
    start, end = periods.bounds(dataset.facts)
    assert (start.year, end.year) == (2021, 2025)


def test_keep_in_range_drops_and_counts():
    kept, left_out = periods.keep_in_range(FACTS, date(2025, 7, 1), date(2025, 12, 31))
    assert list(kept["fact_id"]) == ["f-2", "f-4"]
    assert left_out == 2
    kept, left_out = periods.keep_in_range(FACTS, None, None)
    assert (len(kept), left_out) == (4, 0)


def test_steps_for_a_slider():
    assert periods.steps(date(2021, 1, 1), date(2025, 12, 31)) == ["2021", "2022", "2023", "2024", "2025"]
    assert periods.steps(date(2024, 11, 5), date(2025, 2, 1), "month") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    with pytest.raises(ValueError, match="unit"):
        periods.steps(date(2024, 1, 1), date(2025, 1, 1), "week")


@pytest.mark.parametrize(
    ("start", "end", "text", "label"),
    [
        (date(2025, 1, 1), date(2025, 12, 31), "2025", "2025"),
        (date(2024, 1, 1), date(2025, 12, 31), "2024/2025", "2024–2025"),
        (date(2025, 1, 1), date(2025, 6, 30), "2025-01/2025-06", "Jan–Jun 2025"),
        (date(2025, 3, 1), date(2025, 3, 31), "2025-03", "Mar 2025"),
        (date(2025, 1, 15), date(2025, 2, 10), "2025-01-15/2025-02-10", "15 Jan–10 Feb 2025"),
    ],
)
def test_a_range_goes_into_a_link_and_back(start, end, text, label):
    assert periods.format_range(start, end) == text
    assert periods.range_label(start, end) == label
    assert periods.parse_range(text) == ((start, end), [])


LIMITS = (date(2021, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("  2024/2025 ", (date(2024, 1, 1), date(2025, 12, 31))),
        (["2025-01/2025-06"], (date(2025, 1, 1), date(2025, 6, 30))),
        # An open start runs from the data's first day.
        ("../2024", (date(2021, 1, 1), date(2024, 12, 31))),
    ],
)
def test_parse_range_reads_a_link(raw, expected):
    assert periods.parse_range(raw, LIMITS) == (expected, [])


@pytest.mark.parametrize(
    ("raw", "notice"),
    [
        ("2025-13", "Ignored '2025-13' in 'period': expected a year, month or day, or two of them joined by /"),
        ("2025/2024", "(it ends before it starts)."),
        ("1990/1999", "Ignored '1990/1999' in 'period': the figures cover 2021–2025, not 1990–1999."),
        ("<script>alert(1)</script>", "Ignored '<script>alert(1)</script>' in 'period'"),
        ("9" * 100, "Ignored '" + "9" * 37 + "...' in 'period'"),
    ],
)
def test_a_bad_range_in_a_link_is_ignored_with_a_one_line_notice(raw, notice):
    found, notices = periods.parse_range(raw, LIMITS)
    assert found is None
    assert len(notices) == 1 and "\n" not in notices[0]
    assert notice in notices[0]


VIEW_CASES = json.loads((Path(__file__).parent / "cases" / "view.json").read_text(encoding="utf-8"))["periods"]


@pytest.mark.parametrize("case", VIEW_CASES, ids=lambda c: c["why"])
def test_the_period_controls_months_are_written_and_labelled_as_python_reads_them(case):
    """The browser's period control writes the address itself (static/xj/view.js periodRange, the same cases)."""
    if [case["first"], case["last"]] == case["bounds"]:
        assert (case["param"], case["start"]) == ("", None)  # the whole span: no filter
        return
    found, said = periods.parse_range(f"{case['first']}/{case['last']}")
    assert not said
    assert periods.format_range(*found) == case["param"]
    assert periods.range_label(*found) == case["label"]
    assert [day.isoformat() for day in found] == [case["start"], case["end"]]
    assert periods.parse_range(case["param"])[0] == found  # the page reads the address back to the same days


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("2015-01-01/2015-12-31", "2015"),  # a year to 31 December is the year
        ("2011-01-01/2015-12-31", "2011/2015"),
        ("2024-01-01/2024-08-31", "2024-01/2024-08"),
        ("2024-02-01/2024-02-29", "2024-02"),  # a leap year's February, whole
        ("2025-01-01/2025-06-15", "2025-01-01/2025-06-15"),  # a day's precision that is needed stays
        ("2025-01/2025-12-31", "2025"),
        ("../2025-06-30", "../2025-06-30"),  # "by 30 June" stays a day
        ("2025-06-30", "2025-06-30"),
        ("not a period", "not a period"),
    ],
)
def test_shortest_writes_the_same_days_as_facts_csv_would(text, short):
    assert periods.shortest(text) == short
    if periods.problem(text) is None:
        assert periods.same_days(text, short)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("2015", "2015-01-01/2015-12-31", True),
        ("2024-01/2024-08", "2024-01-01/2024-08-31", True),
        ("2024-01/2024-08", "2024-01-01/2024-08-30", False),
        ("../2025-06", "../2025-06-30", True),
        ("../2025-06-30", "2025-01-01/2025-06-30", False),  # an open start is not the year so far
        ("2025", "2025-12", False),
        ("as written", "as written", True),
        ("as written", "2025", False),
    ],
)
def test_same_days_compares_the_days_a_period_covers(first, second, same):
    assert periods.same_days(first, second) is same
    assert periods.same_days(second, first) is same
