"""Opening calls for experiments (coordinators only)."""

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from municipalities.models import MembershipRole
from solutions.experiments.models import Call
from solutions.services.publishing import InvalidTransition


def unique_slug(model, title: str) -> str:
    base = slugify(title)[:200] or model._meta.model_name
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def open_call(user, data: dict) -> Call:
    """A new call, open for experiments until `data["deadline"]`."""
    permissions.require(user, "open_call")
    organisation_id = next(
        (org for org, role in permissions.roles(user).items() if role == MembershipRole.COORDINATOR), None
    )
    for _attempt in range(3):
        try:
            with transaction.atomic():
                call = Call.objects.create(
                    title=data["title"],
                    slug=unique_slug(Call, data["title"]),
                    theme=data["theme"],
                    deadline=data["deadline"],
                    support_offered=data["support_offered"],
                    organisation_id=organisation_id,
                    opened_by=user,
                )
                call.service_classes.set(data.get("service_classes", []))
                call.life_events.set(data.get("life_events", []))
                bus.record("call.opened", target=call, actor=user)
            return call
        except IntegrityError:
            continue  # someone took the slug at the same moment: pick the next free one
    raise InvalidTransition(_("The call could not be saved. Please try again."))
