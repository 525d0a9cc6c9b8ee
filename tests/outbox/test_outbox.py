"""The mail outbox: a mail exists exactly when its change commits, a worker that dies half-way
leaves its mail to the next one, and every attempt carries the same Message-ID.

Time is passed in (`now=`), never waited for: a "killed" worker is one that claimed rows and then
did nothing more.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from kuntajako.mail import send_templated_mail
from kuntajako.outbox.models import OutgoingMail
from kuntajako.outbox.services import delivery
from tests import factories

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    """A mail server that does not answer."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def waiting(count=1, **fields):
    """Rows as a committed change leaves them (the test's transaction never commits, so nothing has
    tried to send them yet)."""
    return [
        delivery.queue([f"henkilo{number}@example.fi"], f"Aihe {number}", "Viesti", **fields)
        for number in range(count)
    ]


def test_a_committed_change_sends_its_mail_once_with_a_message_id_from_its_row(
    django_capture_on_commit_callbacks,
):
    user = factories.UserFactory(email="maija@example.fi", preferred_language="fi")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        send_templated_mail(user, "account_exists", {})
        row = OutgoingMail.objects.get()
        assert mail.outbox == []  # written with the change, sent only after its commit

    row.refresh_from_db()
    assert [message.to for message in mail.outbox] == [["maija@example.fi"]]
    assert mail.outbox[0].extra_headers["Message-ID"] == row.message_id
    assert row.message_id.startswith(f"<{row.message_key}@")
    assert row.sent_at is not None
    assert row.claim_token is None
    assert row.attempts == 1
    # Nothing is left for the worker: running it sends nothing more.
    assert delivery.send_pending() == (0, 0)
    assert len(mail.outbox) == 1


def test_a_rolled_back_change_mails_nobody(django_capture_on_commit_callbacks):
    user = factories.UserFactory()

    def change_that_fails():
        with transaction.atomic():
            send_templated_mail(user, "account_exists", {})
            raise RuntimeError("the change failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        change_that_fails()
    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []


def test_two_workers_never_hold_the_same_mail():
    waiting(5)
    now = timezone.now()
    first = delivery.claim(limit=3, now=now)
    second = delivery.claim(limit=10, now=now)
    third = delivery.claim(limit=10, now=now)
    assert len(first) == 3
    assert len(second) == 2
    assert third == []
    assert not {row.pk for row in first} & {row.pk for row in second}
    assert first[0].claim_token != second[0].claim_token


def test_a_worker_killed_after_claiming_leaves_the_mail_to_the_next_after_the_lease():
    [row] = waiting()
    now = timezone.now()
    lease = timedelta(minutes=5)
    [killed] = delivery.claim(lease=lease, now=now)  # ... and the worker dies here

    assert delivery.claim(now=now + lease - timedelta(seconds=1)) == []  # still its own
    [resumed] = delivery.claim(lease=lease, now=now + lease)
    assert resumed.pk == row.pk
    assert resumed.attempts == 2
    assert delivery.send(resumed)

    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.sent_at is not None
    assert delivery.claim(now=now + 10 * lease) == []  # sent rows are never claimed again
    # Had the first worker only been slow, its late mark changes nothing.
    assert not delivery.mark_sent(killed)


def test_a_crash_between_acceptance_and_marking_resends_with_the_same_message_id():
    """The documented limit: at most a duplicate, which the receiver can recognise and drop."""
    waiting()
    now = timezone.now()
    [first] = delivery.claim(now=now)
    delivery.message(first).send()  # the mail server accepted it; the worker dies before marking
    [again] = delivery.claim(now=now + delivery.LEASE)
    assert delivery.send(again)

    assert len(mail.outbox) == 2
    assert mail.outbox[0].extra_headers["Message-ID"] == mail.outbox[1].extra_headers["Message-ID"]
    assert delivery.claim(now=now + 10 * delivery.LEASE) == []


def test_a_refused_mail_waits_with_its_error_and_is_given_up_after_the_last_attempt(settings):
    [row] = waiting()
    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.RefusingBackend"
    now = timezone.now()
    [claimed] = delivery.claim(now=now)
    assert not delivery.send(claimed, now=now)

    row.refresh_from_db()
    assert row.sent_at is None
    assert row.failed_at is None
    assert row.claim_token is None
    assert "mail server down" in row.last_error
    assert delivery.claim(now=now) == []  # backs off before the next attempt
    later = now
    for _ in range(delivery.MAX_ATTEMPTS - 1):
        later += timedelta(hours=2)
        [claimed] = delivery.claim(now=later)
        delivery.send(claimed, now=later)
    row.refresh_from_db()
    assert row.attempts == delivery.MAX_ATTEMPTS
    assert row.failed_at is not None
    assert delivery.claim(now=later + timedelta(days=7)) == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail.outbox == []


def test_a_mail_that_failed_once_is_sent_by_the_next_attempt(settings):
    [row] = waiting()
    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.RefusingBackend"
    now = timezone.now()
    assert delivery.send(delivery.claim(now=now)[0], now=now) is False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    [claimed] = delivery.claim(now=now + timedelta(minutes=1))
    assert delivery.send(claimed)
    row.refresh_from_db()
    assert row.sent_at is not None
    assert row.last_error == ""
    assert len(mail.outbox) == 1


def test_the_worker_command_sends_what_waits_and_what_a_dead_worker_held():
    rows = waiting(3)
    delivery.claim(limit=1, lease=timedelta(seconds=-1))  # a dead worker's claim, already run out
    call_command("send_mail", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123

    assert sorted(message.subject for message in mail.outbox) == ["Aihe 0", "Aihe 1", "Aihe 2"]
    assert OutgoingMail.objects.filter(pk__in=[row.pk for row in rows], sent_at__isnull=False).count() == 3


def test_the_worker_deletes_sent_mail_after_the_kept_days():
    old, recent = waiting(2)
    OutgoingMail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=31))
    OutgoingMail.objects.filter(pk=recent.pk).update(sent_at=timezone.now() - timedelta(days=29))
    assert delivery.purge_sent(timedelta(days=30)) == 1
    assert list(OutgoingMail.objects.values_list("pk", flat=True)) == [recent.pk]
