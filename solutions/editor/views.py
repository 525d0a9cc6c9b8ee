"""The editor's pages: our solutions, the solution form, attachments and archiving.

Every change goes through solutions.services.publishing; these views only build forms, call it and show its
messages. A form that cannot be saved is always shown back with everything the editor typed.
"""

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef, Subquery
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuntajako.pagination import paginate
from municipalities import permissions
from municipalities.models import MembershipRole, Organisation
from solutions import completeness
from solutions.editor import steps as flow
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


def _form_context(request, form, solution=None, *, step=flow.ALL, show_errors=True, **extra):
    """What the form page needs for one step of the flow, or for every step (`flow.ALL`)."""
    if not show_errors:
        _quiet(form)
    if not form.kind_value() and step != flow.KIND:
        step = flow.KIND  # the kind decides the rest of the flow: it comes first
    # What the form holds right now, typed or saved, decides what is still missing.
    data = {name: form[name].value() for name in form.fields}
    data["contacts"] = [{"name": contact["name"].value()} for contact in form.contacts.forms]
    kind = form.kind_value()
    revision_attachments = workflow.attachments_for_editor(solution) if solution else (None, [])
    attachment_count = sum(1 for attachment in revision_attachments[1] if attachment.status != "removed")
    flow_steps = form.flow_steps()
    keys = [s.key for s in flow_steps]
    # The kind and the last step have pages of their own; every other step is a list of fields.
    listed = [s for s in flow_steps if s.key not in (flow.KIND, flow.CHECK)]
    shown = listed if step == flow.ALL else [s for s in listed if s.key == step]
    position = keys.index(step) if step in keys else None
    context = {
        "form": form,
        "solution": solution,
        "step": step,
        "steps": flow_steps,
        "step_number": position + 1 if position is not None else None,
        "step_count": len(flow_steps),
        "next_step": keys[position + 1] if position is not None and position + 1 < len(keys) else None,
        "previous_step": keys[position - 1] if position else None,
        "sections": [_section(form, s) for s in shown],
        "hidden_inputs": form.hidden_inputs(step),
        "kind_label": dict(form.fields["kind"].choices).get(kind, ""),
        "kind_hints": flow.KIND_HINTS,
        "summary": form.summary_rows() if step == flow.CHECK else None,
        "show_errors": show_errors,
        "error_items": _error_items(form, step) if show_errors else [],
        "attachment_form": extra.pop("attachment_form", None) or AttachmentForm(prefix="attachment"),
        "attachments": revision_attachments[1],
        "attachment_revision": revision_attachments[0],
        "attachment_count": attachment_count,
        "missing": [
            SimpleNamespace(name=item.name, label=item.label, step=_step_key(item.name, kind))
            for item in completeness.missing(data, kind, attachment_count)
        ],
        "preview": render_markdown(form["description"].value() or "")
        if extra.pop("preview", False)
        else None,
    }
    context.update(extra)
    return context


def _step_key(name, kind):
    if name == "attachments":
        return flow.ATTACHMENTS
    found = flow.step_for_field(name, kind)
    return found.key if found else flow.KIND


def _error_items(form, step):
    """Every error once, with where to fix it: an anchor on the page and the step that holds it.

    A single step tells only of its own errors; the others are shown when the editor gets to them,
    on the last step, or when saving."""
    kind = form.kind_value()

    def step_of(name):
        return _step_key(name, kind)

    items = [{"text": error, "anchor": "", "step": ""} for error in form.non_field_errors()]
    for bound in form.visible_fields():
        for error in bound.errors:
            items.append(
                {
                    "text": f"{bound.label}: {error}",
                    "anchor": f"field-{bound.name}",
                    "step": step_of(bound.name),
                }
            )
    for error in form.contacts.non_form_errors():
        items.append({"text": error, "anchor": "field-contacts", "step": "contacts"})
    for number, contact in enumerate(form.contacts.forms, start=1):
        for bound in contact:
            for error in bound.errors:
                text = f"{_('Contact')} {number}, {bound.label}: {error}"
                items.append({"text": text, "anchor": bound.id_for_label, "step": "contacts"})
    if step not in (flow.ALL, flow.CHECK):
        items = [item for item in items if item["step"] in (step, "")]
    return items


def _section(form, step):
    items = []
    for name in step.fields:
        if name == "contacts":
            items.append({"type": "contacts"})
        elif name in ("service_classes", "life_events") and name in form.fields:
            items.append({"type": "vocabulary", "field": form[name], "groups": form.vocabulary(name)})
        elif name in form.fields:
            items.append({"type": "field", "field": form[name]})
    return {"step": step, "items": items}


