"""Who is told what, and how: the one place that turns events into notifications and e-mails.

Events arrive through model signals (`connect()`, called once from SolutionsConfig.ready), so the
modules that create comments, answers and adoptions need not know about followers:

- a comment is published on a solution: its followers and the editors of its organisation;
- an answer is published to a help request: the asker and the request's followers;
- an organisation starts piloting or using a solution: the editors of the publishing organisation
  and the solution's followers;
- a submission is approved: followers of its organisation, tags and service classes (a follower
  of a main class hears of solutions in its subclasses);
- something enters the moderation queue (a submission, an edit of a published solution, a report,
  a new account's held first post): the coordinators, so that nothing waits unseen;
- a coordinator decides on a solution: solutions.workflow chooses the recipients and calls
  `deliver()` itself.

The person who acted is never told about their own action. `deliver()` stores the notification in
the recipient's language and then follows their NotificationPreference: mail at once (through
kuntajako.mail, after the commit), queue a DigestEntry for `manage.py send_digests`, or nothing.
Every mail carries a signed one-click unsubscribe link and the RFC 8058 List-Unsubscribe headers.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kuntajako.mail import send_templated_mail

UNSUBSCRIBE_SALT = "solutions.notifications.unsubscribe"


# Preferences and unsubscribing


def email_choice(user) -> str:
    from solutions.models import EmailChoice, NotificationPreference

    try:
        return user.notification_preference.email
    except NotificationPreference.DoesNotExist:
        return EmailChoice.IMMEDIATELY


def set_email_choice(user, choice: str) -> None:
    from solutions.models import NotificationPreference

    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email": choice}
    )
    user.notification_preference = preference


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def user_for_token(token: str):
    """The user a token was made for, or None if it was changed or the account is gone."""
    from municipalities.models import User

    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()


def unsubscribe_url(user) -> str:
    """The absolute unsubscribe address, in the recipient's language."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        path = reverse("solutions:follows:unsubscribe", args=[unsubscribe_token(user)])
    return settings.SITE_URL + path


def _mail(user, name: str, context: dict) -> None:
    url = unsubscribe_url(user)
    headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    send_templated_mail(user, name, {**context, "unsubscribe_url": url}, headers=headers)


# Delivery


def _can_receive(user) -> bool:
    return bool(user.is_active and not user.deleted_at)


def deliver(
    recipient, kind: str, title, *, params=None, text: str = "", url=None, mail=None, mail_context=None
):
    """Tell `recipient` in the site and, as they chose, by e-mail; return the Notification.

    `title` is a (lazy) translatable string formatted with `params`, and `url` a path or a callable
    giving one; both are made in the recipient's language. `mail` names a template whose subject and
    body become the e-mail (inside the notification frame with the unsubscribe link); without it the
    e-mail repeats the notification.
    """
    from solutions.models import DigestEntry, EmailChoice, Notification

    if not _can_receive(recipient):
        return None
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        title = str(title) % params if params else str(title)
        link = url() if callable(url) else (url or "")
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, title=title[:300], text=text, url=link
    )
    choice = email_choice(recipient)
    if choice == EmailChoice.IMMEDIATELY:
        context = {"notification": notification, "mail_template": mail, "url": link, **(mail_context or {})}
        _mail(recipient, "notification_mail", context)
    elif choice == EmailChoice.DAILY:
        DigestEntry.objects.create(notification=notification, recipient=recipient)
    return notification


def _deliver_to_all(users, actor, kind, title, **kwargs):
    """Deliver to each distinct user once, never to the actor."""
    actor_pk = getattr(actor, "pk", actor)
    seen = set()
    for user in users:
        if user.pk in seen or user.pk == actor_pk:
            continue
        seen.add(user.pk)
        deliver(user, kind, title, **kwargs)


def _users(query):
    from municipalities.models import User

    return User.objects.filter(query, is_active=True, deleted_at__isnull=True).select_related(
        "notification_preference"
    )


