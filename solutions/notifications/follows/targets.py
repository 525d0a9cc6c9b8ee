"""The things a person can follow, as they appear in addresses: a kind and a key.

solution/<slug>, organisation/<slug>, tag/<slug>, service-class/<code>, help-request/<id>,
initiative/<slug>
"""

from django.http import Http404
from django.urls import reverse
from taggit.models import Tag

from municipalities.models import Organisation
from solutions.community.models import HelpRequest, PostState
from solutions.initiatives.models import Initiative
from solutions.models import ServiceClass, Solution
from solutions.models.solution import PUBLIC_STATES
from solutions.notifications.models.follow import field_for

KINDS = {
    "solution": ("solution", "slug"),
    "organisation": ("organisation", "slug"),
    "tag": ("tag", "slug"),
    "service-class": ("service_class", "code"),
    "help-request": ("help_request", "pk"),
    "initiative": ("initiative", "slug"),
}
KIND_OF_FIELD = {field: kind for kind, (field, _key) in KINDS.items()}


def address_of(target) -> tuple[str, str]:
    """(kind, key) of a followable object."""
    field = field_for(target)
    kind = KIND_OF_FIELD[field]
    return kind, str(getattr(target, KINDS[kind][1]))


def resolve(user, kind: str, key: str):
    """The object behind an address, if `user` may see it; 404 otherwise."""
    if kind not in KINDS:
        raise Http404
    lookup = KINDS[kind][1]
    if kind == "help-request" and not key.isdigit():
        raise Http404
    queryset = {
        "solution": lambda: Solution.objects.filter(moderation_state__in=PUBLIC_STATES),
        "organisation": lambda: Organisation.objects.all(),
        "tag": lambda: Tag.objects.all(),
        "service-class": lambda: ServiceClass.objects.all(),
        "help-request": lambda: HelpRequest.objects.shown_to(user).exclude(state=PostState.HIDDEN),
        "initiative": lambda: Initiative.objects.all(),
    }[kind]()
    target = queryset.filter(**{lookup: key}).first()
    if target is None:
        raise Http404
    return target


def target_url(target) -> str:
    if isinstance(target, Tag):
        return reverse("solutions:solution_list") + f"?tag={target.slug}"
    return target.get_absolute_url()
