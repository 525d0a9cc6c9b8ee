"""Follow buttons: `{% follow_button target %}` and the topic of a filtered solution list."""

from django import template
from taggit.models import Tag

from municipalities.permissions import may
from solutions.models import ServiceClass
from solutions.notifications.follows.targets import address_of
from solutions.notifications.models import Subscription

register = template.Library()


@register.inclusion_tag("solutions/follows/_button.html", takes_context=True)
def follow_button(context, target):
    request = context.get("request")
    user = getattr(request, "user", None)
    data = {"request": request, "target": target, "visible": target is not None}
    if target is None:
        return data
    data["kind"], data["key"] = address_of(target)
    data["verified"] = may(user, "follow")
    data["anonymous"] = not (user and user.is_authenticated)
    data["following"] = bool(
        data["verified"] and Subscription.objects.filter(user=user).for_target(target).exists()
    )
    data["csrf_token"] = context.get("csrf_token")
    return data


@register.simple_tag
def filtered_topic(active_filters):
    """The tag or service class a list is filtered by, when it is filtered by exactly one of them."""
    topics = [active for active in active_filters or [] if active["name"] in ("tag", "service_class")]
    if len(topics) != 1:
        return None
    topic = topics[0]
    if topic["name"] == "tag":
        return Tag.objects.filter(slug=topic["value"]).first()
    return ServiceClass.objects.filter(code=topic["value"]).first()
