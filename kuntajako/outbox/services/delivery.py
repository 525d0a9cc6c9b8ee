"""Sending the outbox: each mail leaves once, even when a worker dies half-way.

1. `queue()` writes the finished message as an OutgoingMail row in the caller's transaction, so the
   mail exists exactly when the change that causes it commits (a rolled-back action mails nobody).
   After the commit it asks the task worker to send that row at once (`deliver`); if that never
   happens, `manage.py send_mail` sends it anyway.
2. A worker *claims* rows: in one short transaction it picks waiting rows (`SELECT … FOR UPDATE
   SKIP LOCKED` on PostgreSQL; SQLite lets one writer in at a time) and stamps them with its own
   claim token and a lease (`lease_until`). The update repeats the "nobody holds it" condition, so
   two workers can never hold the same row at once, on either database.
3. It sends each claimed row over SMTP with a Message-ID made from the row, then marks it sent,
   but only while it still holds the claim. A failure to send releases the row with a back-off
   (given up after MAX_ATTEMPTS attempts, kept with its last error).
4. A worker killed between claiming and marking leaves a row whose lease runs out; the next worker
   to look claims it again and sends it.

The honest limit: if a worker dies after the mail server accepted a message but before the row is
marked sent, the message is sent again after the lease. The two copies carry the same Message-ID,
so a receiving server or mail program that drops repeated Message-IDs shows it once; one that does
not shows it twice. No mail is lost, and nothing else can send a mail twice. SMTP offers no way to
make the acceptance and our own mark one step; the lease must therefore be longer than a send
takes (EMAIL_TIMEOUT), or a slow send can be resumed while it is still running.
"""

import logging
import uuid
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from kuntajako.outbox.models import OutgoingMail

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
MAX_ATTEMPTS = 8


def queue(to: list[str], subject: str, body: str, headers: dict[str, str] | None = None) -> OutgoingMail:
    """Write one mail into the outbox in the current transaction; it is sent after the commit."""
    mail = OutgoingMail.objects.create(to=list(to), subject=subject, body=body, headers=headers or {})
    transaction.on_commit(lambda: deliver.enqueue(mail.pk), robust=True)
    return mail


def claim(*, limit: int = 20, lease: timedelta = LEASE, now=None, ids=None) -> list[OutgoingMail]:
    """Take up to `limit` waiting rows (oldest first) for this worker until `now + lease`.

    The returned rows carry this claim's `claim_token`; only its holder may mark them sent.
    """
    now = now or timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        waiting = OutgoingMail.objects.claimable(now)
        if ids is not None:
            waiting = waiting.filter(pk__in=ids)
        picked = list(
            waiting.order_by("created_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        if not picked:
            return []
        # The condition again: on a database without row locks, a row another worker took in the
        # meantime is no longer claimable and is left alone.
        OutgoingMail.objects.claimable(now).filter(pk__in=picked).update(
            claim_token=token, lease_until=now + lease, attempts=F("attempts") + 1
        )
    return list(OutgoingMail.objects.filter(claim_token=token).order_by("created_at", "pk"))


def message(mail: OutgoingMail, connection=None) -> EmailMessage:
    headers = {**mail.headers, "Message-ID": mail.message_id}
    return EmailMessage(
        subject=mail.subject, body=mail.body, to=mail.to, headers=headers, connection=connection
    )


def send(mail: OutgoingMail, connection=None, now=None) -> bool:
    """Send one claimed row and mark it sent; on failure release it for a later attempt."""
    try:
        message(mail, connection).send()
    except Exception as error:  # the mail server refused or did not answer
        release_failed(mail, error, now=now)
        if connection is not None:
            _close(connection)  # the next mail opens a fresh one
        return False
    return mark_sent(mail, now=now)


def mark_sent(mail: OutgoingMail, now=None) -> bool:
    """Mark a row sent while this claim still holds it; False when the claim had been lost."""
    held = OutgoingMail.objects.filter(pk=mail.pk, claim_token=mail.claim_token, sent_at__isnull=True)
    marked = held.update(sent_at=now or timezone.now(), claim_token=None, lease_until=None, last_error="")
    if not marked:
        logger.warning("Outgoing mail %s was sent after its claim ran out (%s)", mail.pk, mail.message_id)
    return bool(marked)


def release_failed(mail: OutgoingMail, error: Exception, now=None) -> None:
    now = now or timezone.now()
    gave_up = mail.attempts >= MAX_ATTEMPTS
    retry_in = timedelta(minutes=min(2 ** (mail.attempts - 1), 60))
    OutgoingMail.objects.filter(pk=mail.pk, claim_token=mail.claim_token).update(
        claim_token=None,
        lease_until=now + retry_in,
        last_error=f"{type(error).__name__}: {error}"[:2000],
        failed_at=now if gave_up else None,
    )
    log = logger.error if gave_up else logger.warning
    log("Sending outgoing mail %s failed (attempt %s): %s", mail.pk, mail.attempts, error)


def send_pending(*, limit: int = 20, lease: timedelta = LEASE, ids=None) -> tuple[int, int]:
    """Claim and send one batch over one connection; (sent, failed)."""
    mails = claim(limit=limit, lease=lease, ids=ids)
    if not mails:
        return 0, 0
    sent = failed = 0
    connection = get_connection()
    try:
        for mail in mails:
            if send(mail, connection):
                sent += 1
            else:
                failed += 1
    finally:
        _close(connection)
    return sent, failed


def _close(connection) -> None:
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - a broken connection is dropped either way
        logger.debug("Closing the mail connection failed", exc_info=True)


@task()
def deliver(mail_id: int) -> None:
    """Send one row right after its commit, unless another worker already holds or sent it."""
    send_pending(limit=1, ids=[mail_id])


def purge_sent(older_than: timedelta) -> int:
    """Delete sent rows older than `older_than` (the mails themselves are with their receivers)."""
    deleted, _ = OutgoingMail.objects.filter(sent_at__lt=timezone.now() - older_than).delete()
    return deleted
