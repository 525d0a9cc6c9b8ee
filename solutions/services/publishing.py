"""The publishing workflow: every state change of a solution and of the moderation queue.

    draft --submit--> submitted --approve--> published --archive--> archived --restore--> published
                          |--request changes--> changes requested --resubmit--> submitted
                          `--reject (reason required)--> rejected
    published --edit--> pending revision --approve--> published with the new text
                                         `--reject--> published with the old text (revision kept)

Attachments follow the same path: a draft's are added and deleted directly; a published solution's
are added and removed through its pending revision (see "Attachments" below).

Each transition is one function here. It asks `municipalities.permissions` whether the user may,
locks the rows it changes (`select_for_update`, inside `transaction.atomic`), checks the current
state, writes only the fields it changes, appends a ModerationDecision for coordinator decisions and
archiving, and records an event (kuntajako.events) from which the organisation's editors, followers
and coordinators are told after the commit, outside the deciding transaction.
Views only call these functions and show the WorkflowError messages they raise.

Locks are always taken in the order moderation item, solution, revision, so two transitions never
wait for each other in a circle. A decision first locks its ModerationItem and checks that it is
still open, so when two coordinators decide the same item at once exactly one decision is recorded
and the other gets AlreadyDecided, saying who decided and when.

Editors' content travels as a plain dict (`solution_data` / `apply_data`): scalar fields by name,
partner organisations as ids, service classes and life events as codes, tags as names and contacts
as a list of dicts. A pending Revision stores the same dict, so nothing an editor wrote is lost.
"""

import logging
import secrets

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kuntajako.events import bus
from municipalities import permissions
from municipalities.models import Organisation
from solutions.models import (
    Attachment,
    Decision,
    ItemKind,
    ItemState,
    LifeEvent,
    ModerationDecision,
    ModerationItem,
    ModerationState,
    Revision,
    RevisionState,
    ServiceClass,
    Solution,
)

logger = logging.getLogger(__name__)

# States in which the organisation edits the solution itself; a published one is edited by revision.
EDITABLE_STATES = (ModerationState.DRAFT, ModerationState.CHANGES_REQUESTED)
SUBMITTABLE_STATES = EDITABLE_STATES

SCALAR_FIELDS = (
    "title",
    "summary",
    "description",
    "kind",
    "lifecycle",
    "licence",
    "language",
    "repository_url",
    "api_specification_url",
    "api_base_url",
    "documentation_url",
    "demo_url",
    "website_url",
    "connected_systems",
    "context",
    "results",
    "lessons_learned",
    "replaces",
    "adoption_conditions",
)
RELATION_FIELDS = ("successor", "partners", "service_classes", "life_events", "tags", "contacts")
CONTACT_FIELDS = ("name", "role", "email")


# Errors


class WorkflowError(Exception):
    """A transition that cannot happen now; the message is shown to the user as it is."""

    def __init__(self, message=None):
        self.message = str(message or self.default_message())
        super().__init__(self.message)

    def default_message(self):
        return _("This action is not possible in the current state.")


class InvalidTransition(WorkflowError):
    pass


class ReasonRequired(WorkflowError):
    def default_message(self):
        return _("Write the reason: the organisation sees it with the decision.")


class AlreadyDecided(WorkflowError):
    """Someone decided the item first; carries who and when.

    The item must be read after its row lock was granted, without joins: PostgreSQL re-reads only
    the locked row when the lock is released, so a joined decided_by would still be the old NULL.
    """

    def __init__(self, item):
        self.decided_by = item.decided_by
        self.decided_at = item.decided_at
        self.decision = item.decision
        super().__init__()

    def default_message(self):
        values = {
            "name": self.decided_by.public_name if self.decided_by else "",
            "decision": Decision(self.decision).label if self.decision else "",
            "time": formats.date_format(timezone.localtime(self.decided_at), "SHORT_DATETIME_FORMAT"),
        }
        # Whole sentences for both cases: a name slotted into a sentence does not translate well.
        if self.decided_by:
            return _("%(name)s already decided this item (%(decision)s) at %(time)s.") % values
        return _("Another coordinator already decided this item (%(decision)s) at %(time)s.") % values


