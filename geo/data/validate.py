"""Check layers and tables against the project's rules; gather every problem, raise once (the public entry)."""

from __future__ import annotations

from geo.data.problems import raise_if_problems
from geo.data.validate_layers import cross_layer_problems, layer_problems, positions_problem
from geo.data.validate_model import FACT_TABLES, article_problems, entity_problems, event_problems, model_problems
from geo.data.validate_tables import (
    facts_problems,
    foreign_key_problems,
    sources_problems,
    table_problems,
    tables_problems,
)

# In the order the data is checked: each table on its own and the ids it cites, the model's rules across
# tables, then the layers built from them and what they cite; articles only by `python -m geo validate`.
__all__ = [
    "FACT_TABLES",
    "article_problems",
    "cross_layer_problems",
    "entity_problems",
    "event_problems",
    "facts_problems",
    "foreign_key_problems",
    "layer_problems",
    "model_problems",
    "positions_problem",
    "raise_if_problems",
    "sources_problems",
    "table_problems",
    "tables_problems",
]