def _quiet(form):
    """Show a step without judging it: moving between steps tells of no errors until saving."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    for contact in form.contacts.forms:
        contact._errors = ErrorDict()
    form.contacts._errors = [ErrorDict() for _contact in form.contacts.forms]
    form.contacts._non_form_errors = form.contacts.error_class()


def _render(request, form, solution=None, *, status=200, **extra):
    if solution is None:
        context = _form_context(request, form, **extra)
    else:
        if "revision" not in extra:
            published = solution.moderation_state == ModerationState.PUBLISHED
            extra["revision"] = workflow.editable_revision(solution) if published else None
        context = _edit_context(request, form, solution, **extra)
    return render(request, "solutions/editor/form.html", context, status=status)


def _requested_step(request, form):
    keys = [s.key for s in form.flow_steps()]
    step = request.POST.get("step", flow.ALL)
    return step if step in keys or step == flow.ALL else flow.ALL


def _navigate(request, form, solution=None):
    """Moving between steps: nothing is saved, everything typed travels along. None if not moving."""
    current = _requested_step(request, form)
    keys = [s.key for s in form.flow_steps()]
    action = request.POST.get("action", "save")
    target = request.POST.get("goto")
    if target is None and action in ("next", "back") and current in keys:
        offset = 1 if action == "next" else -1
        target = keys[max(0, min(len(keys) - 1, keys.index(current) + offset))]
        if action == "next" and form.is_valid() is False and form.step_errors(current):
            return _render(request, form, solution, step=current, status=400)
    if target is None:
        return None
    if target not in keys and target not in (flow.KIND, flow.ALL):
        target = current
    if not form.kind_value() and target != flow.KIND:
        form.is_valid()  # nothing can follow before the kind is chosen: say so
        return _render(request, form, solution, step=flow.KIND, status=400)
    if target == flow.CHECK:
        form.is_valid()  # the last step shows everything still wrong, with a way back to it
        return _render(request, form, solution, step=target)
    return _render(request, form, solution, step=target, show_errors=False)


@login_required
def create(request):
    organisations = _editor_organisations(request.user)
    if not organisations:
        return render(request, "solutions/editor/not_editor.html", status=403)
    if request.method != "POST":
        form = SolutionForm(organisations=organisations)
        return _render(request, form, step=flow.KIND, show_errors=False)
    action = request.POST.get("action", "save")
    form = SolutionForm(request.POST, organisations=organisations)
    if (moved := _navigate(request, form)) is not None:
        return moved
    if action == "upload":
        return _upload(request, form, None)
    if form.is_valid() and action != "preview":
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
    if action == "preview":
        return _render(request, form, step=_requested_step(request, form), preview=True, show_errors=False)
    return _render(request, form, step=flow.ALL, status=400)


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
        keys = [s.key for s in form.flow_steps()]
        step = request.GET.get("step")
        return _render(
            request,
            form,
            solution,
            revision=revision,
            step=step if step in keys else flow.ALL,
            show_errors=False,
        )

    action = request.POST.get("action", "save")
    form = SolutionForm(request.POST, solution=solution)
    if (moved := _navigate(request, form, solution)) is not None:
        return moved
    if action == "upload":
        return _upload(request, form, solution)
    if "remove_attachment" in request.POST or "keep_attachment" in request.POST:
        return _change_attachment_in_flow(request, form, solution)
    if not form.is_valid() or action == "preview":
        if action == "preview":
            return _render(
                request, form, solution, step=_requested_step(request, form), preview=True, show_errors=False
            )
        return _render(request, form, solution, status=400)
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


def _upload(request, form, solution):
    """An attachment sent from the flow's attachments step. A new solution is saved as a draft first,
    since a file belongs to a solution; an existing one keeps what was typed unsaved, as before."""
    attachment_form = AttachmentForm(request.POST, request.FILES, prefix="attachment")
    if not attachment_form.is_valid():
        return _render(
            request,
            form,
            solution,
            step=flow.ATTACHMENTS,
            show_errors=False,
            attachment_form=attachment_form,
            status=400,
        )
    if solution is None:
        if not form.is_valid():
            return _render(request, form, status=400)
        solution = workflow.create_draft(
            form.cleaned_data["organisation"],
            request.user,
            form.to_data(),
            creation_key=form.cleaned_data.get("creation_key"),
        )
        _add_attachment_quietly(request, solution, attachment_form)
        messages.info(request, _("The draft was saved so that the file could be attached to it."))
        return redirect(f"{reverse('solutions:editor:edit', args=[solution.slug])}?step={flow.ATTACHMENTS}")
    _add_attachment_quietly(request, solution, attachment_form)
    return _render(request, form, solution, step=flow.ATTACHMENTS, show_errors=False)


def _add_attachment_quietly(request, solution, attachment_form):
    try:
        attachment = workflow.add_attachment(
            solution,
            request.user,
            title=attachment_form.cleaned_data["title"],
            file=attachment_form.cleaned_data["file"],
            content_type=attachment_form.content_type,
        )
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The attachment %(title)s was added.") % {"title": attachment.title})


def _change_attachment_in_flow(request, form, solution):
    keep = "keep_attachment" in request.POST
    try:
        pk = int(request.POST.get("keep_attachment" if keep else "remove_attachment", ""))
    except ValueError:
        raise Http404 from None
    get_object_or_404(solution.attachments, pk=pk)
    try:
        if keep:
            workflow.keep_attachment(solution, request.user, pk)
        else:
            workflow.remove_attachment(solution, request.user, pk)
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The attachments were updated."))
    return _render(request, form, solution, step=flow.ATTACHMENTS, show_errors=False)


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
    return _render(
        request, form, solution, revision=revision, stale=stale.message, differences=differences, status=409
    )


def _edit_context(request, form, solution, revision=None, **extra):
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
