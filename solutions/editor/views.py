"""The editor's pages: our solutions, the solution form, attachments and archiving.

Every change goes through solutions.services.publishing; these views only build forms, call it and show its
messages. A form that cannot be saved is always shown back with everything the editor typed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuntajako.pagination import paginate
from municipalities import permissions
from municipalities.models import MembershipRole, Organisation
from solutions import completeness
from solutions.editor.forms import AttachmentForm, ReasonForm, SolutionForm
from solutions.markdown import render_markdown
from solutions.models import ModerationDecision, ModerationState, Revision, Solution
from solutions.services import publishing as workflow


def _editor_organisations(user):
    return Organisation.objects.filter(
        pk__in=permissions.organisations_with_role(user, MembershipRole.EDITOR)
    ).order_by("name_fi")


def _solution_for_editor(request, slug):
    """The solution, if the user may see it (404 otherwise) and edit it (403 otherwise)."""
    solution = get_object_or_404(
        Solution.objects.select_related("organisation").visible_to(request.user),
        slug=slug,
    )
    permissions.require(request.user, "edit_solution", solution)
    return solution


@login_required
def our_solutions(request):
    organisations = _editor_organisations(request.user)
    latest = ModerationDecision.objects.filter(solution=OuterRef("pk")).order_by("-decided_at", "-pk")
    solutions = (
        Solution.objects.filter(organisation__in=organisations)
        .select_related("organisation")
        .annotate(
            latest_decision=Subquery(latest.values("decision")[:1]),
            latest_reason=Subquery(latest.values("reason")[:1]),
            latest_decided_at=Subquery(latest.values("decided_at")[:1]),
            has_pending_revision=Exists(Revision.objects.pending().filter(solution=OuterRef("pk"))),
        )
        .order_by("organisation__name_fi", "-updated_at", "-pk")
    )
    page = paginate(request, solutions, per_page=50)
    return render(
        request,
        "solutions/editor/our_solutions.html",
        {"organisations": organisations, "page": page, "decision_labels": dict(workflow.Decision.choices)},
    )


def _form_context(request, form, solution=None, **extra):
    # What the form holds right now, typed or saved, decides what is still missing.
    data = {name: form[name].value() for name in form.fields}
    data["contacts"] = [{"name": contact["name"].value()} for contact in form.contacts.forms]
    kind = form["kind"].value() or ""
    attachment_count = _attachment_count(solution) if solution else 0
    context = {
        "form": form,
        "solution": solution,
        "attachment_count": attachment_count,
        "service_class_groups": form.vocabulary("service_classes"),
        "life_event_groups": form.vocabulary("life_events"),
        "missing": completeness.missing(data, kind, attachment_count),
        "preview": render_markdown(form["description"].value() or "")
        if extra.pop("preview", False)
        else None,
    }
    context.update(extra)
    return context


@login_required
def create(request):
    organisations = _editor_organisations(request.user)
    if not organisations:
        return render(request, "solutions/editor/not_editor.html", status=403)
    action = request.POST.get("action", "save")
    form = SolutionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid() and action != "preview":
        solution = workflow.create_draft(
            form.cleaned_data["organisation"],
            request.user,
            form.to_data(),
            creation_key=form.cleaned_data.get("creation_key"),
        )
        if solution.moderation_state != ModerationState.DRAFT:
            action = "save"  # sent twice: the first send already submitted it
        if action == "submit":
            workflow.submit(solution, request.user)
            messages.success(request, _("The solution was saved and sent for review."))
        else:
            messages.success(request, _("The draft was saved. Only your organisation sees it."))
        return redirect("solutions:editor:edit", solution.slug)
    status = 400 if request.method == "POST" and form.errors else 200
    context = _form_context(request, form, preview=request.method == "POST" and action == "preview")
    return render(request, "solutions/editor/form.html", context, status=status)


@login_required
def edit(request, slug):
    solution = _solution_for_editor(request, slug)
    state = solution.moderation_state
    if state not in (*workflow.EDITABLE_STATES, ModerationState.PUBLISHED):
        return _status_page(request, solution)
    revision = workflow.editable_revision(solution) if state == ModerationState.PUBLISHED else None
    if request.method != "POST":
        content = revision.data if revision else workflow.solution_data(solution)
        successor = solution.successor.slug if content.get("successor") and solution.successor_id else ""
        if revision and revision.data.get("successor"):
            successor = (
                Solution.objects.filter(pk=revision.data["successor"]).values_list("slug", flat=True).first()
                or ""
            )
        initial = {**SolutionForm.initial_from(content, successor), "version": solution.version}
        form = SolutionForm(initial=initial, solution=solution)
        return render(request, "solutions/editor/form.html", _edit_context(request, form, solution, revision))

    action = request.POST.get("action", "save")
    form = SolutionForm(request.POST, solution=solution)
    if not form.is_valid() or action == "preview":
        status = 400 if form.errors else 200
        context = _edit_context(request, form, solution, revision, preview=action == "preview")
        return render(request, "solutions/editor/form.html", context, status=status)
    version = form.cleaned_data.get("version")
    try:
        if state == ModerationState.PUBLISHED:
            workflow.propose_revision(solution, request.user, form.to_data(), expected_version=version)
            messages.success(
                request,
                _("Your edit was sent for review. The published text stays online until it is approved."),
            )
        else:
            workflow.save_draft(solution, request.user, form.to_data(), expected_version=version)
            if action == "submit":
                workflow.submit(solution, request.user)
                messages.success(request, _("The solution was saved and sent for review."))
            else:
                messages.success(request, _("The draft was saved."))
    except workflow.StaleVersion as stale:
        return _stale(request, form, solution, revision, stale)
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    return redirect("solutions:editor:edit", solution.slug)


def _stale(request, form, solution, revision, stale):
    """Show the editor's own text back, with what is saved now, and let them save over it knowingly.

    For a published solution, what is saved now is the pending revision, if there is one.
    """
    pending = (
        workflow.pending_revision(stale.current)
        if stale.current.moderation_state == ModerationState.PUBLISHED
        else None
    )
    current = pending.data if pending else workflow.solution_data(stale.current)
    mine = form.to_data()
    labels = {name: form.fields[name].label for name in form.fields}
    differences = [
        {"label": labels.get(name, name), "current": current.get(name)}
        for name in workflow.SCALAR_FIELDS
        if current.get(name) != mine.get(name)
    ]
    data = request.POST.copy()
    data["version"] = stale.current.version
    form = SolutionForm(data, solution=solution)
    form.is_valid()
    context = _edit_context(request, form, solution, revision, stale=stale.message, differences=differences)
    return render(request, "solutions/editor/form.html", context, status=409)


def _edit_context(request, form, solution, revision, **extra):
    return _form_context(
        request,
        form,
        solution,
        revision=revision,
        decisions=_decisions(solution),
        archive_form=ReasonForm(),
        **extra,
    )


def _decisions(solution):
    return list(
        ModerationDecision.objects.filter(solution=solution)
        .select_related("decided_by")
        .order_by("-decided_at")
    )


def _status_page(request, solution):
    return render(
        request,
        "solutions/editor/status.html",
        {"solution": solution, "decisions": _decisions(solution), "archive_form": ReasonForm()},
    )


def _run(request, solution, action, success):
    try:
        action()
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("solutions:editor:edit", solution.slug)


@login_required
@require_POST
def submit(request, slug):
    solution = _solution_for_editor(request, slug)
    return _run(
        request,
        solution,
        lambda: workflow.submit(solution, request.user),
        _("The solution was sent for review."),
    )


@login_required
@require_POST
def archive(request, slug):
    solution = get_object_or_404(Solution.objects.visible_to(request.user), slug=slug)
    permissions.require(request.user, "archive_solution", solution)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _run(
        request,
        solution,
        lambda: workflow.archive(solution, request.user, reason),
        _("The solution was archived. It no longer appears in lists and search."),
    )


@login_required
@require_POST
def restore(request, slug):
    solution = get_object_or_404(Solution.objects.visible_to(request.user), slug=slug)
    permissions.require(request.user, "archive_solution", solution)
    return _run(
        request,
        solution,
        lambda: workflow.restore(solution, request.user),
        _("The solution was restored to lists and search."),
    )


def _attachment_count(solution):
    """The attachments the solution will have once the edit the editor continues is approved."""
    _revision, attachments = workflow.attachments_for_editor(solution)
    return sum(1 for attachment in attachments if attachment.status != "removed")


@login_required
def attachments(request, slug):
    """Add and remove attachments: directly on a draft, through the pending revision once published."""
    solution = _solution_for_editor(request, slug)
    published = solution.moderation_state == ModerationState.PUBLISHED
    editable = published or solution.moderation_state in workflow.EDITABLE_STATES
    form = AttachmentForm()
    if request.method == "POST":
        if "delete" in request.POST or "keep" in request.POST:
            return _change_attachment(request, solution)
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            return _add_attachment(request, solution, form)
    revision, listed = workflow.attachments_for_editor(solution)
    status = 400 if form.errors else 200
    context = {
        "solution": solution,
        "form": form,
        "editable": editable,
        "published": published,
        "revision": revision,
        "attachments": listed,
    }
    return render(request, "solutions/editor/attachments.html", context, status=status)


def _change_attachment(request, solution):
    """Delete or mark for removal (`delete`), or undo a marked removal (`keep`)."""
    keep = "keep" in request.POST
    try:
        pk = int(request.POST.get("keep" if keep else "delete", ""))
    except ValueError:
        raise Http404 from None
    get_object_or_404(solution.attachments, pk=pk)
    try:
        if keep:
            workflow.keep_attachment(solution, request.user, pk)
            messages.success(request, _("The attachment will not be removed."))
        elif workflow.remove_attachment(solution, request.user, pk) == workflow.ATTACHMENT_MARKED:
            messages.success(
                request,
                _(
                    "The attachment will be removed when a coordinator approves your edit. Until then "
                    "it stays public."
                ),
            )
        else:
            messages.success(request, _("The attachment was removed."))
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    return redirect("solutions:editor:attachments", solution.slug)


def _add_attachment(request, solution, form):
    try:
        attachment = workflow.add_attachment(
            solution,
            request.user,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
            content_type=form.content_type,
        )
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    else:
        if attachment.revision_id:
            messages.success(
                request,
                _(
                    "The attachment was added to your edit. It becomes public when a coordinator "
                    "approves the edit."
                ),
            )
        else:
            messages.success(request, _("The attachment was added."))
    return redirect("solutions:editor:attachments", solution.slug)
