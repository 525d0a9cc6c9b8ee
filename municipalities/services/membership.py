"""How people join, leave and change roles in organisations: one guarded function per transition.

    (none) --request, address on the organisation's e-mail domain--> active (member)
    (none) --request--> pending --accept--> active (member)
                                `--decline--> declined --request again--> pending
    active --change_role--> active (member, editor, admin)
    active or pending --remove (by an admin) / leave (by the person)--> (none)

Each function asks `municipalities.permissions` whether the actor may act, locks the membership
rows it reads with `select_for_update` inside one transaction, checks the current state, saves only
the fields it changed, and records an event (kuntajako.events): after the commit the handlers in
municipalities.handlers mail the person affected, or the deciders, in their own language. When
two admins decide the same request at once, the second one gets a `MembershipError` naming who
decided first, never a second decision.

An organisation always keeps at least one admin: the last admin (in the coordinating organisation,
the last coordinator) can be neither removed nor demoted, not even by a coordinator, and cannot
leave. Someone else has to be made admin first.

Only an exact domain match grants membership at once: `someone@hel.fi` for the domain `hel.fi`, but
not `someone@edu.hel.fi`, because a subdomain may belong to another body (a school, a company); those
people ask and an admin decides.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kuntajako.events import bus
from kuntajako.mail import mailable_users
from municipalities import permissions
from municipalities.models import (
    EmailDomain,
    Membership,
    MembershipRole,
    MembershipState,
    OrganisationKind,
    User,
)

MESSAGE_MAX_LENGTH = 2000


class MembershipError(Exception):
    """A transition that is not possible in the current state; the message is shown to the user."""


def admin_roles(organisation) -> tuple[str, ...]:
    """The roles that manage an organisation's members: admin, and coordinator where it counts."""
    if organisation.kind == OrganisationKind.COORDINATOR:
        return (MembershipRole.ADMIN, MembershipRole.COORDINATOR)
    return (MembershipRole.ADMIN,)


def assignable_roles(actor, organisation) -> list[tuple[str, str]]:
    """The roles an admin may give in this organisation, as (value, label) choices."""
    roles = [MembershipRole.MEMBER, MembershipRole.EDITOR, MembershipRole.ADMIN]
    if organisation.kind == OrganisationKind.COORDINATOR and permissions.is_coordinator(actor):
        roles.append(MembershipRole.COORDINATOR)
    return [(role.value, role.label) for role in roles]


def domain_matches(user, organisation) -> bool:
    """Whether the user's address is on one of the organisation's domains (exact match only)."""
    domain = user.email.rsplit("@", 1)[-1].strip().lower()
    return bool(domain) and EmailDomain.objects.filter(organisation=organisation, domain=domain).exists()


# Transitions


def request_membership(user, organisation, message: str = "") -> Membership:
    """Ask to join; granted at once when the user's confirmed address is on the organisation's domain."""
    permissions.require(user, "request_membership", organisation)
    now = timezone.now()
    granted = permissions.is_verified(user) and domain_matches(user, organisation)
    state = MembershipState.ACTIVE if granted else MembershipState.PENDING
    values = {
        "role": MembershipRole.MEMBER,
        "state": state,
        "request_message": message.strip()[:MESSAGE_MAX_LENGTH],
        "decision_message": "",
        "decided_at": now if granted else None,
        "decided_by": None,
    }
    try:
        with transaction.atomic():
            membership = (
                Membership.objects.select_for_update().filter(user=user, organisation=organisation).first()
            )
            if membership is None:
                membership = Membership.objects.create(user=user, organisation=organisation, **values)
            elif membership.state == MembershipState.DECLINED:
                for field, value in values.items():
                    setattr(membership, field, value)
                # A new request starts a new wait: the date shown to admins is the date of this one.
                membership.created_at = now
                membership.save(update_fields=[*values, "created_at"])
            else:
                raise MembershipError(already_member_message(membership))
            if membership.state == MembershipState.PENDING:
                bus.record("membership.requested", target=membership, actor=user)
    except IntegrityError:
        # The same person asked twice at once; the other request won.
        raise MembershipError(
            _("You have already asked to join %(organisation)s.") % _names(organisation)
        ) from None
    permissions.forget_roles(user)
    return membership