def _editors_of(organisation_id) -> Q:
    """The people who answer for an organisation's solutions: its confirmed editors and admins."""
    from municipalities.models import Membership, MembershipRole, MembershipState

    memberships = Membership.objects.filter(
        organisation_id=organisation_id,
        state=MembershipState.ACTIVE,
        role__in=[MembershipRole.EDITOR, MembershipRole.ADMIN],
        user__email_confirmed_at__isnull=False,
    )
    return Q(pk__in=memberships.values("user_id"))


def _followers(**targets):
    from solutions.models import Subscription

    return Q(pk__in=Subscription.objects.followers_of(**targets).values("user_id"))


# Events


def comment_published(comment) -> None:
    solution = comment.solution
    users = _users(_followers(solution=solution) | _editors_of(solution.organisation_id))
    _deliver_to_all(
        users,
        comment.author_id,
        "comment",
        _("New comment on “%(title)s”"),
        params={"title": solution.title},
        text=comment.body[:500],
        url=comment.get_absolute_url,
    )


def answer_published(answer) -> None:
    help_request = answer.help_request
    users = _users(_followers(help_request=help_request) | Q(pk=help_request.author_id))
    _deliver_to_all(
        users,
        answer.author_id,
        "answer",
        _("New answer to “%(title)s”"),
        params={"title": help_request.title},
        text=answer.body[:500],
        url=answer.get_absolute_url,
    )


def adoption_started(event) -> None:
    from solutions.models import AdoptionStatus

    adoption = event.adoption
    solution = adoption.solution
    if adoption.organisation_id == solution.organisation_id:
        return
    title = (
        _("%(organisation)s uses “%(title)s”")
        if event.status == AdoptionStatus.IN_USE
        else _("%(organisation)s is piloting “%(title)s”")
    )
    users = _users(_followers(solution=solution) | _editors_of(solution.organisation_id))
    for user in users:
        if user.pk == event.changed_by_id:
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
        )


def solution_published(decision) -> None:
    """A submission was approved: tell those who follow its organisation, tags or service classes."""
    solution = decision.solution
    classes = list(solution.service_classes.values_list("pk", "parent_id"))
    class_ids = {pk for pk, _parent in classes} | {parent for _pk, parent in classes if parent}
    followers = _followers(
        organisation=solution.organisation_id,
        tag=list(solution.tags.values_list("pk", flat=True)),
        service_class=list(class_ids),
    )
    # The organisation's own editors and the submitter already hear of it as a decision.
    already_told = _editors_of(solution.organisation_id)
    if decision.item_id and decision.item.submitted_by_id:
        already_told |= Q(pk=decision.item.submitted_by_id)
    users = _users(followers).exclude(already_told)
    _deliver_to_all(
        users,
        decision.decided_by_id,
        "published",
        _("New solution: “%(title)s”"),
        params={"title": solution.title},
        text=solution.summary,
        url=solution.get_absolute_url,
    )


QUEUE_TITLES = {
    "submission": _("Waiting for review: “%(title)s”"),
    "revision": _("Edit waiting for review: “%(title)s”"),
    "report": _("Reported post on “%(title)s”"),
    "held_post": _("First post of a new account waits on “%(title)s”"),
}


def _queue_subject(item):
    """What the queued thing is about, in the words a coordinator knows it by, and an excerpt."""
    from solutions.models import Answer, Comment, HelpRequest, Revision

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


def queue_item_added(item) -> None:
    """A new item waits in the moderation queue: tell every coordinator but the one who queued it."""
    from municipalities.permissions import coordinators

    if item.kind not in QUEUE_TITLES or item.target is None:
        return
    title, text = _queue_subject(item)
    _deliver_to_all(
        coordinators().select_related("notification_preference"),
        item.submitted_by_id,
        "queue",
        QUEUE_TITLES[item.kind],
        params={"title": title},
        text=text[:500],
        url=lambda: reverse("solutions:moderation_review", args=[item.pk]),
    )


