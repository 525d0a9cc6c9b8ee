"""The coordinators' pages: the queue of waiting items, the review page with its decision, and history.

Only people with the "moderate" permission see the queue and review pages; visitors are sent to log
in first. Decisions, claims and releases are made by solutions.services.publishing; these views only call it
and show what it says, including who decided first when two coordinators act at once.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from taggit.models import Tag

from kuntajako.pagination import paginate
from municipalities import permissions
from municipalities.models import Organisation
from municipalities.views.public import localized_name_order
from solutions.models import (
    Attachment,
    Contact,
    ItemKind,
    LifeEvent,
    ModerationDecision,
    ModerationItem,
    Revision,
    ServiceClass,
    Solution,
)
from solutions.moderation import registry
from solutions.moderation.diff import revision_diff
from solutions.moderation.forms import APPROVE, REJECT, REQUEST_CHANGES, DecisionForm, QueueFilterForm
from solutions.services import publishing as workflow

ITEMS_PER_PAGE = 50
DECISIONS = {APPROVE: workflow.approve, REQUEST_CHANGES: workflow.request_changes, REJECT: workflow.reject}
DECIDED_HERE = (ItemKind.SUBMISSION, ItemKind.REVISION)


def _coordinators_only(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        permissions.require(request.user, "moderate")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _targets_prefetch():
    # One query per kind of target on the page, however long the queue grows (see registry).
    return GenericPrefetch("target", registry.target_querysets())


def row_templates(item) -> list[str]:
    """Each kind of item renders through its own small template; unknown kinds fall back."""
    return [f"solutions/moderation/kinds/{item.kind}.html", "solutions/moderation/kinds/_default.html"]


def item_label(item) -> str:
    """The name of what an item is about, for buttons and headings."""
    target = item.target
    if target is None:
        return item.get_kind_display()
    if isinstance(target, Revision):
        return target.solution.title
    return str(target)


@_coordinators_only
def queue(request):
    """Open items, oldest first, with filters by kind, organisation and reviewer."""
    items = ModerationItem.objects.for_queue()
    organisations = Organisation.objects.filter(
        pk__in=ModerationItem.objects.open().values("organisation")
    ).order_by(localized_name_order(), "pk")
    form = QueueFilterForm(request.GET, organisations=organisations)
    if form.is_valid():
        if form.cleaned_data["kind"]:
            items = items.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["organisation"]:
            items = items.filter(organisation=form.cleaned_data["organisation"])
        if form.cleaned_data["claimed"] == QueueFilterForm.MINE:
            items = items.filter(claimed_by=request.user)
        elif form.cleaned_data["claimed"] == QueueFilterForm.UNCLAIMED:
            items = items.filter(claimed_by__isnull=True)
    page = paginate(request, items, ITEMS_PER_PAGE)
    rows = list(page.object_list)
    prefetch_related_objects(rows, _targets_prefetch())
    for item in rows:
        item.row_templates = row_templates(item)
        item.label = item_label(item)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "filtered": form.is_valid() and any(form.cleaned_data.values()),
    }
    return render(request, "solutions/moderation/queue.html", context)


def _back(request, item):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("solutions:moderation_review", pk=item.pk)


@require_POST
@_coordinators_only
def claim(request, pk):
    item = get_object_or_404(ModerationItem, pk=pk)
    try:
        workflow.claim(item, request.user)
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are reviewing this item; other coordinators see it."))
        # Claiming is the start of reviewing: go to the item, not back to the list.
        return redirect("solutions:moderation_review", pk=item.pk)
    return _back(request, item)


@require_POST
@_coordinators_only
def release(request, pk):
    item = get_object_or_404(ModerationItem, pk=pk)
    try:
        workflow.release(item, request.user)
    except workflow.WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You released the item back to the queue."))
    return _back(request, item)


@_coordinators_only
def review(request, pk):
    """The item as it would be published, what a revision changes, its history, and the decision."""
    item = get_object_or_404(
        ModerationItem.objects.select_related(
            "organisation", "submitted_by", "claimed_by", "decided_by", "content_type"
        ),
        pk=pk,
    )
    solution, preview, diffs, attachments = _subject(item)
    form = DecisionForm(request.POST or None, kind=item.kind)
    if request.method == "POST" and item.kind in DECIDED_HERE and form.is_valid():
        decide = DECISIONS[form.cleaned_data["decision"]]
        try:
            decide(item, request.user, reason=form.cleaned_data["reason"])
        except workflow.AlreadyDecided as error:
            messages.error(request, error.message)
            return redirect("solutions:moderation_review", pk=item.pk)
        except workflow.WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Decision recorded: “%(title)s”.") % {"title": solution.title})
            return redirect("solutions:moderation_queue")
    context = {
        "item": item,
        "solution": preview,
        "published": solution,
        "successor": _published_successor(preview),
        "diffs": diffs,
        "added_attachments": attachments["added"],
        "removed_attachments": attachments["removed"],
        "form": form,
        "decidable": item.is_open
        and item.kind in DECIDED_HERE
        and permissions.may(request.user, "decide", item),
        "own_submission": item.is_open and not permissions.may(request.user, "decide", item),
        "history": _history(item, solution),
        "label": solution.title if solution else item_label(item),
        "kind_templates": row_templates(item),
    }
    status = 400 if request.method == "POST" and form.errors else 200
    if solution is None:
        return render(request, "solutions/moderation/review_generic.html", context, status=status)
    return render(request, "solutions/moderation/review.html", context, status=status)


def solution_history(request, slug):
    """Every moderation decision about a solution, for its organisation's members and coordinators."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    solution = get_object_or_404(Solution.objects.select_related("organisation"), slug=slug)
    permissions.require(request.user, "view_decisions", solution, hide=True)
    context = {"solution": solution, "history": _history(None, solution)}
    return render(request, "solutions/moderation/history.html", context)