def accept(actor, membership: Membership, message: str = "") -> Membership:
    """Accept a pending request as member; the requester gets a mail with the optional message."""
    return _decide(actor, membership, MembershipState.ACTIVE, message, "membership_accepted")


def decline(actor, membership: Membership, message: str = "") -> Membership:
    """Decline a pending request; the requester gets a mail with the optional message."""
    return _decide(actor, membership, MembershipState.DECLINED, message, "membership_declined")


def change_role(actor, membership: Membership, role: str, expected_role: str | None = None) -> Membership:
    """Give an active member another role.

    `expected_role` is the role the actor saw; if someone changed it meanwhile, nothing is changed
    and the actor is told who did, rather than one admin's choice silently overwriting another's.
    """
    organisation = membership.organisation
    permissions.require(actor, "manage_members", organisation)
    if role not in dict(assignable_roles(actor, organisation)):
        raise MembershipError(_("That role cannot be given in %(organisation)s.") % _names(organisation))
    with transaction.atomic():
        locked, admins = _lock_with_admins(membership)
        _require_again(actor, organisation)
        if locked.state != MembershipState.ACTIVE:
            raise MembershipError(_not_active_message(locked))
        if expected_role and locked.role != expected_role:
            raise MembershipError(_role_changed_message(locked))
        if locked.role == role:
            return locked
        if locked.role in admin_roles(organisation) and role not in admin_roles(organisation):
            _keep_an_admin(locked, admins)
        locked.role = role
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.save(update_fields=["role", "decided_at", "decided_by"])
        # The actor may have changed their own role.
        permissions.forget_roles(locked.user)
        permissions.forget_roles(actor)
        bus.record("membership.role_changed", target=locked, actor=actor)
    return locked


def remove(actor, membership: Membership) -> None:
    """Remove a member from the organisation (the last admin cannot be removed)."""
    organisation = membership.organisation
    permissions.require(actor, "manage_members", organisation)
    with transaction.atomic():
        locked, admins = _lock_with_admins(membership)
        _require_again(actor, organisation)
        if locked.state != MembershipState.ACTIVE:
            raise MembershipError(_not_active_message(locked))
        if locked.role in admin_roles(organisation):
            _keep_an_admin(locked, admins)
        user = locked.user
        locked.delete()
        permissions.forget_roles(user)
        permissions.forget_roles(actor)
        if user != actor:
            bus.record("membership.removed", target=organisation, actor=actor, user=user.pk)


def leave(user, membership: Membership) -> None:
    """Leave an organisation, or withdraw a pending request (the last admin cannot leave)."""
    if not (user.is_authenticated and membership.user_id == user.pk):
        # Only the person themselves leaves; admins use `remove`.
        raise PermissionDenied
    organisation = membership.organisation
    with transaction.atomic():
        locked, admins = _lock_with_admins(membership)
        if locked.state == MembershipState.DECLINED:
            raise MembershipError(_("You are not a member of %(organisation)s.") % _names(organisation))
        if locked.state == MembershipState.ACTIVE and locked.role in admin_roles(organisation):
            _keep_an_admin(locked, admins)
        locked.delete()
    permissions.forget_roles(user)


# Helpers


def _decide(actor, membership, state, message, mail_name) -> Membership:
    organisation = membership.organisation
    permissions.require(actor, "manage_members", organisation)
    with transaction.atomic():
        locked = _lock(membership)
        _require_again(actor, organisation)
        if locked.state != MembershipState.PENDING:
            raise MembershipError(_already_decided_message(locked))
        locked.state = state
        locked.decided_at = timezone.now()
        locked.decided_by = actor
        locked.decision_message = message.strip()[:MESSAGE_MAX_LENGTH]
        locked.save(update_fields=["state", "decided_at", "decided_by", "decision_message"])
        permissions.forget_roles(locked.user)
        bus.record("membership.decided", target=locked, actor=actor, mail=mail_name)
    return locked


def _require_again(actor, organisation) -> None:
    """Ask again once the rows are locked: another admin may have demoted the actor meanwhile."""
    permissions.forget_roles(actor)
    permissions.require(actor, "manage_members", organisation)


