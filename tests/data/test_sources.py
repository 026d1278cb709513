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
