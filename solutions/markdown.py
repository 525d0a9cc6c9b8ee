"""Markdown written by publishers, rendered to HTML that is safe to show to anyone.

Publishers may mix a little HTML into the Markdown; everything then passes through an nh3 allow-list,
so a script, an event handler attribute or a javascript: address never reaches a reader, whatever the
parser let through. Headings
start at h3 so that a description never competes with the page's own h1 and h2.
"""

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p",
    "pre", "s", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
# Column alignment of Markdown tables, as classes: the Content-Security-Policy allows no inline style.
ALIGNMENT_CLASSES = {"align-left", "align-center", "align-right"}
ALLOWED_CLASSES = {"th": ALIGNMENT_CLASSES, "td": ALIGNMENT_CLASSES}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
FIRST_LEVEL = 3


def _shift_headings(tokens):
    # The description sits under an h2 of the page: its top heading becomes h3 whatever level the
    # publisher chose, and no level is skipped, so the page outline stays valid for screen readers.
    levels = [int(token.tag[1]) for token in tokens if token.type == "heading_open"]
    if not levels:
        return tokens
    top = min(levels)
    previous = FIRST_LEVEL - 1
    opened = []
    for token in tokens:
        if token.type == "heading_open":
            level = min(int(token.tag[1]) - top + FIRST_LEVEL, previous + 1, 6)
            token.tag = f"h{level}"
            previous = level
            opened.append(level)
        elif token.type == "heading_close":
            token.tag = f"h{opened.pop()}"
    return tokens


def _alignment_as_class(tokens):
    for token in tokens:
        if token.type in ("th_open", "td_open"):
            style = token.attrs.pop("style", None)
            if style and style.startswith("text-align:"):
                token.attrSet("class", f"align-{style.split(':', 1)[1].strip()}")
    return tokens


def render_markdown(text: str) -> str:
    """HTML for `text`; the caller may mark it safe."""
    if not text:
        return ""
    env: dict = {}
    tokens = _alignment_as_class(_shift_headings(_parser.parse(text, env)))
    html = _parser.renderer.render(tokens, _parser.options, env)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        clean_content_tags={"script", "style"},
        link_rel="nofollow noopener noreferrer",
        allowed_classes=ALLOWED_CLASSES,
    )