class AlreadyClaimed(WorkflowError):
    def __init__(self, item):
        self.claimed_by = item.claimed_by
        self.claimed_at = item.claimed_at
        super().__init__()

    def default_message(self):
        return _("%(name)s is already reviewing this item (since %(time)s).") % {
            "name": self.claimed_by.public_name,
            "time": formats.date_format(timezone.localtime(self.claimed_at), "SHORT_DATETIME_FORMAT"),
        }


class StaleVersion(WorkflowError):
    """Someone saved the solution after the editor opened it."""

    def __init__(self, solution):
        self.current = solution
        super().__init__()

    def default_message(self):
        return _(
            "Someone else saved this solution while you were editing it. Your text is shown below and "
            "has not been saved: compare it with the current version and save again."
        )


# Content as data


def solution_data(solution: Solution) -> dict:
    """The editable content of `solution` as a JSON-serialisable dict."""
    data = {name: getattr(solution, name) for name in SCALAR_FIELDS}
    data["successor"] = solution.successor_id
    data["partners"] = sorted(solution.partners.values_list("pk", flat=True))
    data["service_classes"] = sorted(solution.service_classes.values_list("code", flat=True))
    data["life_events"] = sorted(solution.life_events.values_list("code", flat=True))
    data["tags"] = sorted(solution.tags.names())
    data["contacts"] = [
        {name: getattr(contact, name) for name in CONTACT_FIELDS} for contact in solution.contacts.all()
    ]
    return data


def apply_data(solution: Solution, data: dict) -> list[str]:
    """Write `data` onto a saved `solution` and its relations; return the changed column names."""
    changed = []
    for name in SCALAR_FIELDS:
        if name in data and getattr(solution, name) != data[name]:
            setattr(solution, name, data[name])
            changed.append(name)
    if "successor" in data and solution.successor_id != data["successor"]:
        solution.successor_id = data["successor"]
        changed.append("successor")
    if "partners" in data:
        solution.partners.set(Organisation.objects.filter(pk__in=data["partners"]))
    if "service_classes" in data:
        solution.service_classes.set(ServiceClass.objects.filter(code__in=data["service_classes"]))
    if "life_events" in data:
        solution.life_events.set(LifeEvent.objects.filter(code__in=data["life_events"]))
    if "tags" in data:
        solution.tags.set(data["tags"], clear=False)
    if "contacts" in data:
        solution.contacts.all().delete()
        solution.contacts.bulk_create(
            [
                solution.contacts.model(
                    solution=solution, position=position, **{k: c.get(k, "") for k in CONTACT_FIELDS}
                )
                for position, c in enumerate(data["contacts"])
            ]
        )
    return changed


def _unique_slug(title: str, attempt: int = 0) -> str:
    base = slugify(title)[:200] or "solution"
    if attempt:
        # Someone took the free slug at the same moment: step past it with a random suffix.
        base = f"{base[:190]}-{secrets.token_hex(3)}"
    slug, n = base, 2
    while Solution.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Editing


def create_draft(organisation: Organisation, user, data: dict, *, creation_key=None) -> Solution:
    """A new solution of `organisation`, as a draft only its organisation sees.

    `creation_key` (made when the form was opened) makes creating idempotent: the same key again
    returns the solution the first call created. Two drafts with the same title get distinct slugs,
    also when they are created at the same moment.
    """
    permissions.require(user, "create_solution", organisation)
    if creation_key and (
        earlier := Solution.objects.filter(creation_key=creation_key, created_by=user).first()
    ):
        return earlier
    for attempt in range(5):
        try:
            with transaction.atomic():
                solution = Solution(
                    organisation=organisation,
                    created_by=user,
                    creation_key=creation_key or None,
                    moderation_state=ModerationState.DRAFT,
                    slug=_unique_slug(data.get("title", ""), attempt),
                    **{name: data[name] for name in SCALAR_FIELDS if name in data},
                )
                solution.successor_id = data.get("successor")
                solution.save()
                apply_data(solution, {k: v for k, v in data.items() if k in RELATION_FIELDS})
            return solution
        except IntegrityError:
            if creation_key and (earlier := Solution.objects.filter(creation_key=creation_key).first()):
                if earlier.created_by_id != user.pk:
                    raise
                return earlier  # the other send of the same form won the race
    raise InvalidTransition(_("The solution could not be saved. Please try again."))


