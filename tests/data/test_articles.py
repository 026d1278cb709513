"""Each figure appears in the article it cites (read from ../shared/seeds/ or data/articles/), in digits or in the words
it is printed as."""

from __future__ import annotations

import importlib.util
import re

import pytest

from geo import settings

if not settings.SEEDS_DIR.is_dir():
    pytest.skip(f"articles not found at {settings.SEEDS_DIR}: run beside ../shared", allow_module_level=True)

_spec = importlib.util.spec_from_file_location("check_facts", settings.SEEDS_DIR.parent / "tools" / "check_facts.py")
check_facts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_facts)

# Figures some articles spell out ("three hours to one", "Seventeen country booths").
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
# Units are normalised: yuan figures stored in CNY, "million"/"billion" multiplied out.
SCALES = (1, 1e3, 1e6, 1e9)


def figures_in(text: str) -> set[float]:
    words = {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS}
    return check_facts.numbers_in(text) | {float(w) for w in words}


def stated(value: float, figures: set[float]) -> bool:
    return any(abs(value - figure * scale) <= 1e-9 * max(1.0, value) for figure in figures for scale in SCALES)


def test_every_fact_figure_is_in_its_article(dataset):
    files = dataset.sources.set_index("source_id")["file"]
    texts = {sid: settings.article_path(name).read_text(encoding="utf-8") for sid, name in files.items()}
    figures = {sid: figures_in(text) for sid, text in texts.items()}
    in_digits = dataset.facts[dataset.facts["stated_as"] == ""]
    missing = [
        f"{row.fact_id}: {row.value:g} not in {files[row.source_id]}"
        for row in in_digits.itertuples()
        if not stated(row.value, figures[row.source_id])
    ]
    assert missing == []


# Fractions and multiples in words (facts_in_words.csv): the value, unit and qualifier each set of words
# states. check_facts.py reads digits and small number words only, so these are checked here instead.
FRACTIONS = {
    "half": (50.0, "percent"),
    "a third": (33.3, "percent"),
    "one-third": (33.3, "percent"),
    "a quarter": (25.0, "percent"),
    "doubling": (2.0, "times"),
}
WORD_QUALIFIERS = {
    "more than": "over",
    "over": "over",
    "nearly": "nearly",
    "almost": "nearly",
    "under": "under",
    "": "",
}


def read_words(stated_as: str) -> tuple[float, str, str]:
    """(value, unit, qualifier) that words such as 'more than a third' state."""
    text = stated_as.lower().strip()
    qualifier = next(q for q in sorted(WORD_QUALIFIERS, key=len, reverse=True) if text.startswith(q))
    value, unit = FRACTIONS[text.removeprefix(qualifier).strip()]
    return value, unit, WORD_QUALIFIERS[qualifier]


def test_every_figure_in_words_is_printed_in_its_article_and_read_right(dataset):
    files = dataset.sources.set_index("source_id")["file"]
    in_words = dataset.facts[dataset.facts["stated_as"] != ""]
    assert len(in_words) >= 1
    for row in in_words.itertuples():
        text = settings.article_path(files[row.source_id]).read_text(encoding="utf-8")
        assert row.stated_as in text, row.fact_id
        assert read_words(row.stated_as) == (row.value, row.unit, row.qualifier), row.fact_id


def test_a_misread_fraction_would_be_caught():
    assert read_words("more than a third") == (33.3, "percent", "over")
    assert read_words("More than half") == (50.0, "percent", "over")
    assert read_words("doubling") == (2.0, "times", "")
    assert read_words("over one-third") != (50.0, "percent", "over")


def test_a_wrong_figure_would_be_caught(dataset):
    text = settings.article_path(dataset.sources.iloc[0]["file"]).read_text(encoding="utf-8")
    assert stated(356_310_000_000, figures_in(text))
    assert not stated(356_320_000_000, figures_in(text))


def test_claims_are_written_in_our_own_words(dataset):
    # No claim may repeat eight or more consecutive words of its article.
    files = dataset.sources.set_index("source_id")["file"]
    for row in dataset.facts.itertuples():
        article = " ".join(re.findall(r"[\w']+", settings.article_path(files[row.source_id]).read_text().lower()))
        words = re.findall(r"[\w']+", row.claim.lower())
        runs = [" ".join(words[i : i + 8]) for i in range(len(words) - 7)]
        assert not [run for run in runs if run in article], row.fact_id


def test_article_files_named_in_sources_exist(dataset):
    for name in dataset.sources["file"]:
        assert settings.article_path(name).is_file(), name


def test_an_article_beyond_the_seeds_is_in_data_articles_with_its_header(dataset):
    """The rail ports article (Xinhua, July 2025) is not a seed: its text, header kept, is in data/articles/."""
    source = dataset.sources.set_index("source_id").loc["xinhua-rail-ports-2025-07"]
    path = settings.article_path(source["file"])
    assert (
        path == settings.DATA_DIR / "articles" / source["file"] and not (settings.SEEDS_DIR / source["file"]).exists()
    )
    header = dict(line.split(": ", 1) for line in path.read_text(encoding="utf-8").splitlines()[:5])
    assert (header["URL"], header["Published"]) == (source["url"], source["published"])
    assert header["Title"] == source["title"]


# The figures taken from it (rp-01 to rp-04), as its text prints them: the per-port figures the map sizes by.
RAIL_PORTS = {
    "rp-01": ("124 China-Europe freight train routes", 124),
    "rp-02": ("runs 89 routes", 89),
    "rp-03": ("more than 9.77 million tonnes", 9_770_000),
    "rp-04": ("handled 7.96 million tonnes", 7_960_000),
}


def test_the_rail_ports_figures_are_as_the_article_prints_them(dataset):
    facts = dataset.facts.set_index("fact_id")
    files = dataset.sources.set_index("source_id")["file"]
    text = " ".join(settings.article_path(files["xinhua-rail-ports-2025-07"]).read_text(encoding="utf-8").split())
    for fact_id, (words, value) in RAIL_PORTS.items():
        row = facts.loc[fact_id]
        assert row["source_id"] == "xinhua-rail-ports-2025-07" and words in text, fact_id
        assert row["value"] == value and stated(row["value"], figures_in(words)), fact_id
    assert facts.loc["rp-03", "qualifier"] == "over" and facts.loc["rp-04", "qualifier"] == ""
    # Same metric, unit and period for both ports: comparable, so the map can size them by it.
    for pair in (("rp-01", "rp-02"), ("rp-03", "rp-04")):
        assert len({tuple(facts.loc[f, ["metric", "unit", "period"]]) for f in pair}) == 1, pair
