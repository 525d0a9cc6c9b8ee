from django import template

from municipalities import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, action, obj=None):
    """`{% may "manage_members" organisation as allowed %}`: the same rule the view enforces."""
    return permissions.may(context["request"].user, action, obj)