def _lock(membership) -> Membership:
    try:
        return Membership.objects.select_for_update(of=("self",)).select_related("user").get(pk=membership.pk)
    except Membership.DoesNotExist:
        raise MembershipError(
            _("This request or membership no longer exists: it was withdrawn or removed meanwhile.")
        ) from None


def _lock_with_admins(membership) -> tuple[Membership, list[Membership]]:
    """Lock the membership and every active admin of its organisation, in one order for everyone.

    Locking the admins too means two admins demoting each other at the same moment cannot leave
    the organisation without one: the second waits, then sees that only one admin is left.
    """
    organisation = membership.organisation
    rows = list(
        Membership.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(
            Q(pk=membership.pk)
            | Q(organisation=organisation, state=MembershipState.ACTIVE, role__in=admin_roles(organisation))
        )
        .order_by("pk")
    )
    locked = next((row for row in rows if row.pk == membership.pk), None)
    if locked is None:
        raise MembershipError(
            _("This request or membership no longer exists: it was withdrawn or removed meanwhile.")
        )
    admins = [
        row for row in rows if row.state == MembershipState.ACTIVE and row.role in admin_roles(organisation)
    ]
    return locked, admins


def _keep_an_admin(locked, admins) -> None:
    if [admin.pk for admin in admins] == [locked.pk]:
        raise MembershipError(
            _(
                "%(name)s is the last admin of %(organisation)s. Make someone else an admin first, "
                "so that someone can still accept new members."
            )
            % {"name": locked.user.public_name, **_names(locked.organisation)}
        )


def _decider(membership):
    """Who last decided on the membership; None when it was the e-mail domain check (or is gone)."""
    if membership.decided_by_id is None:
        return None
    return User.objects.filter(pk=membership.decided_by_id).first()


# Each case is a whole sentence: a name slotted into a sentence does not translate well.


def _role_changed_message(membership) -> str:
    names = {"name": membership.user.public_name}
    decider = _decider(membership)
    if decider is None:
        return _("%(name)s's role was changed meanwhile. Check it and try again.") % names
    return _("%(name)s's role was changed meanwhile by %(by)s. Check it and try again.") % {
        **names,
        "by": decider.public_name,
    }


def _already_decided_message(membership) -> str:
    names = {"name": membership.user.public_name}
    decider = _decider(membership)
    accepted = membership.state == MembershipState.ACTIVE
    if decider is None:
        if accepted:
            return _("%(name)s's request was already accepted.") % names
        return _("%(name)s's request was already declined.") % names
    names["by"] = decider.public_name
    if accepted:
        return _("%(name)s's request was already accepted by %(by)s.") % names
    return _("%(name)s's request was already declined by %(by)s.") % names


def _not_active_message(membership) -> str:
    if membership.state == MembershipState.PENDING:
        return _("%(name)s's request is still waiting; accept it first.") % {
            "name": membership.user.public_name
        }
    return _("%(name)s is not a member of %(organisation)s.") % {
        "name": membership.user.public_name,
        **_names(membership.organisation),
    }


def already_member_message(membership) -> str:
    if membership.state == MembershipState.PENDING:
        return _("You have already asked to join %(organisation)s.") % _names(membership.organisation)
    return _("You are already a member of %(organisation)s.") % _names(membership.organisation)


def _names(organisation) -> dict[str, str]:
    return {"organisation": organisation.name}


def deciders(organisation) -> list[User]:
    """Who hears of a waiting request: the organisation's admins, or the coordinators if it has none."""
    people = mailable_users().filter(
        email_confirmed_at__isnull=False,
        memberships__organisation=organisation,
        memberships__state=MembershipState.ACTIVE,
        memberships__role__in=admin_roles(organisation),
    )
    if not people.exists():
        people = mailable_users().filter(
            email_confirmed_at__isnull=False,
            memberships__organisation__kind=OrganisationKind.COORDINATOR,
            memberships__state=MembershipState.ACTIVE,
            memberships__role=MembershipRole.COORDINATOR,
        )
    return list(people.distinct().order_by("pk"))


def pending_requests(organisation):
    return organisation.memberships.filter(state=MembershipState.PENDING).select_related("user")


def active_members(organisation):
    return organisation.memberships.filter(state=MembershipState.ACTIVE).select_related("user")
