"""Proposing an initiative and moving it through its states.

    gathering partners --agree--> agreed --start--> in development --deliver--> delivered
    gathering / agreed / in development --close (reason required)--> closed

Each transition asks municipalities.permissions, locks the initiative, checks its state and its
version (the number the acting person's page was opened at, so two people acting at once get one
change and one clear message), writes only what changes and records an event that tells the
followers and the partners after the commit. Delivering creates the solution through the
catalogue's own creation service, with every confirmed partner as a co-publisher, and sends it to
the moderation queue like any other new solution.
"""

import secrets

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from solutions.initiatives.models import Initiative, InitiativeStatus, Partner, PartnerState
from solutions.models import LifeEvent, ServiceClass, Solution
from solutions.services import publishing
from solutions.services.publishing import WorkflowError


class InitiativeError(WorkflowError):
    """An action that cannot happen now; the message is shown as it is."""


class StaleInitiative(InitiativeError):
    def default_message(self):
        return _(
            "Someone else changed this initiative while you had the page open. Check its current "
            "state below and act again if it is still needed."
        )


def _unique_slug(title: str, attempt: int) -> str:
    base = slugify(title)[:200] or "initiative"
    if attempt:
        base = f"{base[:190]}-{secrets.token_hex(3)}"
    slug, n = base, 2
    while Initiative.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def propose(organisation, user, data: dict) -> Initiative:
    """A new initiative of `organisation`, gathering partners; the proposer is its first partner.

    `data`: title, problem, licence, budget_class; service_classes and life_events as codes;
    linked_solutions as ids of published solutions.
    """
    permissions.require(user, "propose_initiative", organisation)
    for attempt in range(5):
        try:
            with transaction.atomic():
                initiative = Initiative.objects.create(
                    organisation=organisation,
                    proposed_by=user,
                    slug=_unique_slug(data["title"], attempt),
                    title=data["title"],
                    problem=data["problem"],
                    licence=data.get("licence", ""),
                    budget_class=data.get("budget_class")
                    or Initiative._meta.get_field("budget_class").default,
                    status_changed_at=timezone.now(),
                )
                _set_relations(initiative, data)
                Partner.objects.create(
                    initiative=initiative,
                    organisation=organisation,
                    state=PartnerState.CONFIRMED,
                    requested_by=user,
                    confirmed_by=user,
                    confirmed_at=timezone.now(),
                )
                bus.record("initiative.proposed", target=initiative, actor=user)
            return initiative
        except IntegrityError:
            continue
    raise InitiativeError(_("The initiative could not be saved. Please try again."))


def _set_relations(initiative, data):
    if "service_classes" in data:
        initiative.service_classes.set(ServiceClass.objects.filter(code__in=data["service_classes"]))
    if "life_events" in data:
        initiative.life_events.set(LifeEvent.objects.filter(code__in=data["life_events"]))
    if "linked_solutions" in data:
        initiative.linked_solutions.set(Solution.objects.published().filter(pk__in=data["linked_solutions"]))


def _locked(initiative, expected_version):
    locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleInitiative()
    return locked


def _sync(initiative, locked):
    """The caller's object shows the new state, as the workflow's functions do for solutions."""
    for name in ("status", "status_changed_at", "version", "closed_reason", "solution_id"):
        setattr(initiative, name, getattr(locked, name))
    return initiative


def _move(locked, status, user, fields=(), **data):
    previous = locked.status
    locked.status = status
    locked.status_changed_at = timezone.now()
    locked.version = F("version") + 1
    locked.save(update_fields=["status", "status_changed_at", "version", "updated_at", *fields])
    locked.refresh_from_db(fields=["version"])
    bus.record(
        "initiative.status_changed", target=locked, actor=user, previous=previous, status=status, **data
    )
    return locked


def agree(initiative, user, *, expected_version=None) -> Initiative:
    """The partners have agreed on the work: at least one organisation besides the proposer."""
    permissions.require(user, "manage_initiative", initiative)
    with transaction.atomic():
        locked = _locked(initiative, expected_version)
        if locked.status != InitiativeStatus.GATHERING:
            raise InitiativeError(_("Only an initiative gathering partners can be marked agreed."))
        others = locked.partners.filter(state=PartnerState.CONFIRMED).exclude(
            organisation=locked.organisation_id
        )
        if not others.exists():
            raise InitiativeError(
                _(
                    "At least one other organisation must have confirmed its commitment before the "
                    "initiative is agreed."
                )
            )
        return _sync(initiative, _move(locked, InitiativeStatus.AGREED, user))


def start_development(initiative, user, *, expected_version=None) -> Initiative:
    permissions.require(user, "manage_initiative", initiative)
    with transaction.atomic():
        locked = _locked(initiative, expected_version)
        if locked.status != InitiativeStatus.AGREED:
            raise InitiativeError(_("Only an agreed initiative can go into development."))
        return _sync(initiative, _move(locked, InitiativeStatus.IN_DEVELOPMENT, user))


def close(initiative, user, reason: str, *, expected_version=None) -> Initiative:
    permissions.require(user, "manage_initiative", initiative)
    reason = (reason or "").strip()
    if not reason:
        raise InitiativeError(_("Write the reason for closing: the partners and followers see it."))
    with transaction.atomic():
        locked = _locked(initiative, expected_version)
        if not locked.is_open:
            raise InitiativeError(_("This initiative is no longer open."))
        locked.closed_reason = reason
        # Offers still waiting for an admin lapse with the initiative.
        locked.partners.filter(state=PartnerState.PENDING).update(state=PartnerState.WITHDRAWN)
        return _sync(
            initiative, _move(locked, InitiativeStatus.CLOSED, user, fields=["closed_reason"], reason=reason)
        )


def deliver(initiative, user, data: dict, *, expected_version=None) -> Solution:
    """The work is done: a draft solution of the proposing organisation, with every confirmed
    partner as a co-publisher, sent to the moderation queue; the initiative is delivered.

    `data`: the new solution's kind and summary (and optionally its description); the title,
    licence, service classes, life events and the problem as a description come from the initiative.
    """
    permissions.require(user, "deliver_initiative", initiative)
    with transaction.atomic():
        locked = _locked(initiative, expected_version)
        if locked.status != InitiativeStatus.IN_DEVELOPMENT:
            raise InitiativeError(_("Only an initiative in development can be delivered."))
        partners = sorted(
            locked.partners.filter(state=PartnerState.CONFIRMED)
            .exclude(organisation=locked.organisation_id)
            .values_list("organisation_id", flat=True)
        )
        solution = publishing.create_draft(
            locked.organisation,
            user,
            {
                "title": locked.title,
                "summary": data["summary"],
                "description": data.get("description") or locked.problem,
                "kind": data["kind"],
                "licence": locked.licence,
                "partners": partners,
                "service_classes": list(locked.service_classes.values_list("code", flat=True)),
                "life_events": list(locked.life_events.values_list("code", flat=True)),
            },
        )
        publishing.submit(solution, user)
        locked.solution = solution
        _sync(initiative, _move(locked, InitiativeStatus.DELIVERED, user, fields=["solution"]))
    return solution