def save_draft(solution: Solution, user, data: dict, *, expected_version: int | None = None) -> Solution:
    """Save an editor's changes to a solution that is not public (draft or changes requested).

    `expected_version` is the version the editor's form was opened at; if someone saved since,
    StaleVersion is raised and nothing is written.
    """
    permissions.require(user, "edit_solution", solution)
    with transaction.atomic():
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        if locked.moderation_state not in EDITABLE_STATES:
            raise InvalidTransition(_("This solution cannot be edited as a draft now."))
        if expected_version is not None and locked.version != expected_version:
            raise StaleVersion(locked)
        changed = apply_data(locked, data)
        locked.version = F("version") + 1
        locked.save(update_fields=[*changed, "version", "updated_at"])
        locked.refresh_from_db(fields=["version"])
    return locked


def propose_revision(
    solution: Solution, user, data: dict, *, expected_version: int | None = None
) -> Revision:
    """Store an edit of a published solution as a pending revision for the coordinators.

    The published text stays online. A second edit while one is pending updates that revision and
    keeps its place in the queue. A new revision sent after one was not accepted takes over the
    attachment changes of that one, as it took over its text.
    """
    permissions.require(user, "submit_solution", solution)
    now = timezone.now()
    with transaction.atomic():
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        if locked.moderation_state != ModerationState.PUBLISHED:
            raise InvalidTransition(_("Only a published solution is edited through a revision."))
        if expected_version is not None and locked.version != expected_version:
            raise StaleVersion(locked)
        # The edit version counts revisions too, so a second editor saving over a pending revision
        # they had not seen is told, as with drafts, instead of silently replacing it.
        Solution.objects.filter(pk=locked.pk).update(version=F("version") + 1)
        solution.version = locked.version + 1
        revision = Revision.objects.select_for_update().filter(solution=locked).pending().first()
        if revision is not None:
            revision.data = data
            revision.created_by = user
            revision.save(update_fields=["data", "created_by", "updated_at"])
            return revision
        reopened = editable_revision(locked)
        revision = Revision.objects.create(solution=locked, data=data, created_by=user)
        if reopened is not None:
            # The editor continues from an edit that was not accepted (the form opened with its
            # text), so the files it added or removed come along into the new revision.
            Attachment.objects.filter(revision=reopened).update(revision=revision)
            Attachment.objects.filter(removed_in=reopened).update(removed_in=revision)
        enqueue(revision, ItemKind.REVISION, organisation=locked.organisation, submitted_by=user, at=now)
    return revision


def pending_revision(solution: Solution) -> Revision | None:
    return solution.revisions.pending().first()


def editable_revision(solution: Solution) -> Revision | None:
    """The revision an editor continues from: pending, or rejected after the last approval."""
    latest = solution.revisions.order_by("-created_at", "-pk").first()
    if latest and latest.state in (RevisionState.PENDING, RevisionState.REJECTED):
        return latest
    return None


# Attachments
#
# Only attachments without `revision` are public (`Attachment.objects.public()`). On a published
# solution an added file carries the pending revision in `revision`, and a file to be removed carries
# it in `removed_in`; approval makes the first public and deletes the second, rejection and
# withdrawal leave the published files as they are.

ATTACHMENT_DELETED = "deleted"  # deleted at once: a draft's file, or a file an edit had added
ATTACHMENT_MARKED = "marked"  # to be removed when the pending revision is approved


