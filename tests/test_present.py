"""Figures and labels as people read them; escaping of text from data."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from geo.data import join, periods
from geo.render import present, tables


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (356_310_000_000, "CNY", "", "356.31 billion CNY"),
        (150_000_000, "CNY", "", "150 million CNY"),
        (9000, "count", "over", "over 9,000"),
        (25.4, "percent", "", "25.4%"),
        (370, "percent", "nearly", "nearly 370%"),
        (21.9, "percentage_points", "", "21.9 percentage points"),
        (5, "hours", "under", "under 5 hours"),
        (1, "hours", "", "1 hour"),
        (179.66, "km2", "", "179.66 km²"),
        (68100, "tonnes", "", "68,100 tonnes"),
    ],
)
def test_format_value(value, unit, qualifier, expected):
    assert present.format_value(value, unit, qualifier) == expected


@pytest.mark.parametrize(
    ("metric", "label"),
    [
        ("vehicle_exports", "Vehicle exports"),
        ("vehicle_exports_growth_yoy", "Vehicle exports growth (y/y)"),
        ("china_europe_train_routes", "China–Europe train routes"),
        ("intl_air_cargo_growth", "International air cargo growth"),
        ("clearance_time_before", "Clearance time, before the change"),  # not "Clearance time before"
        ("train_destination_countries", "Countries its trains reach"),
    ],
)
def test_metric_label(metric, label):
    assert present.metric_label(metric) == label


def test_every_figure_of_the_data_reads_as_words_not_as_its_slug():
    # A label the slug's words make must read as a phrase: no "max", "min", "vs" or a bare "after"/"before" at the end.
    from geo.data.dataset import load_dataset

    labels = {present.metric_label(m) for m in load_dataset().facts["metric"]}
    stiff = [label for label in labels if re.search(r"\b(?:max|min|vs)\b|\b(?:after|before)$", label)]
    assert not stiff, stiff


def test_escape_html_and_markdown():
    hostile = '<img src=x onerror=alert(1)> "quoted" `${1+1}`'
    assert present.escape(hostile) == "&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; `${1+1}`"
    assert present.escape(None) == ""


def _two_figures(**columns: list[str]) -> pd.DataFrame:
    """Two cited figures (a count and an area of 2025), with the source columns given."""
    base = {
        "fact_id": ["x-1", "x-2"],
        "metric": ["vehicle_exports", "area"],
        "value": [1.0, 2.0],
        "unit": ["count", "km2"],
        "period": ["2025", "2025"],
        "qualifier": ["", ""],
    }
    return pd.DataFrame(base | columns)


def test_facts_html_escapes_every_cell_and_numbers_sources():
    cited = _two_figures(
        period=["<b>2025</b>", "2025"],
        source_publisher=["<script>alert(1)</script>", "<script>alert(1)</script>"],
        source_published=["", ""],
        source_title=["T & T", "T & T"],
    )
    html = present.facts_html(cited)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;, undated: “T &amp; T”" in html
    assert html.count("<li>") == 1  # both figures cite the same source, listed once as [1]
    assert html.count(">[1]<") == 2


def test_a_source_link_is_named_by_its_source_and_escaped():
    # Every link read "read it": a screen reader's list of links could not tell them apart.
    cited = _two_figures(
        source_publisher=['Xinhua "<b>"', "CGTN"],
        source_published=["2025-07-29", "2025-08-01"],
        source_title=["T & T", "U"],
        source_url=["https://example.org/a", "https://example.org/b"],
    )
    html = str(present.facts_html(cited))
    names = re.findall(r'<a href="[^"]*" target="_blank" rel="noopener" aria-label="([^"]*)">read it</a>', html)
    assert len(names) == 2 and names[0].startswith("read it: [1] Xinhua &#34;&lt;b&gt;&#34;, 2025-07-29")
    assert names[1].startswith("read it: [2] CGTN, 2025-08-01")


def test_facts_html_says_what_each_figure_counts_in_the_claims_words_escaped():
    # "Visa-free tour group 167" did not say whose tourists; the claim does.
    cited = _two_figures(
        source_publisher=["Xinhua", "Xinhua"],
        source_published=["", ""],
        source_title=["T", "T"],
        claim=["Russian tourists <b>entering</b> visa-free in groups in 2025.", ""],
    )
    html = str(present.facts_html(cited))
    assert '<div class="xj-about xj-claim">Russian tourists &lt;b&gt;entering&lt;/b&gt; visa-free' in html
    assert html.count("xj-claim") == 1  # a figure without a claim gets no empty line


def test_facts_html_for_a_place_without_figures():
    assert "No figures" in present.facts_html(pd.DataFrame())


def test_describe_a_real_port(dataset):
    assert present.describe("ports", dataset.ports.loc["horgos-rail"]) == (
        "霍尔果斯铁路口岸 · rail · border port · operational · border with Kazakhstan · opposite Altynkol (Kazakhstan)"
    )


def test_ports_table_has_headline_figures(mini_dataset):
    table = present.ports_table(join.wide(mini_dataset.ports, mini_dataset.facts))
    row = table.set_index("id").loc["horgos-road"]
    own = mini_dataset.facts[mini_dataset.facts["entity_id"] == "horgos-road"]
    assert row["Vehicle exports"] == own.loc[own["metric"] == "vehicle_exports", "value"].item()
    assert row["Figures"] == len(own)


def test_a_headline_figure_in_the_ports_table_is_quoted_with_its_qualifier_unit_and_period(mini_dataset):
    # an analyst reading "9,500" beside another port's figure would drop the "over" and mix periods
    facts = mini_dataset.facts.copy()
    exports = (facts["entity_id"] == "horgos-road") & (facts["metric"] == "vehicle_exports")
    facts.loc[exports, "qualifier"] = "over"
    table = present.ports_table(join.wide(mini_dataset.ports, facts), facts)
    cell = table.set_index("id").loc["horgos-road", "Vehicle exports"]
    told = facts[exports].iloc[0]
    assert cell["value"] == told["value"]
    assert cell["text"].startswith("over " + present.format_number(told["value"]))
    assert cell["text"].endswith(f"({present._period_label(told['period'])})")
    # the browser takes it as it is: sorted by the number, shown as the text
    layer = tables.layer_table("ports", "Ports", table)
    column = layer["columns"].index("Vehicle exports")
    assert layer["rows"][layer["ids"].index("horgos-road")][column] == cell


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Horgos (霍尔果斯)", 'Horgos (<span lang="zh">霍尔果斯</span>)'),
        ("<b>霍尔果斯</b>", '&lt;b&gt;<span lang="zh">霍尔果斯</span>&lt;/b&gt;'),
        ("no Chinese", "no Chinese"),
        (None, ""),
    ],
)
def test_mark_chinese_escapes_and_marks_each_run_of_chinese(text, html):
    assert present.mark_chinese(text) == html


FIGURE_CASES = json.loads((Path(__file__).parent / "cases" / "view.json").read_text(encoding="utf-8"))["figures"]


@pytest.mark.parametrize("case", FIGURE_CASES, ids=lambda c: c["why"])
def test_the_details_panel_numbers_a_periods_sources_as_the_popups_do(case):
    """The map's popups compose a place's figures in the browser (static/xj/view.js figureRows); the details panel
    is facts_html on the figures in the period. Both on the same cases: the rows shown and their sources' numbers."""
    rows = case["rows"]
    assert [list(present.span(r["period"])) for r in rows] == [[r["start"], r["end"]] for r in rows]
    cited = pd.DataFrame(
        {
            "fact_id": [f"f-{i}" for i in range(len(rows))],
            "metric": ["area"] * len(rows),
            "value": [float(i + 1) for i in range(len(rows))],  # the row's number, to find it in the table
            "unit": ["count"] * len(rows),
            "period": [r["period"] for r in rows],
            "qualifier": [""] * len(rows),
            "source_publisher": [f"Publisher {r['source']}" for r in rows],
            "source_published": ["2025-01-01"] * len(rows),
            "source_title": ["An article"] * len(rows),
        }
    )
    period = case["period"]
    if period:
        cited = periods.keep_in_range(cited, date.fromisoformat(period["start"]), date.fromisoformat(period["end"]))[0]
    html = str(present.facts_html(cited))
    shown = [[int(v) - 1, int(n)] for v, n in re.findall(r"<td>(\d+)</td><td>[^<]*</td><td[^>]*>\[(\d+)\]</td>", html)]
    assert shown == case["shown"]
    listed = [int(p) for p in re.findall(r"<li>\[\d+\] Publisher (\d+),", html)]
    assert listed == case["sources"]


