"""Marking reuse, volunteering as a contact person, and asking the users of a solution."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from municipalities.models import Organisation
from municipalities.permissions import require, roles
from solutions.community.models import Adoption, Referent
from solutions.community.reuse.forms import AdoptionForm, AskReferentsForm
from solutions.community.services import reuse as actions
from solutions.models import Solution

member_required = login_required(login_url="accounts:login")


def _published(slug):
    return get_object_or_404(Solution.objects.published().select_related("organisation"), slug=slug)


@member_required
def adoption(request, slug, organisation):
    solution = _published(slug)
    organisation = get_object_or_404(Organisation, slug=organisation)
    existing = Adoption.objects.filter(organisation=organisation, solution=solution).first()
    require(request.user, "mark_adoption", existing or Adoption(organisation=organisation, solution=solution))
    form = AdoptionForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        actions.record_adoption(
            organisation=organisation,
            solution=solution,
            user=request.user,
            data=form.cleaned_data,
            note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            _("Saved: how %(organisation)s uses this solution.") % {"organisation": organisation.name},
            extra_tags="reuse",
        )
        return redirect(solution.get_absolute_url() + "#reuse-title")
    history = existing.events.select_related("changed_by") if existing else []
    context = {"solution": solution, "organisation": organisation, "form": form, "history": history}
    return render(request, "solutions/reuse/adoption_form.html", context, status=400 if form.errors else 200)


@require_POST
@member_required
def referent(request, slug, organisation):
    solution = _published(slug)
    organisation = get_object_or_404(Organisation, slug=organisation)
    if request.POST.get("action") == "stop":
        actions.stop_volunteering(user=request.user, organisation=organisation, solution=solution)
        messages.success(
            request, _("You are no longer a contact person for this solution."), extra_tags="reuse"
        )
    else:
        require(request.user, "volunteer_as_referent", Referent(organisation=organisation, solution=solution))
        actions.volunteer(user=request.user, organisation=organisation, solution=solution)
        messages.success(
            request,
            _("Thank you: you are now a contact person of %(organisation)s for this solution.")
            % {"organisation": organisation.name},
            extra_tags="reuse",
        )
    return redirect(solution.get_absolute_url() + "#reuse-title")


@member_required
def ask(request, slug):
    solution = _published(slug)
    require(request.user, "ask_referents", solution)
    organisations = list(
        Organisation.objects.filter(pk__in=list(roles(request.user)))
        .exclude(pk=solution.organisation_id)
        .order_by("name_fi")
    )
    recipients = actions.recipients_for(solution, request.user).count()
    left = actions.messages_left_today(request.user)
    form = AskReferentsForm(request.POST or None, organisations=organisations)
    status = 200
    if request.method == "POST":
        if not recipients:
            form.add_error(None, _("This solution has no contact persons you could write to."))
        elif left <= 0:
            form.add_error(None, limit_message())
        elif form.is_valid():
            try:
                sent = actions.ask_referents(
                    sender=request.user,
                    organisation=form.cleaned_data["organisation"],
                    solution=solution,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["message"],
                )
            except actions.RateLimited:
                form.add_error(None, limit_message())
            else:
                text = ngettext(
                    "Your message was sent to %(count)s contact person. Replies come to your e-mail.",
                    "Your message was sent to %(count)s contact persons. Replies come to your e-mail.",
                    sent.recipients,
                ) % {"count": sent.recipients}
                messages.success(request, text, extra_tags="reuse")
                return redirect(solution.get_absolute_url() + "#reuse-title")
        status = 429 if left <= 0 else 400
    context = {"solution": solution, "form": form, "recipients": recipients, "messages_left": left}
    return render(request, "solutions/reuse/ask.html", context, status=status)


def limit_message():
    return _(
        "You have sent %(limit)s messages to contact persons in the last 24 hours, which is the most "
        "allowed. Please try again tomorrow."
    ) % {"limit": actions.MESSAGES_PER_DAY}
