"""Mail about memberships, sent by the event worker after the change committed (kuntajako.events).

Each handler writes to the person concerned in their own language; whether they may be mailed at all
is kuntajako.mail's `mailable`, the one answer to that question.
"""

from kuntajako.events import bus
from kuntajako.mail import mailable, send_templated_mail
from municipalities.models import User
from municipalities.services.membership import deciders


def _send(person, name, context):
    if mailable(person):
        send_templated_mail(person, name, context)


def membership_requested(event):
    membership = event.target
    if membership is None:
        return  # withdrawn before the worker came to it
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "requester": membership.user,
        "message": membership.request_message,
    }
    for person in deciders(membership.organisation):
        _send(person, "membership_requested", context)


def membership_decided(event):
    membership = event.target
    if membership is None:
        return
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "message": membership.decision_message,
    }
    _send(membership.user, event.data["mail"], context)


def membership_role_changed(event):
    membership = event.target
    if membership is None:
        return
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "role": membership.get_role_display(),
    }
    _send(membership.user, "membership_role_changed", context)


def membership_removed(event):
    person = User.objects.filter(pk=event.data["user"]).first()
    if person is not None and event.target is not None:
        _send(person, "membership_removed", {"organisation": event.target})


def subscribe_all() -> None:
    bus.subscribe("membership.requested", membership_requested)
    bus.subscribe("membership.decided", membership_decided)
    bus.subscribe("membership.role_changed", membership_role_changed)
    bus.subscribe("membership.removed", membership_removed)
