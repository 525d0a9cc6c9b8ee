"""The pages of publiccode.yml: check and import, export, and the organisations' harvest status.

Views validate input with forms and call the services; they write nothing themselves.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from municipalities import permissions
from municipalities.models import MembershipRole, Organisation
from solutions.models import ModerationState, Solution
from solutions.opencode import fetch
from solutions.opencode.forms import HarvestSourceForm, ImportForm
from solutions.opencode.models import HarvestSource
from solutions.opencode.publiccode import dump
from solutions.opencode.publiccode.validator import validate
from solutions.opencode.services import harvesting, importing
from solutions.services.publishing import WorkflowError


def _editor_organisations(user):
    return Organisation.objects.filter(
        pk__in=permissions.organisations_with_role(user, MembershipRole.EDITOR)
    ).order_by("name_fi")


@login_required
def import_page(request):
    organisations = list(_editor_organisations(request.user))
    if not organisations:
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    report = None
    if request.method == "POST" and form.is_valid():
        text, error = _source_text(form)
        if error:
            form.add_error(None, error)
        else:
            report = validate(text)
            # What was checked stays in the text box, so the editor can correct it or import it.
            form.data = form.data.copy()
            form.data["text"] = text
            form.data["url"] = ""
            if "import" in request.POST and report.valid:
                organisation = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
                try:
                    result = importing.import_publiccode(organisation, request.user, text)
                except WorkflowError as problem:
                    form.add_error(None, problem.message)
                else:
                    messages.success(request, _outcome_message(result))
                    return redirect("solutions:editor:edit", result.solution.slug)
    return render(request, "opencode/import.html", {"form": form, "report": report})


def _source_text(form) -> tuple[str, str | None]:
    data = form.cleaned_data
    if data.get("file"):
        try:
            return data["file"].read().decode("utf-8"), None
        except UnicodeDecodeError:
            return "", _("The file is not UTF-8 text.")
    if data.get("text", "").strip():
        return data["text"], None
    try:
        raw = fetch.fetch(fetch.raw_file_url(data["url"]))
        return raw.decode("utf-8"), None
    except fetch.FetchError as error:
        return "", str(error)
    except UnicodeDecodeError:
        return "", _("The file is not UTF-8 text.")


def _outcome_message(result) -> str:
    if result.outcome == "revision":
        return _("The changes were sent for review as an edit of the published solution.")
    if result.outcome == "unchanged":
        return _("The file says what the catalogue already says; nothing changed.")
    if result.outcome == "updated":
        return _("The draft was updated from the file.")
    return _("A draft was created from the file. Check it and submit it for review.")


def export(request, slug):
    solution = get_object_or_404(
        Solution.objects.select_related("organisation").exclude(repository_url=""),
        slug=slug,
        moderation_state=ModerationState.PUBLISHED,
    )
    url = request.build_absolute_uri(solution.get_absolute_url())
    response = HttpResponse(
        dump(importing.export_document(solution, url)), content_type="application/yaml; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="publiccode.yml"'
    return response


def harvest_status(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    sources = organisation.harvest_sources.select_related("solution").order_by("url", "pk")
    may_manage = permissions.may(request.user, "manage_harvest", organisation)
    form = None
    if may_manage:
        form = HarvestSourceForm(request.POST or None)
        if request.method == "POST" and "add" in request.POST and form.is_valid():
            try:
                harvesting.register(organisation, request.user, form.cleaned_data["url"])
            except WorkflowError as problem:
                form.add_error("url", problem.message)
            else:
                messages.success(request, _("The repository was registered; it is read in a moment."))
                return redirect("opencode:harvest_status", organisation.slug)
    return render(
        request,
        "opencode/harvest_status.html",
        {
            "organisation": organisation,
            "sources": sources,
            "form": form,
            "may_manage": may_manage,
            "may_read_now": permissions.may(request.user, "read_harvest_now", organisation),
            "may_mark_trusted": permissions.may(request.user, "mark_trusted_publisher", organisation),
            "trusted": hasattr(organisation, "trusted_publisher"),
        },
    )


@login_required
def harvest_action(request, slug, uuid):
    if request.method != "POST":
        return redirect("opencode:harvest_status", slug)
    organisation = get_object_or_404(Organisation, slug=slug)
    source = get_object_or_404(HarvestSource, organisation=organisation, uuid=uuid)
    try:
        if "remove" in request.POST:
            harvesting.remove(source, request.user)
            messages.success(request, _("The repository is no longer read."))
        else:
            harvesting.read_now(source, request.user)
            messages.success(request, _("The repository is read in a moment."))
    except WorkflowError as problem:
        messages.error(request, problem.message)
    return redirect("opencode:harvest_status", organisation.slug)


@login_required
def trusted(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if request.method == "POST":
        harvesting.set_trusted(organisation, request.user, trusted="trust" in request.POST)
        messages.success(request, _("The setting was saved."))
    return redirect("opencode:harvest_status", organisation.slug)
