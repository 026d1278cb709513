"""Every article can be followed and dated: an address for the copy we hold and a date, or inferred bounds."""

from __future__ import annotations

import re

from geo.data import periods


def test_every_source_has_an_address_and_a_date_or_range(dataset):
    for row in dataset.sources.itertuples():
        assert re.fullmatch(r"https?://\S+", row.url), row.source_id
        assert bool(row.published) != bool(row.published_range), row.source_id


def test_an_inferred_range_is_a_period_and_says_why(dataset):
    ranged = dataset.sources[dataset.sources["published_range"] != ""]
    assert len(ranged) >= 1
    for row in ranged.itertuples():
        found = periods.parse(row.published_range)
        assert found.start is not None and found.start <= found.end, row.source_id
        assert "Undated" in row.note, row.source_id


def test_a_copy_through_another_site_names_the_original_publisher(dataset):
    copies = dataset.sources[dataset.sources["publisher"].str.contains(r" via | republished by ")]
    assert len(copies) >= 1
    for row in copies.itertuples():
        assert row.original_publisher, row.source_id


def test_a_source_s_caution_reaches_every_popup_row_that_cites_it(dataset):
    from geo.data import join
    from geo.render import figures

    cited = join.cite(dataset.facts, dataset.sources)
    popups = figures.table(cited)
    for row in dataset.sources[dataset.sources["caution"] != ""].itertuples():
        own = cited[cited["source_id"] == row.source_id]
        lines = {popups["sources"][i][0] for i, url in enumerate(popups["sources"]) if url[1] == row.url}
        assert len(own) and lines, row.source_id
        assert all(line.endswith(f"(caution: {row.caution})") for line in lines), row.source_id
        assert sum(popups["sources"][i][1] == row.url for i in popups["source"]) == len(own)
