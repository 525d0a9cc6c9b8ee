"""Who is told of what: the handlers of domain events (kuntajako.events) that notify people.

Each handler runs in the worker after the event's transaction committed, and passes the event to
`deliver`, so that running it again never notifies twice. The person who acted is never told of
their own action.

- solution.decided (a coordinator decided on a submission or an edit; an editor archived or restored):
  the organisation's editors and whoever submitted; on approval of a new solution also the followers
  of its organisation, tags and service classes (a follower of a main class hears of its subclasses);
- moderation.queued (a submission, an edit, a report, a new account's held first post): every
  coordinator, so that nothing waits unseen;
- post.published (a comment or an answer appears): the solution's followers and its organisation's
  editors, or the asker and the help request's followers;
- adoption.started (an organisation starts piloting or using a solution): the publisher's editors and
  the solution's followers;
- harvest.invalidated (a harvested publiccode.yml stopped validating): the organisation's editors and
  whoever registered the repository;
- initiative.proposed: the followers of the proposing organisation and of its service classes;
- initiative.status_changed, initiative.updated, initiative.partner_offered,
  initiative.partner_confirmed, initiative.message_posted (solutions.initiatives): the initiative's
  followers and the editors of its confirmed partners; an offer waiting for confirmation also the
  offering organisation's admins; a message for the partners only reaches only them.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntajako.events import bus
from municipalities.models import Membership, MembershipRole, MembershipState
from municipalities.permissions import coordinators
from solutions.community.models import AdoptionStatus, Answer, Comment, HelpRequest
from solutions.initiatives.models import InitiativeStatus, PartnerState
from solutions.models import Decision, ItemKind, Revision
from solutions.notifications.services import notifications as delivery
from solutions.notifications.services.notifications import deliver, deliver_to_all, editors_of


def comment_published(comment, event) -> None:
    solution = comment.solution
    users = delivery.users(delivery.followers(solution=solution) | editors_of(solution.organisation_id))
    deliver_to_all(
        users,
        comment.author_id,
        "comment",
        _("New comment on “%(title)s”"),
        params={"title": solution.title},
        text=comment.body[:500],
        url=comment.get_absolute_url,
        event=event,
    )


def answer_published(answer, event) -> None:
    help_request = answer.help_request
    users = delivery.users(delivery.followers(help_request=help_request) | Q(pk=help_request.author_id))
    deliver_to_all(
        users,
        answer.author_id,
        "answer",
        _("New answer to “%(title)s”"),
        params={"title": help_request.title},
        text=answer.body[:500],
        url=answer.get_absolute_url,
        event=event,
    )


def adoption_started(adoption_event, event) -> None:

    adoption = adoption_event.adoption
    solution = adoption.solution
    if adoption.organisation_id == solution.organisation_id:
        return
    title = (
        _("%(organisation)s uses “%(title)s”")
        if adoption_event.status == AdoptionStatus.IN_USE
        else _("%(organisation)s is piloting “%(title)s”")
    )
    users = delivery.users(delivery.followers(solution=solution) | editors_of(solution.organisation_id))
    for user in users:
        if user.pk == adoption_event.changed_by_id:
            continue
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            params = {"organisation": adoption.organisation.name, "title": solution.title}
        deliver(
            user,
            "adoption",
            title,
            params=params,
            text=adoption.experience[:500],
            url=solution.get_absolute_url,
            event=event,
        )


def solution_published(decision, event) -> None:
    """A submission was approved: tell those who follow its organisation, tags or service classes."""
    solution = decision.solution
    classes = list(solution.service_classes.values_list("pk", "parent_id"))
    class_ids = {pk for pk, _parent in classes} | {parent for _pk, parent in classes if parent}
    following = delivery.followers(
        organisation=solution.organisation_id,
        tag=list(solution.tags.values_list("pk", flat=True)),
        service_class=list(class_ids),
    )
    # The organisation's own editors and the submitter already hear of it as a decision.
    already_told = editors_of(solution.organisation_id)
    if decision.item_id and decision.item.submitted_by_id:
        already_told |= Q(pk=decision.item.submitted_by_id)
    users = delivery.users(following).exclude(already_told)
    deliver_to_all(
        users,
        decision.decided_by_id,
        "published",
        _("New solution: “%(title)s”"),
        params={"title": solution.title},
        text=solution.summary,
        url=solution.get_absolute_url,
        event=event,
    )


QUEUE_TITLES = {
    "submission": _("Waiting for review: “%(title)s”"),
    "revision": _("Edit waiting for review: “%(title)s”"),
    "report": _("Reported post on “%(title)s”"),
    "held_post": _("First post of a new account waits on “%(title)s”"),
}


def _queue_subject(item):
    """What the queued thing is about, in the words a coordinator knows it by, and an excerpt."""

    target = item.target
    if isinstance(target, Revision):
        return target.solution.title, target.solution.summary
    if isinstance(target, Comment):
        return target.solution.title, target.body
    if isinstance(target, Answer):
        return target.help_request.title, target.body
    if isinstance(target, HelpRequest):
        return target.title, target.question
    return getattr(target, "title", str(target)), getattr(target, "summary", "")


def queue_item_added(item, event) -> None:
    """A new item waits in the moderation queue: tell every coordinator but the one who queued it."""

    if item.kind not in QUEUE_TITLES or item.target is None:
        return
    title, text = _queue_subject(item)
    deliver_to_all(
        coordinators().select_related("notification_preference"),
        item.submitted_by_id,
        "queue",
        QUEUE_TITLES[item.kind],
        params={"title": title},
        text=text[:500],
        url=lambda: reverse("solutions:moderation_review", args=[item.pk]),
        event=event,
    )


DECISION_TITLES = {
    (ItemKind.SUBMISSION, Decision.APPROVED): _("“%(title)s” is published"),
    (ItemKind.SUBMISSION, Decision.CHANGES_REQUESTED): _("Changes requested to “%(title)s”"),
    (ItemKind.SUBMISSION, Decision.REJECTED): _("“%(title)s” was not accepted"),
    (ItemKind.REVISION, Decision.APPROVED): _("Your edit of “%(title)s” is published"),
    (ItemKind.REVISION, Decision.REJECTED): _("Your edit of “%(title)s” was not accepted"),
    (ItemKind.SUBMISSION, Decision.ARCHIVED): _("“%(title)s” was archived"),
    (ItemKind.SUBMISSION, Decision.RESTORED): _("“%(title)s” was restored"),
}


def decision_made(record, event) -> None:
    """Tell the organisation's editors, and whoever submitted, what was decided and why."""
    kind = event.data.get("kind")
    title_template = DECISION_TITLES.get((kind, record.decision))
    if title_template is None:
        return
    solution = record.solution
    told = Q(pk__in=[])
    told |= editors_of(solution.organisation_id) & Q(email_confirmed_at__isnull=False)
    # Whoever submitted hears of it even if they have since lost the editor role.
    if record.item_id and record.item.submitted_by_id:
        told |= Q(pk=record.item.submitted_by_id)
    deliver_to_all(
        delivery.users(told),
        event.actor_id,
        f"moderation_{record.decision}",
        title_template,
        params={"title": solution.title},
        text=record.reason,
        url=lambda: reverse("solutions:editor:edit", args=[solution.slug]),
        mail=f"moderation_{record.decision}",
        mail_context={
            "solution": solution,
            "decision": record,
            "reason": record.reason,
            "is_revision": kind == ItemKind.REVISION,
        },
        event=event,
    )
    if record.decision == Decision.APPROVED and kind == ItemKind.SUBMISSION:
        solution_published(record, event)


