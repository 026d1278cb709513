"""Text on the page through one escaping path: markupsafe templates rendered by st.html, never Markdown."""

from __future__ import annotations

import streamlit as st
from markupsafe import Markup

from geo.render import mapping, present

# An error box lists this many problems, then "and K more" (python -m geo validate prints them all).
ERROR_MAX_SHOWN = 20


# Text from a link, a file or the data is shown through these templates: markupsafe escapes every
# argument, and st.html renders HTML (sanitised), never Markdown, so nothing in the text becomes a link,
# an image or markup; a URL stays text.
TEMPLATES: dict[str, Markup] = {
    "caption": Markup('<p class="xj-text xj-caption">{}</p>'),
    "info": Markup('<div class="xj-text xj-box xj-info" role="status">{}</div>'),
    "warning": Markup('<div class="xj-text xj-box xj-warning" role="status">{}</div>'),
    "error": Markup('<div class="xj-text xj-box xj-error" role="alert">{}</div>'),
    "title": Markup('<h3 class="xj-text xj-title">{}</h3>'),
    "heard": Markup('<span hidden data-xj-heard="{}"></span>'),  # not for people: see web/page.py
}


def show(text: object, kind: str = "caption", where=None) -> None:
    """Show text from a link, a file or the data as plain text (see TEMPLATES)."""
    # Chinese in the text is marked lang="zh" (escaped like the rest), so it is read and drawn as Chinese.
    (where or st).html(TEMPLATES[kind].format(present.mark_chinese(text)))


def show_html(html: Markup, kind: str = "caption") -> None:
    """Show HTML that markupsafe templates built, its texts escaped already (words with a link), in a template."""
    st.html(TEMPLATES[kind].format(html))


def page_style() -> None:
    st.html(f"<style>{(mapping.XJ_DIR / 'page.css').read_text(encoding='utf-8')}</style>")