# Digests


def send_digests(now=None) -> int:
    """Mail each person their waiting notifications in one e-mail; return how many were mailed.

    Each person's entries are claimed with one UPDATE of the rows still unmailed, so two runs at the
    same time, or one run repeated, never mail a notification twice.
    """
    from municipalities.models import User
    from solutions.models import DigestEntry, EmailChoice

    now = now or timezone.now()
    sent = 0
    recipient_ids = (
        DigestEntry.objects.filter(emailed_at__isnull=True).values_list("recipient_id", flat=True).distinct()
    )
    for user in User.objects.filter(pk__in=list(recipient_ids)).select_related("notification_preference"):
        with transaction.atomic():
            pending = DigestEntry.objects.filter(recipient=user, emailed_at__isnull=True)
            ids = list(pending.values_list("pk", flat=True))
            claimed = DigestEntry.objects.filter(pk__in=ids, emailed_at__isnull=True).update(emailed_at=now)
            if claimed != len(ids):
                # Another run took some of them at the same moment; it mails them.
                transaction.set_rollback(True)
                continue
            if not ids or not _can_receive(user) or email_choice(user) == EmailChoice.NEVER:
                continue
            notifications = [
                entry.notification
                for entry in DigestEntry.objects.filter(pk__in=ids).select_related("notification")
            ]
            _mail(user, "notification_digest", {"notifications": notifications, "count": len(notifications)})
            sent += 1
    return sent


# Signals


def _remember_state(sender, instance, raw=False, update_fields=None, **kwargs):
    from solutions.models import PostState

    instance._was_held = bool(
        not raw
        and instance.pk
        and not instance._state.adding
        and (update_fields is None or "state" in update_fields)
        and sender.objects.filter(pk=instance.pk, state=PostState.HELD).exists()
    )


def _post_saved(sender, instance, created, raw=False, **kwargs):
    from solutions.models import Comment, PostState

    if raw or instance.state != PostState.PUBLISHED:
        return
    if created or getattr(instance, "_was_held", False):
        instance._was_held = False
        if sender is Comment:
            comment_published(instance)
        else:
            answer_published(instance)


def _adoption_event_saved(sender, instance, created, raw=False, **kwargs):
    from solutions.models import AdoptionEvent
    from solutions.models.reuse import REUSE_STATUSES

    if raw or not created or instance.status not in REUSE_STATUSES:
        return
    previous = (
        AdoptionEvent.objects.filter(adoption_id=instance.adoption_id)
        .exclude(pk=instance.pk)
        .order_by("-changed_at", "-pk")
        .values_list("status", flat=True)
        .first()
    )
    if previous != instance.status:
        adoption_started(instance)


def _decision_saved(sender, instance, created, raw=False, **kwargs):
    from solutions.models import Decision, ItemKind

    if raw or not created or instance.decision != Decision.APPROVED or not instance.item_id:
        return
    if instance.item.kind == ItemKind.SUBMISSION and instance.solution_id:
        solution_published(instance)


def _queue_item_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        queue_item_added(instance)


def connect() -> None:
    from solutions.models import AdoptionEvent, Answer, Comment, ModerationDecision, ModerationItem

    for model in (Comment, Answer):
        pre_save.connect(_remember_state, sender=model, dispatch_uid=f"notify_remember_{model.__name__}")
        post_save.connect(_post_saved, sender=model, dispatch_uid=f"notify_post_{model.__name__}")
    post_save.connect(_adoption_event_saved, sender=AdoptionEvent, dispatch_uid="notify_adoption")
    post_save.connect(_decision_saved, sender=ModerationDecision, dispatch_uid="notify_published")
    post_save.connect(_queue_item_saved, sender=ModerationItem, dispatch_uid="notify_queue")
