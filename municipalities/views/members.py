"""Membership pages: ask to join, leave, see an organisation's people, and manage its members.

Every view asks `municipalities.permissions`: visitors are sent to the login page, logged-in people
without the right get 403 (the organisation itself is public, so its existence need not be hidden).
The state changes are the functions of `municipalities.services.membership`; views only call them.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from municipalities import permissions
from municipalities.forms import DecisionForm, JoinForm, RoleForm
from municipalities.models import MembershipRole, MembershipState, Organisation
from municipalities.services import membership as workflow
from municipalities.views.public import organisation_page

ROLE_ORDER = Case(
    When(role=MembershipRole.COORDINATOR, then=Value(0)),
    When(role=MembershipRole.ADMIN, then=Value(1)),
    When(role=MembershipRole.EDITOR, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def _organisation(slug):
    return get_object_or_404(Organisation.objects.select_related("region"), slug=slug)


def _denied(request, action, organisation):
    """A response for those who may not do `action` (login page for visitors), or None."""
    if not request.user.is_authenticated:
        # After logging in, a POST cannot be repeated: come back to the organisation page instead.
        target = request.get_full_path() if request.method == "GET" else organisation.get_absolute_url()
        return redirect_to_login(target)
    permissions.require(request.user, action, organisation)
    return None


def _prefix(membership) -> str:
    return f"m{membership.pk}"


@require_POST
def join(request, slug):
    organisation = _organisation(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(organisation.get_absolute_url())
    existing = request.user.memberships.filter(
        organisation=organisation, state__in=[MembershipState.ACTIVE, MembershipState.PENDING]
    ).first()
    if existing is not None:
        # A second click on the same button: say where things stand instead of a 403.
        messages.info(request, workflow.already_member_message(existing))
        return redirect(organisation)
    permissions.require(request.user, "request_membership", organisation)
    form = JoinForm(request.POST)
    if not form.is_valid():
        return organisation_page(request, organisation, join_form=form, status=400)
    try:
        membership = workflow.request_membership(request.user, organisation, form.cleaned_data["message"])
    except workflow.MembershipError as error:
        messages.error(request, str(error))
        return redirect(organisation)
    names = {"organisation": organisation.name}
    if membership.state == MembershipState.ACTIVE:
        messages.success(
            request,
            _("Your address is on the domain of %(organisation)s, so you are now a member.") % names,
        )
    else:
        messages.success(
            request,
            _("Your request was sent. The admins of %(organisation)s will accept or decline it.") % names,
        )
    return redirect(organisation)


@require_POST
def leave(request, slug):
    organisation = _organisation(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(organisation.get_absolute_url())
    membership = request.user.memberships.filter(organisation=organisation).first()
    names = {"organisation": organisation.name}
    if membership is None:
        messages.info(request, _("You are not a member of %(organisation)s.") % names)
        return redirect(organisation)
    was_pending = membership.state == MembershipState.PENDING
    try:
        workflow.leave(request.user, membership)
    except workflow.MembershipError as error:
        messages.error(request, str(error))
    else:
        if was_pending:
            messages.success(request, _("You withdrew your request to join %(organisation)s.") % names)
        else:
            messages.success(request, _("You left %(organisation)s.") % names)
    return redirect(organisation)


@require_GET
def people(request, slug):
    organisation = _organisation(slug)
    if denied := _denied(request, "view_people", organisation):
        return denied
    members = workflow.active_members(organisation).order_by(ROLE_ORDER, Lower("user__display_name"), "pk")
    return render(request, "municipalities/people.html", {"organisation": organisation, "members": members})


@require_GET
def manage_members(request, slug):
    organisation = _organisation(slug)
    if denied := _denied(request, "manage_members", organisation):
        return denied
    return _manage_page(request, organisation)


def _manage_page(request, organisation, bound=None, status=200):
    """The manage page; `bound` is a form the admin sent, shown again with what they typed."""
    roles = workflow.assignable_roles(request.user, organisation)
    admin_roles = workflow.admin_roles(organisation)
    requests = list(workflow.pending_requests(organisation).order_by("created_at", "pk"))
    members = list(
        workflow.active_members(organisation).order_by(ROLE_ORDER, Lower("user__display_name"), "pk")
    )
    admin_count = sum(1 for member in members if member.role in admin_roles)

    def form_for(membership, make):
        if bound is not None and bound.prefix == _prefix(membership):
            return bound
        return make()

    for pending in requests:
        pending.form = form_for(pending, lambda p=pending: DecisionForm(prefix=_prefix(p)))
    for member in members:
        member.is_last_admin = member.role in admin_roles and admin_count == 1
        member.role_form = form_for(
            member,
            lambda m=member: RoleForm(
                roles=roles, prefix=_prefix(m), initial={"role": m.role, "current_role": m.role}
            ),
        )
    context = {"organisation": organisation, "requests": requests, "members": members}
    return render(request, "municipalities/manage_members.html", context, status=status)


def _managed_membership(request, slug, pk):
    """(organisation, membership, None) for an admin acting on a membership of the organisation, or
    (…, response) to return instead: refused, or the membership disappeared meanwhile."""
    organisation = _organisation(slug)
    if denied := _denied(request, "manage_members", organisation):
        return organisation, None, denied
    membership = organisation.memberships.select_related("user").filter(pk=pk).first()
    if membership is None:
        messages.error(
            request,
            _("This request or membership no longer exists: it was withdrawn or removed meanwhile."),
        )
        return organisation, None, redirect("municipalities:manage_members", organisation.slug)
    return organisation, membership, None


def _after_change(request, organisation):
    permissions.forget_roles(request.user)
    if permissions.may(request.user, "manage_members", organisation):
        return redirect("municipalities:manage_members", organisation.slug)
    return redirect(organisation)


@require_POST
def decide(request, slug, pk):
    organisation, membership, stop = _managed_membership(request, slug, pk)
    if stop:
        return stop
    form = DecisionForm(request.POST, prefix=_prefix(membership))
    if not form.is_valid():
        return _manage_page(request, organisation, bound=form, status=400)
    accepting = form.cleaned_data["decision"] == DecisionForm.ACCEPT
    transition = workflow.accept if accepting else workflow.decline
    try:
        transition(request.user, membership, form.cleaned_data["message"])
    except workflow.MembershipError as error:
        messages.error(request, str(error))
        return _manage_page(request, organisation, bound=form, status=409)
    names = {"name": membership.user.public_name, "organisation": organisation.name}
    if accepting:
        messages.success(request, _("%(name)s is now a member of %(organisation)s.") % names)
    else:
        messages.success(request, _("You declined the request of %(name)s.") % names)
    return _after_change(request, organisation)


@require_POST
def change_role(request, slug, pk):
    organisation, membership, stop = _managed_membership(request, slug, pk)
    if stop:
        return stop
    roles = workflow.assignable_roles(request.user, organisation)
    form = RoleForm(request.POST, roles=roles, prefix=_prefix(membership))
    if not form.is_valid():
        return _manage_page(request, organisation, bound=form, status=400)
    try:
        changed = workflow.change_role(
            request.user,
            membership,
            form.cleaned_data["role"],
            expected_role=form.cleaned_data["current_role"] or None,
        )
    except workflow.MembershipError as error:
        messages.error(request, str(error))
        return _manage_page(request, organisation, bound=form, status=409)
    messages.success(
        request,
        _("%(name)s is now: %(role)s.")
        % {"name": changed.user.public_name, "role": changed.get_role_display()},
    )
    return _after_change(request, organisation)


@require_POST
def remove_member(request, slug, pk):
    organisation, membership, stop = _managed_membership(request, slug, pk)
    if stop:
        return stop
    try:
        workflow.remove(request.user, membership)
    except workflow.MembershipError as error:
        messages.error(request, str(error))
        return _manage_page(request, organisation, status=409)
    messages.success(
        request,
        _("%(name)s was removed from %(organisation)s.")
        % {"name": membership.user.public_name, "organisation": organisation.name},
    )
    return _after_change(request, organisation)
