"""The maturity app's link on an organisation page, so the organisation page need not know the app."""

from django import template

from municipalities.permissions import roles

register = template.Library()


@register.inclusion_tag("maturity/_organisation_links.html", takes_context=True)
def maturity_links(context, organisation):
    user = context["request"].user
    assessments = organisation.maturity_assessments.all()
    if organisation.pk not in roles(user):
        assessments = assessments.published()
    return {
        "organisation": organisation,
        "latest": assessments.order_by("-submitted_at", "-pk").filter(submitted_at__isnull=False).first(),
        "plans": organisation.roadmap_items.count(),
    }
