"""Who hears of news, blog posts and events (solutions.news), after the deciding transaction.

- moderation.queued of kind "news": every coordinator but the one who queued it;
- news.decided: the organisation's editors and the author, with the reason;
- news.published: followers of the organisation and of the item's service classes (a follower of a
  main class hears of its subclasses), so following a topic brings its events; those told of the
  decision already are not told twice.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuntajako.events import bus
from municipalities.permissions import coordinators
from solutions.models import Decision
from solutions.news.models import QUEUE_KIND, Event
from solutions.notifications.handlers import _on
from solutions.notifications.services import notifications as delivery
from solutions.notifications.services.notifications import deliver_to_all, editors_of


def news_queued(item, event) -> None:
    target = item.target
    if item.kind != QUEUE_KIND or target is None:
        return
    title = (
        _("Event waiting for review: “%(title)s”")
        if isinstance(target, Event)
        else _("News waiting for review: “%(title)s”")
    )
    deliver_to_all(
        coordinators().select_related("notification_preference"),
        item.submitted_by_id,
        "queue",
        title,
        params={"title": target.title},
        text=target.summary,
        url=lambda: reverse("news:review", args=[item.pk]),
        event=event,
    )


DECISION_TITLES = {
    Decision.APPROVED: _("“%(title)s” is published"),
    Decision.REJECTED: _("“%(title)s” was not published: read the reason"),
}


def news_decided(record, event) -> None:
    target = record.target
    if target is None or record.decision not in DECISION_TITLES:
        return
    told = editors_of(target.organisation_id)
    if target.author_id:
        told |= Q(pk=target.author_id)
    deliver_to_all(
        delivery.users(told),
        event.actor_id,
        f"news_{record.decision}",
        DECISION_TITLES[record.decision],
        params={"title": target.title},
        text=record.reason,
        url=target.get_edit_url,
        event=event,
    )


def news_published(item, event) -> None:
    classes = list(item.service_classes.values_list("pk", "parent_id"))
    class_ids = {pk for pk, _parent in classes} | {parent for _pk, parent in classes if parent}
    following = delivery.followers(organisation=item.organisation_id, service_class=list(class_ids))
    already_told = editors_of(item.organisation_id)
    if item.author_id:
        already_told |= Q(pk=item.author_id)
    title = _("New event: “%(title)s”") if isinstance(item, Event) else _("News: “%(title)s”")
    deliver_to_all(
        delivery.users(following).exclude(already_told),
        event.actor_id,
        "news_event" if isinstance(item, Event) else "news",
        title,
        params={"title": item.title},
        text=item.summary,
        url=item.get_absolute_url,
        event=event,
    )


SUBSCRIPTIONS = {
    "moderation.queued": news_queued,
    "news.decided": news_decided,
    "news.published": news_published,
}
_HANDLERS = {name: _on(handler) for name, handler in SUBSCRIPTIONS.items()}


def subscribe_all() -> None:
    for name, handler in _HANDLERS.items():
        bus.subscribe(name, handler)
