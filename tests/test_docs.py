"""The docs keep their promises: the two commands, a short front door, every layer and table described, live links."""

from __future__ import annotations

import json
import re

import pytest

import bench.__main__ as bench
from geo import settings

ROOT = settings.PROJECT_DIR
README = (ROOT / "README.md").read_text(encoding="utf-8")
DATA_README = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
README_MAX_BYTES = 8 * 1024


@pytest.mark.parametrize("name", [layer.filename for layer in settings.LAYERS] + ["sources.csv", "facts.csv"])
def test_every_layer_and_table_is_described(name):
    assert f"**`{name}`**" in DATA_README


@pytest.mark.parametrize("layer", settings.LAYERS, ids=lambda layer: layer.name)
def test_every_required_field_is_named(layer):
    section = DATA_README.split(f"**`{layer.filename}`**")[1].split("**`")[0]
    missing = [f for f in layer.required if f not in ("id", "sources") and f"`{f}`" not in section]
    assert missing == []


def test_readme_names_the_two_commands_and_ci_runs_the_test_one():
    commands = re.findall(r"^\| install and run the (app|tests) \| `([^`]+)` \|$", README, flags=re.M)
    assert dict(commands) == {"app": "make run", "tests": "make test"}
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_is_a_short_front_door_with_the_tree():
    assert len(README.encode("utf-8")) <= README_MAX_BYTES
    tree = README.split("```")[1]
    for folder in ("data/", "geo/", "web/", "static/xj/", "tests/", "bench/"):
        assert folder in tree
    for package in (ROOT / "geo").iterdir():
        if package.is_dir() and (package / "__init__.py").is_file():
            assert f"{package.name}/" in tree, package.name


@pytest.mark.parametrize(
    "doc",
    [
        "README.md",
        "data/README.md",
        "bench/README.md",
        *["docs/" + p.name for p in sorted((ROOT / "docs").glob("*.md"))],
    ],
)
def test_every_relative_link_leads_to_a_file(doc):
    path = ROOT / doc
    text = path.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)#\s]+)\)", text) + re.findall(r'<img src="([^"]+)"', text)
    for target in targets:
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (path.parent / target).exists(), f"{doc}: {target}"


def test_the_benchmark_table_is_the_one_results_json_makes():
    results = json.loads(bench.RESULTS.read_text(encoding="utf-8"))["results"]
    text = bench.README.read_text(encoding="utf-8")
    assert bench.with_table(text, results) == text
    assert bench.markdown_table(results) in text
