"""Template tags giving the reuse sections of the solution and organisation pages their data.

The shared page templates only include a reuse template; that template asks for its own data here,
so the pages' views need not know about reuse.
"""

from django import template

from solutions.community.reuse.panels import organisation_panel, solution_panel

register = template.Library()


@register.simple_tag(takes_context=True)
def reuse_of_solution(context, solution):
    # The solution page asks twice (the summary at the top and the full section below): the panel is
    # worked out once per page.
    panel = getattr(solution, "_reuse_panel", None)
    if panel is None:
        panel = solution._reuse_panel = solution_panel(solution, context["request"].user)
    return panel


@register.simple_tag
def reuse_of_organisation(organisation):
    return organisation_panel(organisation)