def attachments_for_editor(solution: Solution) -> tuple[Revision | None, list[Attachment]]:
    """(revision, attachments) as the editor works on them, each with `status`.

    For a published solution the revision is the one the editor continues (`editable_revision`), and
    the list holds the public attachments ("public", or "removed" when the revision removes them)
    and the revision's additions ("added"). Otherwise the solution's own attachments, with status "".
    """
    if solution.moderation_state != ModerationState.PUBLISHED:
        attachments = list(solution.attachments.public())
        for attachment in attachments:
            attachment.status = ""
        return None, attachments
    revision = editable_revision(solution)
    attachments = list(solution.attachments.public())
    if revision is not None:
        attachments = sorted(
            [*attachments, *solution.attachments.filter(revision=revision)], key=lambda a: (a.title, a.pk)
        )
    for attachment in attachments:
        if attachment.revision_id is not None:
            attachment.status = "added"
        elif revision is not None and attachment.removed_in_id == revision.pk:
            attachment.status = "removed"
        else:
            attachment.status = "public"
    return revision, attachments


def add_attachment(solution: Solution, user, *, title: str, file, content_type: str) -> Attachment:
    """Add a checked upload: to a draft directly, to a published solution through its pending revision
    (opened if there is none, as an edit of the text would be)."""
    permissions.require(user, "edit_solution", solution)
    with transaction.atomic():
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        if locked.moderation_state in EDITABLE_STATES:
            revision = None
        elif locked.moderation_state == ModerationState.PUBLISHED:
            revision = _revision_for_attachments(locked, user)
        else:
            raise _attachments_fixed()
        return Attachment.objects.create(
            solution=locked,
            revision=revision,
            title=title,
            file=file,
            content_type=content_type,
            size=file.size,
        )


def remove_attachment(solution: Solution, user, attachment_id: int) -> str:
    """Delete a draft's attachment or a file an edit added; mark a published file for removal.

    Returns ATTACHMENT_DELETED or ATTACHMENT_MARKED. A marked file stays public until a coordinator
    approves the revision.
    """
    permissions.require(user, "edit_solution", solution)
    with transaction.atomic():
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        attachment = _locked_attachment(locked, attachment_id)
        if locked.moderation_state in EDITABLE_STATES:
            _delete_attachments([attachment])
            return ATTACHMENT_DELETED
        if locked.moderation_state != ModerationState.PUBLISHED:
            raise _attachments_fixed()
        if attachment.revision_id is not None:
            if attachment.revision_id != getattr(editable_revision(locked), "pk", None):
                raise InvalidTransition(_("This attachment is not part of your edit."))
            _delete_attachments([attachment])
            return ATTACHMENT_DELETED
        attachment.removed_in = _revision_for_attachments(locked, user)
        attachment.save(update_fields=["removed_in"])
        return ATTACHMENT_MARKED


def keep_attachment(solution: Solution, user, attachment_id: int) -> Attachment:
    """Undo a pending removal: the published file stays when the revision is approved."""
    permissions.require(user, "edit_solution", solution)
    with transaction.atomic():
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        attachment = _locked_attachment(locked, attachment_id)
        if locked.moderation_state != ModerationState.PUBLISHED:
            raise _attachments_fixed()
        revision = editable_revision(locked)
        if revision is None or attachment.removed_in_id != revision.pk:
            raise InvalidTransition(_("This attachment is not marked for removal."))
        attachment.removed_in = None
        attachment.save(update_fields=["removed_in"])
        return attachment


def _attachments_fixed():
    return InvalidTransition(_("The attachments of this solution cannot be changed in its current state."))


def _locked_attachment(solution, attachment_id):
    attachment = Attachment.objects.select_for_update().filter(solution=solution, pk=attachment_id).first()
    if attachment is None:
        raise InvalidTransition(_("The attachment no longer exists."))
    return attachment


def _revision_for_attachments(locked: Solution, user) -> Revision:
    """The pending revision of a locked, published solution, opened through `propose_revision` if
    there is none. A new one starts from the text the editor's form shows: that of the edit they
    continue (one not accepted), otherwise the published text."""
    revision = Revision.objects.select_for_update().filter(solution=locked).pending().first()
    if revision is not None:
        return revision
    continued = editable_revision(locked)
    return propose_revision(locked, user, continued.data if continued else solution_data(locked))


