"""Importing a publiccode.yml: a new draft, an updated draft, or an edit of a published solution.

Every change goes through solutions.services.publishing, so the moderation queue sees imports as it
sees the editor's work: a new solution is a draft that its organisation submits, and a published one
gets a revision with the usual field diff. The document itself is kept beside the solution
(PubliccodeDocument) — for a revision in `pending`, until a coordinator approves it (see events.py).

A solution is found again by its repository address within the organisation (or through the
harvested repository that created it).
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from solutions.models import ModerationState, Solution
from solutions.opencode.models import Outcome, PubliccodeDocument
from solutions.opencode.publiccode import mapping
from solutions.opencode.publiccode.validator import Report, validate
from solutions.services import publishing
from solutions.services.publishing import WorkflowError


class InvalidPubliccode(WorkflowError):
    def __init__(self, report: Report):
        self.report = report
        super().__init__(_("The publiccode.yml file is not valid; nothing was imported."))


class AwaitingReview(WorkflowError):
    def default_message(self):
        return _("The solution is waiting for a review; import again after the decision.")


@dataclass
class ImportResult:
    solution: Solution
    outcome: str
    report: Report
    notes: list[str] = field(default_factory=list)
    revision: object = None


def find_solution(organisation, repository_url: str) -> Solution | None:
    if not repository_url:
        return None
    return (
        organisation.solutions.filter(repository_url=repository_url)
        .exclude(moderation_state__in=(ModerationState.REJECTED, ModerationState.ARCHIVED))
        .order_by("pk")
        .first()
    )


def import_publiccode(organisation, user, text, *, solution: Solution | None = None) -> ImportResult:
    """Validate `text` and bring it into the catalogue for `organisation`; raise InvalidPubliccode
    (with the report) when it is not valid, WorkflowError when the solution waits for a review."""
    permissions.require(user, "import_publiccode", organisation)
    report = validate(text)
    if not report.valid:
        raise InvalidPubliccode(report)
    document = report.document
    data, notes = mapping.to_data(document)
    with transaction.atomic():
        if solution is None or solution.moderation_state in (
            ModerationState.REJECTED,
            ModerationState.ARCHIVED,
        ):
            solution = find_solution(organisation, data["repository_url"])
        if solution is None:
            solution = publishing.create_draft(organisation, user, data)
            PubliccodeDocument.objects.create(solution=solution, document=document)
            outcome = Outcome.CREATED
            revision = None
        else:
            outcome, revision = _update(solution, user, data, document)
        bus.record("publiccode.imported", target=solution, actor=user, outcome=outcome)
    return ImportResult(solution=solution, outcome=outcome, report=report, notes=notes, revision=revision)


def _update(solution, user, data, document):
    stored = PubliccodeDocument.objects.select_for_update().filter(solution=solution).first()
    if stored is None:
        stored = PubliccodeDocument(solution=solution, document={})
    state = solution.moderation_state
    if state in publishing.EDITABLE_STATES:
        if stored.document == document and _unchanged(solution, data):
            return Outcome.UNCHANGED, None
        publishing.save_draft(solution, user, data)
        stored.document = document
        stored.save()
        return Outcome.UPDATED, None
    if state != ModerationState.PUBLISHED:
        raise AwaitingReview()
    pending = publishing.pending_revision(solution)
    current = pending.data if pending else publishing.solution_data(solution)
    current_document = stored.pending if pending and stored.pending is not None else stored.document
    if current_document == document and _unchanged_data(current, data):
        return Outcome.UNCHANGED, None
    revision = publishing.propose_revision(solution, user, {**current, **data})
    stored.pending = document
    stored.pending_revision = revision
    stored.save()
    return Outcome.REVISION, revision


def _unchanged(solution, data) -> bool:
    return _unchanged_data(publishing.solution_data(solution), data)


def _unchanged_data(current: dict, data: dict) -> bool:
    return all(current.get(name) == value for name, value in data.items())


def promote_pending(revision) -> None:
    """On approval of `revision`, its document becomes the solution's document."""
    stored = PubliccodeDocument.objects.select_for_update().filter(pending_revision=revision).first()
    if stored is not None and stored.pending is not None:
        stored.document = stored.pending
        stored.pending = None
        stored.pending_revision = None
        stored.save(update_fields=["document", "pending", "pending_revision", "updated_at"])


def export_document(solution: Solution, url: str) -> dict:
    """The publiccode.yml document of a published solution, as exported."""
    stored = PubliccodeDocument.objects.filter(solution=solution).values_list("document", flat=True).first()
    return mapping.to_document(
        publishing.solution_data(solution),
        stored=stored or None,
        url=url,
        organisation_name=solution.organisation.name_fi,
    )
