"""Template helpers of the public catalogue pages."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import translate_url
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from kuntajako.pagination import paginate
from solutions.markdown import render_markdown
from solutions.models import Solution
from solutions.search import get_backend

register = template.Library()


@register.filter
def markdown(text):
    """Publisher-written Markdown as sanitised HTML (see solutions.markdown)."""
    return mark_safe(render_markdown(text))  # noqa: S308 -- nh3 has cleaned it


@register.filter
def highlight(text, query):
    """Text escaped, with the words of the search query marked."""
    if not query:
        return escape(text)
    return get_backend().highlight(text, query)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every interface language, query string kept."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"].capitalize(),
                "url": translate_url(path, code),
                "current": code == context.get("LANGUAGE_CODE"),
            }
        )
    return links


@register.simple_tag(takes_context=True)
def without_filter(context, name, value=None):
    """The current list URL with one facet value (or the whole facet) removed, back on page 1."""
    params: QueryDict = context["request"].GET.copy()
    params.pop("page", None)
    if value is None:
        params.pop(name, None)
    else:
        remaining = [item for item in params.getlist(name) if item != value]
        params.setlist(name, remaining)
    query = params.urlencode()
    return f"?{query}" if query else "?"


@register.simple_tag(takes_context=True)
def only_search(context):
    """The current list URL with every filter removed, the search words kept."""
    query = (context["request"].GET.get("q") or "").strip()
    if not query:
        return "?"
    params = QueryDict(mutable=True)
    params["q"] = query
    return f"?{params.urlencode()}"


# Content types as people know them; anything else shows its subtype ("application/x-foo" → "X-FOO").
FILE_TYPES = {
    "application/pdf": "PDF",
    "application/bpmn+xml": "BPMN",
    "application/xml": "XML",
    "text/xml": "XML",
    "application/json": "JSON",
    "application/zip": "ZIP",
    "text/csv": "CSV",
    "text/plain": "TXT",
    "text/markdown": "Markdown",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/svg+xml": "SVG",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint (PPTX)",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
}


@register.filter
def file_type(attachment):
    """A short name for an attachment's format: BPMN, PDF, Word (DOCX)…"""
    if attachment.file and str(attachment.file.name).lower().endswith(".bpmn"):
        return "BPMN"
    content_type = (attachment.content_type or "").split(";")[0].strip().lower()
    if content_type in FILE_TYPES:
        return FILE_TYPES[content_type]
    return content_type.rpartition("/")[2].upper() or "?"


PARTNER_SOLUTIONS_SHOWN = 20


def _newest_published():
    return Solution.objects.published().for_listing().order_by("-published_at", "-pk")


@register.simple_tag(takes_context=True)
def organisation_solutions(context, organisation):
    """The catalogue's part of an organisation page: a page of what it publishes (by `?page=`) and
    the solutions it built with others."""
    return {
        "page": paginate(context["request"], _newest_published().filter(organisation=organisation)),
        "partner_solutions": _newest_published().filter(partners=organisation)[:PARTNER_SOLUTIONS_SHOWN],
    }


@register.simple_tag(takes_context=True)
def region_solutions(context, region):
    """A page of the solutions published by the organisations of a region."""
    return paginate(context["request"], _newest_published().filter(organisation__region=region))


@lru_cache(maxsize=4096)
def _slug(value: str) -> str:
    from django.utils.text import slugify

    return slugify(value)


@register.simple_tag
def facet_options(facet, options, offset=0):
    """The checkboxes of a facet's options (`<li>` items), numbered from ``offset`` for unique ids.

    Built in Python, with plain string formatting, because a facet can offer hundreds of options
    (organisations, tags): a template include per option, and later format_html and intcomma per
    option, were the slowest parts of the list page.
    """
    from html import escape as escape_text

    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.utils.safestring import SafeData

    # The standard library's escaping, as Django's `escape` does it, without its check for lazy
    # arguments on each of the thousands of calls: every value here is a plain string.
    name = escape_text(facet.name)
    child = ' class="facet-child"'
    items = []
    for index, option in enumerate(options, start=offset):
        value = str(option.value)
        element_id = f"facet-{name}-{index}-{_slug(value)}"
        count = option.count
        # Below a thousand a count needs no grouping separator in any language.
        shown = str(count) if 0 <= count < 1000 else intcomma(count)
        label = option.label if isinstance(option.label, SafeData) else escape_text(str(option.label))
        items.append(
            f'<li{child if option.depth else ""}><input type="checkbox" name="{name}"'
            f' value="{escape_text(value)}" id="{element_id}"{" checked" if option.selected else ""}>\n'
            f'  <label for="{element_id}">{label}'
            f' <span class="count">({escape_text(shown)})</span></label></li>'
        )
    # Every piece of text above was escaped; the markup is this function's own.
    return mark_safe("".join(items))  # noqa: S308
