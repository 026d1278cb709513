"""Who speaks is not where: organisations named after a place ("Urumqi Customs") and news venues, blanked."""

from __future__ import annotations

import re

# Organisations named after a place are not that place: "Urumqi Customs said", "China Railway Urumqi Group".
_ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w.&'-]*\s+){1,6}?(?:[Cc]ustoms|Group(?:\s+Co\.?)?(?:,?\s+Ltd\.?)?|Co\.,?\s+Ltd\.?|Company|Administration"
    r"|Bureau|Commission|Office|Authority|Congress|University|Airlines?|Daily)\b"
    # "the customs authorities of Urumqi, the regional capital": who said it, not where the figure is
    # "the Urumqi division of the China Railway Corporation", "the Kashi branch of Xinjiang Airport Group"
    r"|\b(?:[A-Z][\w'-]*\s+){1,3}(?:division|branch|bureau)\s+of\s+(?:the\s+)?(?:[A-Z][\w.&'-]*\s*){1,6}"
)
# "statistics from the Horgos entry-exit border checkpoint show": the checkpoint counts, it is not the place
_CHECKPOINT = re.compile(
    r"\b(?:[A-Z][\w.&'-]*\s+){1,6}?Inspection(?:\s+General)?\s+Station\b"
    r"|\b(?:[A-Z][\w'-]*\s+){1,3}(?:[Ee]ntry-[Ee]xit|[Ee]xit-[Ee]ntry)\s+(?:[Bb]order\s+|[Ff]rontier\s+)?"
    r"(?:[Cc]heckpoint|[Ii]nspection\s+[Ss]tation|[Ss]tation)\b"
)
_BODY_OF = re.compile(
    # "The Customs of Urumqi, the regional capital, said", "the foreign affairs office of Kashgar prefecture": a body
    # of a place that reports a figure is its source, whatever the case of the body's noun
    # "the customs statistics of the city of Urumqi": the region's customs counts, the city is not the place
    r"\b(?i:customs(?:\s+(?:authorities|statistics|data|figures))?|authorities|government|officials?|office|bureau"
    r"|department|administration|commission|committee)\s+(?:of|in)\s+(?i:the\s+(?:city|prefecture)\s+of\s+)?"
    r"(?:[A-Z][\w'-]*\s*){1,3}"
    r"(?i:(?:prefecture|city|county|region)\b)?(?:,\s+the\s+(?:regional|prefectural)\s+capital\b)?"
)
# a capitalised name just before the body's noun ("Urumqi Customs"): the office's own name, not "The"
_NAMED_BEFORE = re.compile(r"(?<![\w'-])(?!The\s)[A-Z][\w'-]*\s+$")
_VENUE = re.compile(
    r"\b(?:(?:news|press) conference|conference|briefing|meeting|forum|ceremony|summit|expo|fair)\s+(?:held\s+)?in\s+"
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?"
    # "the 4th China-Eurasia Expo, which closed on Saturday in Urumqi": where the fair met is no place of its figures
    r"|(?<=\b(?:Expo|Fair),\s)(?:which|that)\s+(?:[\w-]+\s+){1,5}?in\s+[A-Z][\w'-]*"
)


def without_organisations(sentence: str, checkpoints: bool = True) -> str:
    """The sentence with organisations named after places ("Urumqi Customs") and news venues blanked.

    With ``checkpoints`` False a border checkpoint keeps its place's name: where it is the only place named
    ("the Baketu border inspection station checked 13,400 vehicles"), its count is that port's.
    """
    blank = _CHECKPOINT.sub(lambda m: " " * len(m.group(0)), sentence) if checkpoints else sentence
    # before "The Customs" alone takes the words; "the Urumqi Customs of China's Xinjiang" is the named body's
    blank = _BODY_OF.sub(
        lambda m: m.group(0) if _NAMED_BEFORE.search(blank[: m.start()]) else " " * len(m.group(0)), blank
    )
    blank = _ORGANISATION.sub(lambda m: " " * len(m.group(0)), blank)
    return _VENUE.sub(lambda m: " " * len(m.group(0)), blank)
