"""The README keeps its promises: the two commands, and every layer and table described."""

from __future__ import annotations

import re

import pytest

from geo import settings

README = (settings.PROJECT_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [layer.filename for layer in settings.LAYERS] + ["sources.csv", "facts.csv"])
def test_every_layer_and_table_is_described(name):
    assert f"**`{name}`**" in README


@pytest.mark.parametrize("layer", settings.LAYERS, ids=lambda layer: layer.name)
def test_every_required_field_is_named(layer):
    section = README.split(f"**`{layer.filename}`**")[1].split("**`")[0]
    missing = [f for f in layer.required if f not in ("id", "sources") and f"`{f}`" not in section]
    assert missing == []


def test_readme_names_the_two_commands_and_ci_runs_the_test_one():
    commands = re.findall(r"^\| install and run the (app|tests) \| `([^`]+)` \|$", README, flags=re.M)
    assert dict(commands) == {"app": "make run", "tests": "make test"}
    assert "make test" in (settings.PROJECT_DIR / ".ci" / "run").read_text(encoding="utf-8")
