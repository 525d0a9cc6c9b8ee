"""The state changes of reuse, each one guarded function: views check permission, then call these.

`record_adoption` creates or updates an organisation's adoption and logs every status change as an
AdoptionEvent in the same transaction; stopping drops the organisation's referents for the solution,
since they no longer use it (the publisher's referents stay). `ask_referents` logs the message,
refuses past the daily limit, and mails each referent in their own language after the commit;
`send_site_message` is that path for any message a member sends to people through the site.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from kuntajako.events import bus
from kuntajako.mail import send_templated_mail
from municipalities.permissions import roles
from solutions.community.models import (
    REUSE_STATUSES,
    Adoption,
    AdoptionEvent,
    AdoptionStatus,
    Referent,
    ReferentMessage,
)

MESSAGES_PER_DAY = 5
ADOPTION_FIELDS = ("status", "since", "experience", "savings_euros_per_year", "savings_hours_per_year")


def record_adoption(*, organisation, solution, user, data: dict, note: str = "") -> Adoption:
    """Create or update the adoption from validated form data; log the status change."""
    values = {name: data.get(name) for name in ADOPTION_FIELDS}
    values["experience"] = values["experience"] or ""
    with transaction.atomic():
        adoption, created = Adoption.objects.select_for_update().get_or_create(
            organisation=organisation, solution=solution, defaults={**values, "updated_by": user}
        )
        previous = None if created else adoption.status
        if not created:
            for name, value in values.items():
                setattr(adoption, name, value)
            adoption.updated_by = user
            adoption.save(update_fields=[*ADOPTION_FIELDS, "updated_by", "updated_at"])
        if created or previous != adoption.status or note:
            event = AdoptionEvent.objects.create(
                adoption=adoption, status=adoption.status, changed_by=user, note=note
            )
            if adoption.status in REUSE_STATUSES and previous != adoption.status:
                bus.record("adoption.started", target=event, actor=user)
        if adoption.status == AdoptionStatus.STOPPED and previous != AdoptionStatus.STOPPED:
            Referent.objects.filter(organisation=organisation, solution=solution).delete()
    return adoption


def volunteer(*, user, organisation, solution) -> Referent:
    referent, _ = Referent.objects.get_or_create(user=user, organisation=organisation, solution=solution)
    return referent


def stop_volunteering(*, user, organisation, solution) -> None:
    Referent.objects.filter(user=user, organisation=organisation, solution=solution).delete()


def recipients_for(solution, sender):
    """The referents a sender reaches: everyone able to answer, except the sender's own colleagues."""
    return (
        Referent.objects.active()
        .filter(solution=solution)
        .exclude(organisation_id__in=list(roles(sender)))
        .exclude(user=sender)
        .select_related("user", "organisation")
        .order_by("pk")
    )


# Other apps whose members write to each other through the site (the people network) keep their own
# log of those messages; each registers its log model here from its AppConfig.ready(), so that one
# daily limit covers every message a member sends through the site, whatever the form.
MESSAGE_LOGS: list = []


def register_message_log(model) -> None:
    """Count messages logged in `model` (with `sender` and `created_at`) against the daily limit."""
    if model not in MESSAGE_LOGS:
        MESSAGE_LOGS.append(model)


def messages_left_today(user) -> int:
    since = timezone.now() - timedelta(days=1)
    sent = sum(
        model.objects.filter(sender=user, created_at__gte=since).count()
        for model in (ReferentMessage, *MESSAGE_LOGS)
    )
    return max(0, MESSAGES_PER_DAY - sent)


class RateLimited(Exception):
    pass


@dataclass
class Sent:
    message: ReferentMessage
    recipients: int


def send_site_message(*, sender, recipients, mail: str, context: dict, log):
    """The one path of a member's message to other people through the site; returns (log row, count).

    Locks the sender and refuses past the daily limit (RateLimited); `recipients()` gives the
    (user, extra mail context) pairs to write to, read under the lock; `log(count)` writes the log
    row that the limit counts. Each recipient gets the `mail` template in their own language after
    the commit, with Reply-To set to the sender: replies go straight to the sender, and the
    recipient's address is never shown to them.
    """
    with transaction.atomic():
        # Lock the sender's row so that two quick submits cannot both pass the count.
        get_user_model().objects.select_for_update().filter(pk=sender.pk).first()
        if messages_left_today(sender) <= 0:
            raise RateLimited
        pairs = list(recipients())
        entry = log(len(pairs))
        headers = {"Reply-To": sender.email}
        for user, extra in pairs:
            send_templated_mail(user, mail, {**context, **extra}, headers=headers)
    return entry, len(pairs)


def ask_referents(*, sender, organisation, solution, subject: str, body: str) -> Sent:
    """Mail every referent of `solution` the sender can reach; refuse past the daily limit."""
    context = {
        "solution": solution,
        "solution_url": settings.SITE_URL + solution.get_absolute_url(),
        "sender_name": sender.public_name,
        "sender_organisation": organisation,
        "subject": subject,
        "body": body,
    }

    def log(count):
        return ReferentMessage.objects.create(
            sender=sender,
            organisation=organisation,
            solution=solution,
            subject=subject,
            body=body,
            recipient_count=count,
        )

    message, count = send_site_message(
        sender=sender,
        recipients=lambda: [(r.user, {"referent": r}) for r in recipients_for(solution, sender)],
        mail="reuse_question",
        context=context,
        log=log,
    )
    return Sent(message=message, recipients=count)
