"""Markdown of the legal pages to safe HTML: markdown-it, then an nh3 allow-list.

The pages are written by coordinators, who are trusted, but the text still passes an allow-list so
that a pasted script or style never reaches a reader (nor breaks the Content-Security-Policy).
Headings start at h2 below the page's own h1.
"""

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False}).enable(["table"])

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "li", "ol", "p", "strong",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}


def _demote_headings(tokens):
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(max(int(token.tag[1]), 2), 4)}"
    return tokens


def render(text: str) -> str:
    env: dict = {}
    tokens = _demote_headings(_parser.parse(text or "", env))
    html = _parser.renderer.render(tokens, _parser.options, env)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
    )
