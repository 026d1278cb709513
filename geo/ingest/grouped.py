"""One member of a group named by its place ("the Horgos comprehensive bonded zone") when the data lacks it."""

from __future__ import annotations

import re

from geo.ingest.entities import Entity

# A bonded zone in the singular after a place's name: one zone, not the group of the region's zones. The data holds
# some of the group's members, so a zone at a place with no member of its own is a place the data lacks, not the
# group (its figures would otherwise be summed into all four zones').
_ONE_MEMBER = re.compile(
    r"(?:The\s+)?((?:[A-Z][\w'-]*\s+){1,3})(?i:(?:comprehensive\s+|integrated\s+)?bonded\s+(?:zone|area)\b)(?!s)"
)


def lacking_member(text: str, mentions: list[tuple[int, str]], groups: list[str], by_id: dict[str, Entity]) -> str:
    """The name ("Horgos comprehensive bonded zone") of the one member of a group ``text`` names by a place that
    has no member of that group in the data, else ""."""
    for found in _ONE_MEMBER.finditer(text):
        named = [e for at, e in mentions if found.start(1) <= at < found.end(1) and e in by_id]
        members = [e for e in named if by_id[e].parent in groups or e in groups]
        if named and not members and not any(by_id[e].region for e in named):
            return " ".join(text[found.start(1) : found.end()].split())
    return ""
