"""The learned-confidence experiment: naive Bayes arithmetic, deterministic training, the filter and the CV split."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal

import pytest

from geo import settings
from geo.errors import DataError
from geo.ingest.candidates import Candidate
from geo.ingest.evaluate import Scores, score_article
from geo.ingest.learned import apply, features, train
from geo.ingest.numbers import Figure

SCRIPT = settings.PROJECT_DIR / "scripts" / "train_confidence.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("train_confidence", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up while it is built
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def _candidate(sentence: str, written: str, value: str = "10", unit: str = "count", entity: str = "horgos",
               confidence: str = "high", rule: str = "entity: place named; metric: m; period: p") -> Candidate:  # fmt: skip
    start = sentence.index(written)
    figure = Figure(start, start + len(written), Decimal(value), unit, "", written)
    return Candidate(1, figure, sentence, entity, "m", "2025", "s", confidence=confidence, rule=rule)


def _gold(value: str, kind: str = "fact", entity: str = "horgos") -> dict:
    return {"article": "a.txt", "as_written": value, "value": value, "unit": "count", "entity_id": entity,
            "metric": "m", "metric_new": "", "period": "2025", "qualifier": "", "kind": kind, "note": ""}  # fmt: skip


def test_naive_bayes_by_hand():
    # right: {a}, {a, b}; wrong: {b}. Feature counts a = [2, 0], b = [1, 1]; totals 3 and 1; two features.
    model = train([(["a"], False), (["a", "b"], False), (["b"], True)])
    assert (model.right, model.wrong, model.counts) == (2, 1, {"a": [2, 0], "b": [1, 1]})
    # odds(wrong | b) = 1/2 * ((1+1)/(1+2)) / ((1+1)/(3+2)) = 5/6
    assert model.p_wrong(["b"]) == pytest.approx(5 / 11)
    # odds(wrong | a) = 1/2 * ((0+1)/(1+2)) / ((2+1)/(3+2)) = 5/18; a feature repeated counts once
    assert model.p_wrong(["a", "a"]) == pytest.approx(5 / 23)
    assert model.p_wrong(["never seen"]) == pytest.approx(1 / 3)  # the prior alone
    assert model.p_wrong([]) == pytest.approx(1 / 3)


def test_a_model_without_both_classes_is_refused():
    with pytest.raises(DataError, match="needs right and wrong examples; got 2 and 0"):
        train([(["a"], False), (["b"], False)]).p_wrong(["a"])


def test_training_is_deterministic_whatever_the_order():
    examples = [(["x", "y"], True), (["y"], False), (["z", "x"], False), (["w"], True)]
    one, other = train(examples), train(list(reversed(examples)))
    assert list(one.counts.items()) == list(other.counts.items()) == sorted(one.counts.items())
    assert (one.right, one.wrong) == (other.right, other.wrong)
    assert one.p_wrong(["x", "w"]) == other.p_wrong(["x", "w"])


def test_features_are_generic_signals_of_the_sentence():
    sentence = "Exports are expected to reach 500 million yuan (about 70 million dollars) by 2027."
    inside = features(_candidate(sentence, "70 million", unit="USD"))
    assert {"before:about", "before:(", "before:<num>", "after:dollars", "unit:USD"} <= set(inside)
    assert {"sentence:modal", "sentence:year", "figure:in-brackets", "figure:bracketed-money"} <= set(inside)
    outside = features(_candidate(sentence, "500 million", unit="CNY"))
    assert "figure:in-brackets" not in outside and "before:expected" in outside
    assert "rule-entity:place named" in outside and "entity:one" in outside


def test_a_proposal_past_the_threshold_becomes_low_with_its_note():
    wrong = "A single train of 50 wagons left."
    right = "The port handled 300 trains this year."
    model = train([(features(_candidate(wrong, "50")), True), (features(_candidate(right, "300")), False)])
    kept, lowered = _candidate(right, "300"), _candidate(wrong, "50")
    already = _candidate(wrong, "50", confidence="low", rule="anecdote")
    out = apply([kept, lowered, already], model, threshold=0.6)
    assert [c.confidence for c in out] == ["high", "low", "low"]
    assert out[1].rule.startswith("learned: likely not a figure of a place here, p=0.")
    assert out[1].rule.endswith("; entity: place named; metric: m; period: p")  # the rules' reading kept for review
    assert out[2].rule == "anecdote" and out[0] is kept
    assert [c.confidence for c in apply([lowered], model, threshold=1.0)] == ["high"]
    assert apply([lowered], None) == [lowered]


def test_score_article_labels_each_proposal_as_precision_counts_it():
    candidates = [
        _candidate("The port handled 10 trains.", "10"),  # a fact recalled
        _candidate("A bus with 20 people.", "20", value="20"),  # a noise row proposed
        _candidate("Dostyk handled 30 trains.", "30", value="30"),  # another place's figure given horgos
        _candidate("Dostyk handled 31 trains.", "31", value="31", entity=""),  # another place's, unplaced: right
        _candidate("Some 40 items.", "40", value="40"),  # in no gold row
        _candidate("Some 50 items.", "50", value="50", confidence="low"),  # low: not labelled
    ]
    gold = [_gold("10"), _gold("20", kind="noise", entity=""), _gold("30", kind="other_place", entity="")]
    gold.append(_gold("31", kind="other_place", entity=""))
    assert score_article(candidates, gold, "a.txt", Scores()) == [True, False, False, True, False]


def test_cross_validation_never_trains_on_the_set_it_scores(script, monkeypatch):
    sets = {}
    for name in ("alpha", "beta", "gamma"):
        candidate = _candidate(f"The {name} port handled 10 trains.", "10")
        sets[name] = [script.Article("a.txt", [candidate], [_gold("10")], [False])]
        sets[name][0].candidates.append(_candidate(f"One {name} bus carried 5 people.", "5", value="5"))
        sets[name][0].wrong.append(True)
    trained: list[tuple[str, set[str]]] = []
    real_train = script.train

    def spy(examples, source="", threshold=1.0):
        examples = list(examples)
        trained.append((source, {f for fs, _ in examples for f in fs}))
        return real_train(examples, source, threshold)

    monkeypatch.setattr(script, "train", spy)
    results = script.cross_validate(sets)
    assert list(results) == ["alpha", "beta", "gamma"]
    assert [source for source, _ in trained] == [f"readable sets but {n}" for n in ("alpha", "beta", "gamma")]
    for (_, seen), held in zip(trained, ("alpha", "beta", "gamma"), strict=True):
        assert f"before:{held}" not in seen
        assert {f"before:{n}" for n in ("alpha", "beta", "gamma") if n != held} <= seen


def test_only_readable_sets_are_read(script):
    assert "dev" in script.READABLE and "sealed33" in script.READABLE
    assert all(name == "dev" or name == "sealed" or int(name[6:]) <= 33 for name in script.READABLE)
    with pytest.raises(SystemExit, match="sealed99: not a readable set"):
        script.read_set("sealed99")
