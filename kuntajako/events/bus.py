"""Record what happened inside the deciding transaction; tell people about it after the commit.

A service function changes state inside `transaction.atomic()` and calls `record(name, ...)` there:
the Event row commits with the change or not at all. Once the transaction commits, a background
task (`fan_out`, through django-tasks) runs every handler subscribed to the event's name. So a
decision holds its row locks only for its own writes, and notifying a thousand followers or a slow
mail server can neither slow nor undo it.

Handlers run together in one transaction of their own and the event is then marked handled: if a
handler fails, nothing of the fan-out is kept and the task can be run again (`manage.py
handle_events` picks up every event still unhandled); a task that runs again for an event already
handled does nothing. Handlers write their notification rows with a unique (event, recipient)
pair, so a retry never notifies anyone twice.

Apps subscribe in their AppConfig.ready(): `bus.subscribe("comment.published", handler)`. Names
are "<concept>.<what happened>", past tense.
"""

import logging
from collections import defaultdict
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kuntajako.events.models import Event

logger = logging.getLogger(__name__)

HANDLERS: dict[str, list[Callable[[Event], None]]] = defaultdict(list)


def subscribe(name: str, handler: Callable[[Event], None]) -> None:
    if handler not in HANDLERS[name]:
        HANDLERS[name].append(handler)


def record(name: str, *, target=None, actor=None, **data) -> Event:
    """Append an event in the current transaction and hand it to the worker after the commit."""
    event = Event.objects.create(
        name=name,
        actor=actor if getattr(actor, "pk", None) else None,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=target.pk if target is not None else None,
        data=data,
    )
    transaction.on_commit(lambda: fan_out.enqueue(event.pk))
    return event


@task()
def fan_out(event_id: int) -> None:
    handle(event_id)


def handle(event_id: int) -> bool:
    """Run the handlers of one event once; False when it had been handled already."""
    with transaction.atomic():
        event = Event.objects.select_for_update().filter(pk=event_id).first()
        if event is None or event.handled_at is not None:
            return False
        for handler in HANDLERS.get(event.name, ()):
            handler(event)
        event.handled_at = timezone.now()
        event.save(update_fields=["handled_at"])
    return True


def handle_pending(limit: int | None = None) -> int:
    """Handle every event still unhandled, oldest first (after a failed task); return how many."""
    ids = Event.objects.unhandled().order_by("created_at", "pk").values_list("pk", flat=True)
    handled = 0
    for event_id in list(ids[:limit] if limit else ids):
        try:
            handled += handle(event_id)
        except Exception:
            logger.exception("Handling event %s failed; it stays unhandled", event_id)
    return handled