def _apply_attachment_changes(revision: Revision) -> None:
    """On approval: the revision's additions become public and the files it removes are deleted."""
    Attachment.objects.filter(revision=revision).update(revision=None)
    _delete_attachments(Attachment.objects.filter(removed_in=revision, revision__isnull=True))


def _delete_attachments(attachments) -> None:
    """Delete the rows now and their files from storage once the transaction has committed."""
    attachments = list(attachments)
    files = [(attachment.file.storage, attachment.file.name) for attachment in attachments if attachment.file]
    Attachment.objects.filter(pk__in=[attachment.pk for attachment in attachments]).delete()
    transaction.on_commit(lambda: _delete_files(files))


def _delete_files(files) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except OSError:
            # The row is gone, so nothing links to the file any more; a leftover only takes space.
            logger.warning("Could not delete attachment file %s", name, exc_info=True)


# Submitting


def submit(solution: Solution, user) -> ModerationItem:
    """Send a draft, or a solution whose changes were requested, to the moderation queue."""
    permissions.require(user, "submit_solution", solution)
    with transaction.atomic():
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        if locked.moderation_state not in SUBMITTABLE_STATES:
            raise InvalidTransition(_("Only a draft or a solution with requested changes can be submitted."))
        locked.moderation_state = ModerationState.SUBMITTED
        locked.version = F("version") + 1
        locked.save(update_fields=["moderation_state", "version", "updated_at"])
        item = enqueue(locked, ItemKind.SUBMISSION, organisation=locked.organisation, submitted_by=user)
    solution.moderation_state = ModerationState.SUBMITTED
    return item


def resubmit(solution: Solution, user) -> ModerationItem:
    """Submit again after the coordinators asked for changes."""
    if solution.moderation_state != ModerationState.CHANGES_REQUESTED:
        raise InvalidTransition(_("Only a solution with requested changes can be resubmitted."))
    return submit(solution, user)


# The queue


def enqueue(target, kind, *, organisation, submitted_by, at=None) -> ModerationItem:
    """Put `target` in the moderation queue, inside the caller's transaction.

    Every kind of item enters here (submissions and revisions from this module, reported and held
    posts from the community app), and each entry is recorded as a "moderation.queued" event, from
    which the coordinators are told after the commit.
    """
    content_type = ContentType.objects.get_for_model(target)
    # A resubmission goes back to the coordinator who asked for the changes, if they were reviewing it.
    reviewer = (
        ModerationItem.objects.filter(
            content_type=content_type,
            object_id=target.pk,
            kind=kind,
            decision=Decision.CHANGES_REQUESTED,
            claimed_by__isnull=False,
        )
        .order_by("-decided_at", "-pk")
        .values_list("claimed_by", flat=True)
        .first()
    )
    now = at or timezone.now()
    item = ModerationItem.objects.create(
        content_type=content_type,
        object_id=target.pk,
        kind=kind,
        organisation=organisation,
        submitted_by=submitted_by,
        submitted_at=now,
        claimed_by_id=reviewer,
        claimed_at=now if reviewer else None,
    )
    bus.record("moderation.queued", target=item, actor=submitted_by)
    return item


# Deciding


def approve(item: ModerationItem, coordinator, reason: str = "") -> ModerationDecision:
    """Publish a submitted solution, or apply a pending revision to its published solution."""
    return _decide(item, coordinator, Decision.APPROVED, reason)


def request_changes(item: ModerationItem, coordinator, reason: str) -> ModerationDecision:
    """Send a submission back to its organisation with what to change (a reason is required)."""
    return _decide(item, coordinator, Decision.CHANGES_REQUESTED, reason, reason_required=True)


def reject(item: ModerationItem, coordinator, reason: str) -> ModerationDecision:
    """Refuse a submission, or a revision (the published text stays); a reason is required."""
    return _decide(item, coordinator, Decision.REJECTED, reason, reason_required=True)


def approve_trusted(item: ModerationItem, user, reason: str) -> ModerationDecision:
    """Publish at once what an organisation a coordinator marked trusted sent (a harvested file):
    the same decision as a coordinator's approval, logged with `user` and `reason`."""
    return _decide(item, user, Decision.APPROVED, reason, action="publish_trusted")


