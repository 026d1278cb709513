"""Text handed to a branca ``Element`` is kept as text: it is never compiled as a Jinja template."""

from __future__ import annotations

from typing import Any

from branca.element import Element

# branca wraps every piece of rendered output (each element's script, html and header) in ``Element(text)``,
# which compiles that text as a template and renders it again when the page is assembled. Rendered output
# holds data (names, notes, uploads), so ``{{ ... }}`` in a place name would run on the server. After
# ``install()`` an Element made from a string renders that string as it is; templates written in code
# (the ``_template`` of folium's and our classes) are untouched.

# The one string branca passes as a real template (``Div.html``): its own children loop, kept compiled.
_CHILDREN_LOOP = "{% for name, element in this._children.items() %}{{element.render(**kwargs)}}{% endfor %}"


class _Text:
    """Stands where a compiled template would: renders its text unchanged."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def render(self, *_args: Any, **_kwargs: Any) -> str:
        return self.text


_original_init = Element.__init__
_original_setstate = Element.__setstate__


def _init(self: Element, template: str | None = None, template_name: str | None = None) -> None:
    if template is None or template == _CHILDREN_LOOP:
        _original_init(self, template, template_name)
        return
    _original_init(self, None, template_name)
    self._template_str = template
    self._template = _Text(str(template))


def _setstate(self: Element, state: dict) -> None:
    text = state.get("_template_str")
    if text is None or text == _CHILDREN_LOOP:
        _original_setstate(self, state)
        return
    self.__dict__.update({**state, "_template": _Text(str(text))})


def install() -> None:
    """Make every ``Element(text)`` render its text verbatim (idempotent)."""
    Element.__init__ = _init  # type: ignore[method-assign]
    Element.__setstate__ = _setstate  # type: ignore[method-assign]


def installed() -> bool:
    """Whether ``install()`` is in force."""
    return Element.__init__ is _init
