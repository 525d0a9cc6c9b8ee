"""Pages of the initiatives: the list, proposing (with a check for similar), the initiative page
and its actions. Every change is a POST that calls one service; errors come back on the page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kuntajako.pagination import paginate
from municipalities.models import Organisation
from municipalities.permissions import may, require, roles
from solutions.community.discussion.views import _login_first
from solutions.community.services.discussion import RateLimited
from solutions.initiatives import forms
from solutions.initiatives.models import (
    Initiative,
    InitiativeMessage,
    InitiativeStatus,
    InitiativeUpdate,
    Partner,
    PartnerState,
)
from solutions.initiatives.services import discussion, initiatives, partners
from solutions.initiatives.services.initiatives import InitiativeError
from solutions.initiatives.suggest import suggestions
from solutions.markdown import render_markdown
from solutions.models import Solution

PAGE_SIZE = 20


@require_GET
def initiative_list(request):
    status = request.GET.get("status", "")
    queryset = Initiative.objects.for_listing().order_by("-created_at", "-pk")
    if status in InitiativeStatus.values:
        queryset = queryset.filter(status=status)
    else:
        status = ""
    context = {
        "page": paginate(request, queryset, per_page=PAGE_SIZE),
        "status": status,
        "statuses": InitiativeStatus.choices,
        "can_propose": may(request.user, "propose_initiative"),
    }
    return render(request, "initiatives/list.html", context)


@require_http_methods(["GET", "POST"])
def propose(request):
    if response := _login_first(request):
        return response
    require(request.user, "propose_initiative")
    form = forms.InitiativeForm(request.POST or None, user=request.user)
    context = {"form": form, "preview": None, "suggested": None}
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            require(request.user, "propose_initiative", organisation)
            if request.POST.get("action") != "propose":
                # Without JavaScript this step is the only place the similar ones are shown.
                context["preview"] = mark_safe(render_markdown(form.cleaned_data["problem"]))  # noqa: S308 -- nh3 cleaned it
                context["suggested"] = suggestions(form.cleaned_data["title"])
                status = 200
            else:
                initiative = initiatives.propose(organisation, request.user, form.service_data())
                messages.success(
                    request, _("The initiative is published. Other organisations can now join it.")
                )
                return redirect(initiative)
    return render(request, "initiatives/propose.html", context, status=status)


@require_GET
def suggest(request):
    """Similar initiatives and solutions beside the proposal form, for help-suggest.js."""
    title = request.GET.get("title", "")[:200]
    return render(request, "initiatives/_suggestions.html", {"suggested": suggestions(title)})


def _initiative(slug):
    return get_object_or_404(
        Initiative.objects.select_related("organisation", "proposed_by", "solution").prefetch_related(
            Prefetch(
                "partners",
                queryset=Partner.objects.select_related("organisation").order_by("created_at", "pk"),
            ),
            "service_classes",
            "life_events",
            Prefetch(
                "linked_solutions", queryset=Solution.objects.published().select_related("organisation")
            ),
        ),
        slug=slug,
    )


def _joinable(user, initiative):
    """The user's organisations that may still offer a commitment (editor or admin, not in yet)."""
    taken = {p.organisation_id for p in initiative.partners.all() if p.state != PartnerState.WITHDRAWN}
    ids = [
        org
        for org in roles(user)
        if org not in taken
        and may(user, "join_initiative", Partner(initiative=initiative, organisation_id=org))
    ]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name_fi")) if ids else []