def _decide(item, coordinator, decision, reason, *, reason_required=False, action="decide"):
    permissions.require(coordinator, action, item)
    reason = (reason or "").strip()
    if reason_required and not reason:
        raise ReasonRequired()
    now = timezone.now()
    with transaction.atomic():
        locked = ModerationItem.objects.select_for_update().get(pk=item.pk)
        if locked.state != ItemState.OPEN:
            raise AlreadyDecided(locked)
        if locked.claimed_by_id and locked.claimed_by_id != coordinator.pk:
            # Another coordinator is reviewing it: they decide, or someone takes it over first.
            raise AlreadyClaimed(locked)
        if locked.kind == ItemKind.SUBMISSION:
            solution, target = _decide_submission(locked, decision, now)
        elif locked.kind == ItemKind.REVISION:
            solution, target = _decide_revision(locked, decision, now)
        else:
            raise InvalidTransition(_("This kind of item is decided elsewhere."))
        if permissions.is_own_submission(coordinator, locked):
            logger.warning(
                "Coordinator %s decided (%s) on their own organisation's item %s: no other coordinator",
                coordinator.pk,
                decision,
                locked.pk,
            )
        _close(locked, coordinator, decision, now)
        record = _log(locked, target, solution, decision, reason, coordinator, now)
        bus.record("solution.decided", target=record, actor=coordinator, kind=locked.kind)
    item.state, item.decision, item.decided_at, item.decided_by = (
        locked.state,
        decision,
        now,
        coordinator,
    )
    return record


def _decide_submission(item, decision, now):
    solution = Solution.objects.select_for_update().get(pk=item.object_id)
    if solution.moderation_state != ModerationState.SUBMITTED:
        raise InvalidTransition(_("The solution is no longer waiting for review."))
    fields = ["moderation_state", "version", "updated_at"]
    solution.moderation_state = {
        Decision.APPROVED: ModerationState.PUBLISHED,
        Decision.CHANGES_REQUESTED: ModerationState.CHANGES_REQUESTED,
        Decision.REJECTED: ModerationState.REJECTED,
    }[decision]
    if decision == Decision.APPROVED and solution.published_at is None:
        solution.published_at = now
        fields.append("published_at")
    solution.version = F("version") + 1
    solution.save(update_fields=fields)
    solution.refresh_from_db(fields=["version"])
    return solution, solution


def _decide_revision(item, decision, now):
    revision = Revision.objects.get(pk=item.object_id)
    solution = Solution.objects.select_for_update().get(pk=revision.solution_id)
    revision = Revision.objects.select_for_update().get(pk=revision.pk)
    if revision.state != RevisionState.PENDING:
        raise InvalidTransition(_("The revision is no longer waiting for review."))
    if decision == Decision.CHANGES_REQUESTED:
        raise InvalidTransition(
            _("A revision is approved or rejected; the reason of a rejection tells what to change.")
        )
    if decision == Decision.APPROVED:
        if solution.moderation_state != ModerationState.PUBLISHED:
            raise InvalidTransition(_("The solution is no longer published."))
        changed = apply_data(solution, revision.data)
        solution.version = F("version") + 1
        solution.save(update_fields=[*changed, "version", "updated_at"])
        solution.refresh_from_db(fields=["version"])
        _apply_attachment_changes(revision)
        revision.state = RevisionState.APPROVED
    else:
        # The published attachments stay as they are; the files the edit added or marked for
        # removal stay with the rejected revision, to come along if the editor sends it again.
        revision.state = RevisionState.REJECTED
    revision.decided_at = now
    revision.save(update_fields=["state", "decided_at", "updated_at"])
    return solution, revision


def _close(item, user, decision, now):
    item.state = ItemState.DECIDED
    item.decision = decision
    item.decided_by = user
    item.decided_at = now
    item.save(update_fields=["state", "decision", "decided_by", "decided_at"])


