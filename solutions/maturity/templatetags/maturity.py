"""The maturity app's links on an organisation page, so the organisation page need not know the app.
They cost no query: the organisation page's query count stays pinned."""

from django import template

register = template.Library()


@register.inclusion_tag("maturity/_organisation_links.html")
def maturity_links(organisation):
    return {"organisation": organisation}
