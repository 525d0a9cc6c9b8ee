"""Joining an initiative: an organisation offers a commitment, and its own admin confirms it.

An editor (or admin) offers the organisation's part — money, people, piloting, requirements — and
the offer waits until one of the organisation's admins confirms it, so nobody commits an
organisation alone. An admin offering their own organisation's part confirms it at once. Offering
again after a withdrawal reopens the same row.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from municipalities.models import MembershipRole
from solutions.initiatives.models import Initiative, Partner, PartnerState
from solutions.initiatives.services.initiatives import InitiativeError

COMMITMENT_FIELDS = ("money", "money_euros", "people", "piloting", "requirements", "commitment")


def join(initiative, organisation, user, commitment: dict) -> Partner:
    """Offer `organisation`'s commitment; confirmed at once when `user` is its admin."""
    candidate = Partner(initiative=initiative, organisation=organisation)
    permissions.require(user, "join_initiative", candidate)
    if not any(commitment.get(name) for name in ("money", "people", "piloting", "requirements")):
        raise InitiativeError(_("Choose at least one thing your organisation commits to."))
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if not locked.is_open:
            raise InitiativeError(_("This initiative no longer takes new partners."))
        partner = (
            Partner.objects.select_for_update().filter(initiative=locked, organisation=organisation).first()
        )
        if partner is not None and partner.state != PartnerState.WITHDRAWN:
            raise InitiativeError(
                _("%(organisation)s is already a partner or waiting for its admin.")
                % {"organisation": organisation.name}
            )
        if partner is None:
            partner = Partner(initiative=locked, organisation=organisation)
        for name in COMMITMENT_FIELDS:
            setattr(partner, name, commitment.get(name) or Partner._meta.get_field(name).get_default())
        partner.requested_by = user
        partner.state = PartnerState.PENDING
        partner.confirmed_by = None
        partner.confirmed_at = None
        admin = permissions.has_role(user, organisation, MembershipRole.ADMIN)
        if admin:
            partner.state = PartnerState.CONFIRMED
            partner.confirmed_by = user
            partner.confirmed_at = timezone.now()
        partner.save()
        bus.record("initiative.partner_offered", target=partner, actor=user)
        if admin:
            bus.record("initiative.partner_confirmed", target=partner, actor=user)
    return partner


def confirm(partner, user) -> Partner:
    """The organisation's admin confirms the commitment offered in its name."""
    permissions.require(user, "confirm_partner", partner)
    with transaction.atomic():
        Initiative.objects.select_for_update().get(pk=partner.initiative_id)
        locked = Partner.objects.select_for_update().select_related("initiative").get(pk=partner.pk)
        if locked.state != PartnerState.PENDING:
            raise InitiativeError(_("This commitment is no longer waiting for confirmation."))
        if not locked.initiative.is_open:
            raise InitiativeError(_("This initiative is no longer open."))
        locked.state = PartnerState.CONFIRMED
        locked.confirmed_by = user
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["state", "confirmed_by", "confirmed_at"])
        bus.record("initiative.partner_confirmed", target=locked, actor=user)
    return locked


def withdraw(partner, user) -> Partner:
    permissions.require(user, "withdraw_partner", partner)
    with transaction.atomic():
        Initiative.objects.select_for_update().get(pk=partner.initiative_id)
        locked = Partner.objects.select_for_update().get(pk=partner.pk)
        if locked.state == PartnerState.WITHDRAWN:
            raise InitiativeError(_("This commitment was already withdrawn."))
        locked.state = PartnerState.WITHDRAWN
        locked.save(update_fields=["state"])
    return locked