def _log(item, target, solution, decision, reason, user, now):
    return ModerationDecision.objects.create(
        item=item,
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        solution=solution,
        organisation_id=solution.organisation_id,
        decision=decision,
        reason=reason,
        decided_by=user,
        decided_at=now,
    )


# Archiving


def archive(solution: Solution, user, reason: str = "") -> ModerationDecision:
    """Take a published solution out of lists and search; its page stays and says it is archived.

    A revision still waiting for review is withdrawn with it; the files it would have added or removed
    stay with it, and the published attachments as they are.
    """
    permissions.require(user, "archive_solution", solution)
    now = timezone.now()
    with transaction.atomic():
        open_items = list(
            ModerationItem.objects.select_for_update()
            .filter(
                kind=ItemKind.REVISION,
                state=ItemState.OPEN,
                object_id__in=Revision.objects.filter(solution=solution).pending().values("pk"),
            )
            .order_by("pk")
        )
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        if locked.moderation_state != ModerationState.PUBLISHED:
            raise InvalidTransition(_("Only a published solution can be archived."))
        for item in open_items:
            Revision.objects.filter(pk=item.object_id).update(
                state=RevisionState.WITHDRAWN, decided_at=now, updated_at=now
            )
            _close(item, user, Decision.WITHDRAWN, now)
            _log(item, Revision(pk=item.object_id), locked, Decision.WITHDRAWN, "", user, now)
        locked.moderation_state = ModerationState.ARCHIVED
        locked.version = F("version") + 1
        locked.save(update_fields=["moderation_state", "version", "updated_at"])
        record = _log(None, locked, locked, Decision.ARCHIVED, (reason or "").strip(), user, now)
        bus.record("solution.decided", target=record, actor=user, kind=ItemKind.SUBMISSION)
    solution.moderation_state = ModerationState.ARCHIVED
    return record


def restore(solution: Solution, user, reason: str = "") -> ModerationDecision:
    """Bring an archived solution back to lists and search, with its original publication date."""
    permissions.require(user, "archive_solution", solution)
    now = timezone.now()
    with transaction.atomic():
        locked = Solution.objects.select_for_update().get(pk=solution.pk)
        if locked.moderation_state != ModerationState.ARCHIVED:
            raise InvalidTransition(_("Only an archived solution can be restored."))
        locked.moderation_state = ModerationState.PUBLISHED
        locked.version = F("version") + 1
        locked.save(update_fields=["moderation_state", "version", "updated_at"])
        record = _log(None, locked, locked, Decision.RESTORED, (reason or "").strip(), user, now)
        bus.record("solution.decided", target=record, actor=user, kind=ItemKind.SUBMISSION)
    solution.moderation_state = ModerationState.PUBLISHED
    return record


# Claiming


def claim(item: ModerationItem, coordinator, *, take_over: bool = False) -> ModerationItem:
    """Mark an open item as being reviewed by `coordinator`, so others pick another one."""
    permissions.require(coordinator, "claim", item)
    with transaction.atomic():
        locked = ModerationItem.objects.select_for_update().get(pk=item.pk)
        if locked.state != ItemState.OPEN:
            raise AlreadyDecided(locked)
        if locked.claimed_by_id and locked.claimed_by_id != coordinator.pk and not take_over:
            raise AlreadyClaimed(locked)
        locked.claimed_by = coordinator
        locked.claimed_at = timezone.now()
        locked.save(update_fields=["claimed_by", "claimed_at"])
    item.claimed_by, item.claimed_at = locked.claimed_by, locked.claimed_at
    return locked


def release(item: ModerationItem, coordinator) -> ModerationItem:
    """Give an item claimed by `coordinator` back to the queue."""
    permissions.require(coordinator, "claim", item)
    with transaction.atomic():
        locked = ModerationItem.objects.select_for_update().get(pk=item.pk)
        if locked.claimed_by_id != coordinator.pk:
            raise InvalidTransition(_("You have not claimed this item."))
        locked.claimed_by = None
        locked.claimed_at = None
        locked.save(update_fields=["claimed_by", "claimed_at"])
    item.claimed_by, item.claimed_at = None, None
    return locked


# Telling people
