"""DataError carries its problems as a list; its text has the header once and can show only the first few."""

from __future__ import annotations

import pickle

from geo.errors import LINE_MAX_CHARS, DataError


def test_one_problem_is_its_own_line():
    error = DataError("data/x.csv: row 2: field 'a': expected text; got ''.")
    assert error.problems == ["data/x.csv: row 2: field 'a': expected text; got ''."]
    assert str(error) == "data/x.csv: row 2: field 'a': expected text; got ''."


def test_several_problems_get_one_header():
    error = DataError(["a.csv: row 2: one.", "a.csv: row 3: two."])
    assert str(error).splitlines() == ["2 problem(s) in the data:", "a.csv: row 2: one.", "a.csv: row 3: two."]
    assert error.problems == ["a.csv: row 2: one.", "a.csv: row 3: two."]


def test_the_shown_text_is_capped_at_the_first_problems_and_says_how_many_more():
    error = DataError([f"a.csv: row {n}: bad." for n in range(2, 5002)])
    lines = error.text(limit=20).splitlines()
    assert lines[0] == "5000 problem(s) in the data:"
    assert lines[1:21] == [f"a.csv: row {n}: bad." for n in range(2, 22)]
    assert lines[21:] == ["... and 4,980 more problems."]
    assert len(str(error).splitlines()) == 5001  # the command line prints them all


def test_a_huge_problem_line_is_cut_when_shown():
    error = DataError(["a.csv: row 2 (id '" + "x" * 1_000_000 + "'): bad.", "a.csv: row 3: bad."])
    shown = error.text(limit=20).splitlines()
    assert len(shown[1]) == LINE_MAX_CHARS and shown[1].endswith("…") and shown[2] == "a.csv: row 3: bad."


def test_problems_survive_pickling():
    error = pickle.loads(pickle.dumps(DataError(["one.", "two."])))
    assert error.problems == ["one.", "two."]