def harvest_invalidated(log, event) -> None:
    """A harvested publiccode.yml stopped validating: tell the organisation's editors and whoever
    registered the repository, with the first messages and a link to the status page."""
    source = log.source
    told = editors_of(source.organisation_id) & Q(email_confirmed_at__isnull=False)
    if source.added_by_id:
        told |= Q(pk=source.added_by_id)
    errors = [m for m in log.messages if m.get("level") == "error"][:5]
    deliver_to_all(
        delivery.users(told),
        None,
        "harvest_invalid",
        _("The publiccode.yml of %(url)s is no longer valid"),
        params={"url": source.url},
        text="\n".join(f"{m['line']}:{m['column']} {m['key']}: {m['text']}" for m in errors),
        url=lambda: reverse("opencode:harvest_status", args=[source.organisation.slug]),
        event=event,
    )


def _initiative_people(initiative, *, followers=True) -> Q:
    """The editors and admins of the initiative's confirmed partners, and its followers."""
    partners = list(
        initiative.partners.filter(state=PartnerState.CONFIRMED).values_list("organisation_id", flat=True)
    )
    told = Q(pk__in=[])
    for organisation_id in partners:
        told |= editors_of(organisation_id)
    if followers:
        told |= delivery.followers(initiative=initiative)
    return told


