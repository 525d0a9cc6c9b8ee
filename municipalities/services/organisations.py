"""Changing an organisation's facts and e-mail domains (coordinators only)."""

from django.db import transaction

from kuntajako.events import bus
from municipalities import permissions


def save_facts(actor, organisation, form, domains) -> None:
    """Save the validated facts form and e-mail domain formset of `organisation` together."""
    permissions.require(actor, "edit_organisation", organisation)
    with transaction.atomic():
        form.save()
        domains.save()
        bus.record("organisation.edited", target=organisation, actor=actor)