# Helpers


def _detail_prefetches():
    # What the public solution page needs, so the preview renders in the same fixed number of queries.
    return [
        "partners",
        "contacts",
        Prefetch("attachments", queryset=Attachment.objects.public(), to_attr="public_attachments"),
        "tags",
        "life_events",
        Prefetch("service_classes", queryset=ServiceClass.objects.select_related("parent")),
    ]


def _subject(item):
    """(solution, what it would look like once published, field differences, attachment changes) of a
    queue item; the attachment changes are {"added": [...], "removed": [...]}."""
    no_changes = {"added": [], "removed": []}
    if item.kind == ItemKind.SUBMISSION:
        solution = _load_solution(item.object_id)
        preview = _copy(solution)
        # Shown with the date it would get if approved now, as the published page would show it.
        preview.published_at = preview.published_at or timezone.now()
        return solution, preview, [], no_changes
    if item.kind == ItemKind.REVISION:
        revision = get_object_or_404(Revision, pk=item.object_id)
        solution = _load_solution(revision.solution_id)
        changes = attachment_changes(revision)
        preview = revision_preview(solution, revision.data, changes)
        return solution, preview, revision_diff(solution, revision.data), changes
    return None, None, [], no_changes


def attachment_changes(revision: Revision) -> dict:
    """The files a revision adds to its solution and the published ones it removes."""
    return {
        "added": list(Attachment.objects.filter(revision=revision)),
        "removed": list(Attachment.objects.public().filter(removed_in=revision)),
    }


def _load_solution(pk):
    queryset = Solution.objects.select_related("organisation__region", "successor").prefetch_related(
        *_detail_prefetches()
    )
    try:
        return queryset.get(pk=pk)
    except Solution.DoesNotExist:
        raise Http404 from None


def _cached(model, objects):
    # A queryset that already holds its rows: the related managers of the preview return it as if
    # prefetched, so the public templates show the proposed relations without touching the database.
    queryset = model.objects.none()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    return queryset


def revision_preview(solution: Solution, data: dict, attachments: dict | None = None) -> Solution:
    """An unsaved copy of `solution` with a revision's content (and its attachment changes, from
    `attachment_changes`), for showing only."""
    preview = _copy(solution)
    for name in workflow.SCALAR_FIELDS:
        if name in data:
            setattr(preview, name, data[name])
    if attachments is not None:
        # The attachments the page will list once the revision is approved.
        removed = {attachment.pk for attachment in attachments["removed"]}
        kept = [attachment for attachment in solution.public_attachments if attachment.pk not in removed]
        preview.public_attachments = sorted(
            [*kept, *attachments["added"]], key=lambda attachment: (attachment.title, attachment.pk)
        )
    cache = preview._prefetched_objects_cache
    if "successor" in data:
        preview.successor = (
            Solution.objects.filter(pk=data["successor"]).first() if data["successor"] else None
        )
    if "partners" in data:
        cache["partners"] = _cached(Organisation, Organisation.objects.filter(pk__in=data["partners"]))
    if "service_classes" in data:
        cache["service_classes"] = _cached(
            ServiceClass,
            ServiceClass.objects.select_related("parent").filter(code__in=data["service_classes"]),
        )
    if "life_events" in data:
        cache["life_events"] = _cached(LifeEvent, LifeEvent.objects.filter(code__in=data["life_events"]))
    if "tags" in data:
        cache["tags"] = _cached(Tag, [Tag(name=name, slug=slugify(name)) for name in data["tags"]])
    if "contacts" in data:
        cache["contacts"] = _cached(
            Contact,
            [
                Contact(**{field: c.get(field, "") for field in workflow.CONTACT_FIELDS})
                for c in data["contacts"]
            ],
        )
    return preview


def _copy(solution):
    preview = Solution(
        **{field.attname: getattr(solution, field.attname) for field in Solution._meta.concrete_fields}
    )
    preview._state.adding = False
    preview._prefetched_objects_cache = dict(getattr(solution, "_prefetched_objects_cache", {}))
    preview.public_attachments = solution.public_attachments
    preview.organisation = solution.organisation
    preview.successor = solution.successor
    return preview


def _published_successor(solution):
    if solution is None or not solution.successor_id:
        return None
    successor = solution.successor
    return successor if successor and successor.is_published else None


def _history(item, solution):
    decisions = ModerationDecision.objects.select_related("decided_by")
    if solution is not None:
        return list(decisions.filter(solution=solution).order_by("-decided_at", "-pk"))
    return list(decisions.filter(item=item).order_by("-decided_at", "-pk"))
