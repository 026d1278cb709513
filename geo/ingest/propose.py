"""The ingest commands' entry points: ``propose`` an article's figures for review, ``accept`` the reviewed rows."""

from geo.ingest.article import ArticleInfo, read_article_info, reference_for
from geo.ingest.candidates import Candidate, propose_candidates
from geo.ingest.review import (
    REVIEW_COLUMNS,
    AcceptResult,
    accept,
    check_facts_tool,
    propose,
    register_source,
    seeds_dir,
    shared_dir,
)
from geo.ingest.text import split_sentences

__all__ = [
    "REVIEW_COLUMNS",
    "AcceptResult",
    "ArticleInfo",
    "Candidate",
    "accept",
    "check_facts_tool",
    "propose",
    "propose_candidates",
    "read_article_info",
    "reference_for",
    "register_source",
    "seeds_dir",
    "shared_dir",
    "split_sentences",
]