def test_a_stacked_list_writes_every_name_and_value_as_text():
    frame = pd.DataFrame({"Port": ['<img src=x onerror="alert(1)">', "Bakhty"], "Note <b>": ["a & b", None]})
    listing = str(present.stacked_list(frame, 'Ports "behind" <it>'))
    assert "<img" not in listing and "Note <b>" not in listing
    assert 'aria-label="Ports &#34;behind&#34; &lt;it&gt;"' in listing
    assert (
        '<li><b>&lt;img src=x onerror=&#34;alert(1)&#34;&gt;</b><br><span class="xj-about">Note &lt;b&gt;:</span> a &amp; b</li>'
        in listing
    )
    assert "<li><b>Bakhty</b></li>" in listing  # a missing value is left out, not written "None" or "nan"


def _port(**fields) -> pd.Series:
    base = {"location_accuracy": "approximate", "location_note": "Drawn at the town.", "uncertainty_km": None}
    return pd.Series(base | fields)


def test_a_port_s_location_note_says_its_radius_once():
    assert present.location_note("ports", _port(uncertainty_km=5.0)) == (
        "Approximate location: Drawn at the town. Within 5 km of this point."
    )
    # The note gives the radius in its own words: the popup and the details do not say it twice.
    said = _port(location_note="It may lie up to about 5 km from this point.", uncertainty_km=5.0)
    assert present.location_note("ports", said).count("5 km") == 1
    exact = _port(location_accuracy="exact", clearance_km=12.0, clearance_name="Topa")
    assert present.location_note("ports", exact).startswith("Clearance area: Topa, 12 km from the crossing")
    assert present.location_note("zones", pd.Series({"location_note": "Footprint is a circle."})) == (
        "Footprint is a circle."
    )
    assert present.location_note("corridors", pd.Series({"geometry_note": "Via A and B."})) == (
        "Schematic line: Via A and B."
    )