def initiative_proposed(initiative, event) -> None:
    """A new need: those who follow the proposing organisation or its service classes hear of it."""
    classes = list(initiative.service_classes.values_list("pk", "parent_id"))
    class_ids = {pk for pk, _parent in classes} | {parent for _pk, parent in classes if parent}
    following = delivery.followers(organisation=initiative.organisation_id, service_class=list(class_ids))
    deliver_to_all(
        delivery.users(following),
        event.actor_id,
        "initiative",
        _("New development initiative: “%(title)s”"),
        params={"title": initiative.title},
        text=initiative.problem[:500],
        url=initiative.get_absolute_url,
        event=event,
    )


INITIATIVE_STATUS_TITLES = {
    InitiativeStatus.AGREED: _("The partners agreed on “%(title)s”"),
    InitiativeStatus.IN_DEVELOPMENT: _("“%(title)s” is in development"),
    InitiativeStatus.DELIVERED: _("“%(title)s” is delivered"),
    InitiativeStatus.CLOSED: _("“%(title)s” was closed"),
}


def initiative_status_changed(initiative, event) -> None:
    title = INITIATIVE_STATUS_TITLES.get(event.data.get("status"))
    if title is None:
        return
    deliver_to_all(
        delivery.users(_initiative_people(initiative)),
        event.actor_id,
        "initiative",
        title,
        params={"title": initiative.title},
        text=event.data.get("reason", ""),
        url=initiative.get_absolute_url,
        event=event,
    )


def initiative_updated(update, event) -> None:
    initiative = update.initiative
    deliver_to_all(
        delivery.users(_initiative_people(initiative)),
        update.author_id,
        "initiative",
        _("New update on “%(title)s”"),
        params={"title": initiative.title},
        text=update.body[:500],
        url=update.get_absolute_url,
        event=event,
    )


def initiative_partner_offered(partner, event) -> None:
    """An organisation offered its part: its admins confirm it, the proposer hears of it."""
    initiative = partner.initiative
    admins = Q(
        pk__in=Membership.objects.filter(
            organisation_id=partner.organisation_id, state=MembershipState.ACTIVE, role=MembershipRole.ADMIN
        ).values("user_id")
    )
    if partner.state == PartnerState.PENDING:
        deliver_to_all(
            delivery.users(admins),
            event.actor_id,
            "initiative",
            _("Confirm the commitment of %(organisation)s to “%(title)s”"),
            params={"organisation": partner.organisation.name, "title": initiative.title},
            text=partner.commitment[:500],
            url=initiative.get_absolute_url,
            event=event,
        )


def initiative_partner_confirmed(partner, event) -> None:
    initiative = partner.initiative
    deliver_to_all(
        delivery.users(_initiative_people(initiative)),
        event.actor_id,
        "initiative",
        _("%(organisation)s joined “%(title)s”"),
        params={"organisation": partner.organisation.name, "title": initiative.title},
        text=partner.commitment[:500],
        url=initiative.get_absolute_url,
        event=event,
    )


def initiative_message_posted(message, event) -> None:
    initiative = message.initiative
    # A message for the partners only reaches only them, whoever else follows the initiative.
    told = _initiative_people(initiative, followers=not message.partners_only)
    deliver_to_all(
        delivery.users(told),
        message.author_id,
        "initiative",
        _("New message on “%(title)s”"),
        params={"title": initiative.title},
        text=message.body[:500],
        url=message.get_absolute_url,
        event=event,
    )


def post_published(post, event) -> None:
    if isinstance(post, Comment):
        comment_published(post, event)
    elif isinstance(post, Answer):
        answer_published(post, event)


def _on(handler):
    """Adapt a handler of a target to a handler of the event (the target may be gone by now)."""

    def handle(event):
        target = event.target
        if target is not None:
            handler(target, event)

    handle.__name__ = handler.__name__
    return handle


SUBSCRIPTIONS = {
    "solution.decided": decision_made,
    "moderation.queued": queue_item_added,
    "post.published": post_published,
    "adoption.started": adoption_started,
    "harvest.invalidated": harvest_invalidated,
    "initiative.proposed": initiative_proposed,
    "initiative.status_changed": initiative_status_changed,
    "initiative.updated": initiative_updated,
    "initiative.partner_offered": initiative_partner_offered,
    "initiative.partner_confirmed": initiative_partner_confirmed,
    "initiative.message_posted": initiative_message_posted,
}
_HANDLERS = {name: _on(handler) for name, handler in SUBSCRIPTIONS.items()}


def subscribe_all() -> None:
    for name, handler in _HANDLERS.items():
        bus.subscribe(name, handler)