def _detail(request, initiative, status=200, **forms_given):
    user = request.user
    partner_reader = may(user, "read_partner_discussion", initiative)
    shown_messages = InitiativeMessage.objects.filter(initiative=initiative).select_related(
        "author", "organisation"
    )
    if not partner_reader:
        shown_messages = shown_messages.filter(partners_only=False)
    shown_messages = list(shown_messages.order_by("created_at", "pk"))
    partner_orgs = [p.organisation for p in initiative.partners.all() if p.state == PartnerState.CONFIRMED]
    own_partner_orgs = [org for org in partner_orgs if org.pk in roles(user)]
    joinable = _joinable(user, initiative) if user.is_authenticated else []
    version = {"version": initiative.version}
    context = {
        "initiative": initiative,
        "partners": [
            {
                "partner": p,
                "may_confirm": may(user, "confirm_partner", p),
                "may_withdraw": may(user, "withdraw_partner", p),
            }
            for p in initiative.partners.all()
            if p.state != PartnerState.WITHDRAWN
        ],
        "updates": InitiativeUpdate.objects.filter(initiative=initiative).select_related(
            "author", "organisation"
        ),
        "public_messages": [m for m in shown_messages if not m.partners_only],
        "partner_messages": [m for m in shown_messages if m.partners_only],
        "partner_reader": partner_reader,
        "may_manage": may(user, "manage_initiative", initiative),
        "may_deliver": may(user, "deliver_initiative", initiative),
        "may_hide": may(user, "hide"),
        "join_form": forms_given.get("join_form")
        or (forms.JoinForm(organisations=joinable, auto_id="join-%s") if joinable else None),
        "status_form": forms.StatusForm(initial=version, auto_id="status-%s"),
        "close_form": forms_given.get("close_form") or forms.CloseForm(initial=version, auto_id="close-%s"),
        "deliver_form": forms_given.get("deliver_form")
        or forms.DeliverForm(initial=version, auto_id="deliver-%s"),
        "update_form": forms_given.get("update_form")
        or (
            forms.WriteForm(user=user, organisations=own_partner_orgs, label=_("Update"), auto_id="update-%s")
            if may(user, "post_initiative_update", initiative) and own_partner_orgs
            else None
        ),
        "message_form": forms_given.get("message_form")
        or (
            forms.WriteForm(user=user, auto_id="message-%s")
            if may(user, "discuss_initiative", initiative)
            else None
        ),
        "partner_message_form": forms_given.get("partner_message_form")
        or (
            forms.WriteForm(user=user, organisations=own_partner_orgs, auto_id="partner-message-%s")
            if may(user, "discuss_with_partners", initiative) and own_partner_orgs
            else None
        ),
        "error": forms_given.get("error"),
    }
    return render(request, "initiatives/detail.html", context, status=status)


@require_GET
def initiative_detail(request, slug):
    return _detail(request, _initiative(slug))


def _signed_in(request):
    return _login_first(request)


@require_POST
def join(request, slug):
    if response := _signed_in(request):
        return response
    initiative = _initiative(slug)
    joinable = _joinable(request.user, initiative)
    if not joinable:
        # None of the user's organisations may offer a commitment here (role, or already a partner).
        raise PermissionDenied
    form = forms.JoinForm(request.POST, organisations=joinable, auto_id="join-%s")
    if not form.is_valid():
        return _detail(request, initiative, status=400, join_form=form)
    organisation = form.cleaned_data.pop("organisation")
    try:
        partner = partners.join(initiative, organisation, request.user, form.cleaned_data)
    except InitiativeError as error:
        form.add_error(None, error.message)
        return _detail(request, initiative, status=409, join_form=form)
    if partner.state == PartnerState.CONFIRMED:
        messages.success(
            request, _("%(organisation)s is now a partner.") % {"organisation": organisation.name}
        )
    else:
        messages.success(
            request,
            _("The commitment of %(organisation)s waits for the confirmation of its admin.")
            % {"organisation": organisation.name},
        )
    return redirect(initiative)


def _partner(initiative, pk):
    return get_object_or_404(initiative.partners.select_related("organisation", "initiative"), pk=pk)


@require_POST
def confirm_partner(request, slug, pk):
    if response := _signed_in(request):
        return response
    initiative = _initiative(slug)
    partner = _partner(initiative, pk)
    require(request.user, "confirm_partner", partner)
    try:
        partners.confirm(partner, request.user)
    except InitiativeError as error:
        return _detail(request, _initiative(slug), status=409, error=error.message)
    messages.success(request, _("The commitment is confirmed."))
    return redirect(initiative)


@require_POST
def withdraw_partner(request, slug, pk):
    if response := _signed_in(request):
        return response
    initiative = _initiative(slug)
    partner = _partner(initiative, pk)
    require(request.user, "withdraw_partner", partner)
    try:
        partners.withdraw(partner, request.user)
    except InitiativeError as error:
        return _detail(request, _initiative(slug), status=409, error=error.message)
    messages.success(request, _("The commitment is withdrawn."))
    return redirect(initiative)