def test_a_location_reference_links_its_address_and_escapes_its_words():
    wiki = "Wikipedia, 'Kashgar (city)' <b>: 39°N (https://en.wikipedia.org/wiki/Kashgar_(city))"
    html = str(present.reference_html(wiki))
    assert '<a href="https://en.wikipedia.org/wiki/Kashgar_(city)" target="_blank" rel="noopener">' in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert present.split_reference("GeoNames 1529377, no address") == ("GeoNames 1529377, no address", "")
    hostile = str(present.reference_html("A note (javascript:alert(1))"))
    assert "<a " not in hostile and "javascript:alert(1)" in hostile
    assert 'lang="zh"' in str(present.reference_html("CNR (央广网), a report (https://example.org/a)"))


def test_an_undated_source_gives_its_inferred_dates_in_words():
    assert present.source_date("", "2025-07-16/2025-07-22") == "undated (published between 16 Jul and 22 Jul 2025)"
    # bounds, not a page published over fourteen months ("Sep 2025–22 Nov 2026" read so)
    assert present.source_date("", "2025-09/2026-11-22") == "undated (published between Sep 2025 and 22 Nov 2026)"
    assert present.source_date("", "2025/2026-03") == "undated (published between 2025 and Mar 2026)"
    assert present.source_date("2026-01-19", "2025-09/2026-11-22") == "2026-01-19"
    assert present.source_date("", "") == "undated"


def test_a_source_s_caution_follows_it_wherever_it_is_cited():
    cited = pd.DataFrame(
        {
            "fact_id": ["x-1", "x-2"],
            "entity_id": ["p", "p"],
            "metric": ["vehicle_exports", "area"],
            "value": [1.0, 2.0],
            "unit": ["count", "km2"],
            "period": ["2025", "2025"],
            "qualifier": ["", ""],
            "source_id": ["a", "b"],
            "source_publisher": ["Site A", "Site B"],
            "source_published": ["", "2025-01-02"],
            "source_title": ["Title A", "Title B"],
            "source_url": ["https://a.example/1", "https://b.example/2"],
            "source_caution": ["the page says <i>AI</i> wrote part of it", ""],
        }
    )
    assert present.citations(cited) == [
        "Site A, undated: “Title A” (caution: the page says <i>AI</i> wrote part of it)",
        "Site B, 2025-01-02: “Title B”",
    ]
    html = present.facts_html(cited)  # the popup's and the details' table of figures
    assert "“Title A” (caution: the page says &lt;i&gt;AI&lt;/i&gt; wrote part of it) <a href" in html
    assert "<i>" not in html
    assert "(caution: the page says <i>AI</i> wrote part of it)" in present.cite_line(cited.iloc[0].to_dict())
    assert "caution" not in present.cite_line(cited.iloc[1].to_dict())
