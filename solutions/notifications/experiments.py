"""Who hears of experiments (solutions.experiments), after the deciding transaction.

- experiment.decided: the organisation's editors and the one who submitted it, with the reason;
- call.opened: followers of the call's service classes (a follower of a main class hears of its
  subclasses).
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuntajako.events import bus
from solutions.models import Decision, ModerationDecision
from solutions.notifications.handlers import _on
from solutions.notifications.services import notifications as delivery
from solutions.notifications.services.notifications import deliver_to_all, editors_of

DECISION_TITLES = {
    Decision.APPROVED: _("Your experiment “%(title)s” is approved"),
    Decision.REJECTED: _("Your experiment “%(title)s” was not approved: read the reason"),
}


def experiment_decided(experiment, event) -> None:
    decision = event.data.get("decision")
    if decision not in DECISION_TITLES:
        return
    record = (
        ModerationDecision.objects.filter(object_id=experiment.pk, decision=decision, item__kind="experiment")
        .order_by("-decided_at", "-pk")
        .first()
    )
    told = editors_of(experiment.organisation_id)
    if experiment.created_by_id:
        told |= Q(pk=experiment.created_by_id)
    deliver_to_all(
        delivery.users(told),
        event.actor_id,
        f"experiment_{decision}",
        DECISION_TITLES[decision],
        params={"title": experiment.title},
        text=record.reason if record else "",
        url=experiment.get_absolute_url,
        event=event,
    )


def call_opened(call, event) -> None:
    classes = list(call.service_classes.values_list("pk", "parent_id"))
    class_ids = {pk for pk, _parent in classes} | {parent for _pk, parent in classes if parent}
    if not class_ids:
        return
    deliver_to_all(
        delivery.users(delivery.followers(service_class=list(class_ids))),
        event.actor_id,
        "experiment_call",
        _("A call for experiments is open: “%(title)s”"),
        params={"title": call.title},
        text=call.theme,
        url=call.get_absolute_url,
        event=event,
    )


SUBSCRIPTIONS = {
    "experiment.decided": experiment_decided,
    "call.opened": call_opened,
}
_HANDLERS = {name: _on(handler) for name, handler in SUBSCRIPTIONS.items()}


def subscribe_all() -> None:
    for name, handler in _HANDLERS.items():
        bus.subscribe(name, handler)