STATUS_ACTIONS = {"agree": initiatives.agree, "start": initiatives.start_development}


@require_POST
def change_status(request, slug, action):
    if response := _signed_in(request):
        return response
    initiative = _initiative(slug)
    if action == "deliver":
        require(request.user, "deliver_initiative", initiative)
        form = forms.DeliverForm(request.POST, auto_id="deliver-%s")
        key = "deliver_form"
    elif action == "close":
        require(request.user, "manage_initiative", initiative)
        form = forms.CloseForm(request.POST, auto_id="close-%s")
        key = "close_form"
    elif action in STATUS_ACTIONS:
        require(request.user, "manage_initiative", initiative)
        form = forms.StatusForm(request.POST)
        key = "status_form"
    else:
        return redirect(initiative)
    if not form.is_valid():
        return _detail(request, initiative, status=400, **{key: form})
    version = form.cleaned_data["version"]
    try:
        if action == "deliver":
            solution = initiatives.deliver(
                initiative, request.user, form.cleaned_data, expected_version=version
            )
        elif action == "close":
            initiatives.close(initiative, request.user, form.cleaned_data["reason"], expected_version=version)
        else:
            STATUS_ACTIONS[action](initiative, request.user, expected_version=version)
    except InitiativeError as error:
        current = _initiative(slug)
        kept = {}
        if key != "status_form":
            # Keep what was typed, at the version now shown, so acting again is one click.
            data = request.POST.copy()
            data["version"] = current.version
            kept[key] = type(form)(data, auto_id=form.auto_id)
        return _detail(request, current, status=409, error=error.message, **kept)
    if action == "deliver":
        messages.success(
            request,
            _(
                "The initiative is delivered. Its solution “%(title)s” waits for review in the "
                "moderation queue."
            )
            % {"title": solution.title},
        )
    else:
        messages.success(request, _("The status of the initiative is changed."))
    return redirect(initiative)


@require_POST
def write(request, slug, where):
    if response := _signed_in(request):
        return response
    initiative = _initiative(slug)
    user = request.user
    partner_orgs = [
        p.organisation
        for p in initiative.partners.all()
        if p.state == PartnerState.CONFIRMED and p.organisation_id in roles(user)
    ]
    if where == "update":
        require(user, "post_initiative_update", initiative)
        form = forms.WriteForm(
            request.POST, user=user, organisations=partner_orgs, label=_("Update"), auto_id="update-%s"
        )
        key = "update_form"
    elif where == "partners":
        require(user, "discuss_with_partners", initiative)
        form = forms.WriteForm(
            request.POST, user=user, organisations=partner_orgs, auto_id="partner-message-%s"
        )
        key = "partner_message_form"
    else:
        require(user, "discuss_initiative", initiative)
        form = forms.WriteForm(request.POST, user=user, auto_id="message-%s")
        key = "message_form"
    if not form.is_valid():
        return _detail(request, initiative, status=400, **{key: form})
    organisation, body = form.cleaned_data["organisation"], form.cleaned_data["body"]
    try:
        if where == "update":
            written = discussion.post_update(initiative, user, organisation, body)
        else:
            written = discussion.post_message(
                initiative, user, organisation, body, partners_only=where == "partners"
            )
    except RateLimited as limited:
        form.add_error(None, limited.message)
        return _detail(request, initiative, status=429, **{key: form})
    except InitiativeError as error:
        form.add_error(None, error.message)
        return _detail(request, initiative, status=409, **{key: form})
    return redirect(written.get_absolute_url())


@require_POST
def hide_message(request, slug, pk):
    if response := _signed_in(request):
        return response
    initiative = _initiative(slug)
    message = get_object_or_404(InitiativeMessage, initiative=initiative, pk=pk)
    require(request.user, "hide", message)
    try:
        discussion.hide_message(message, request.user)
    except InitiativeError as error:
        messages.info(request, error.message)
    return redirect(initiative.get_absolute_url() + f"#message-{message.pk}")
