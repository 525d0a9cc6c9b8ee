"""Workers claiming at the same instant on PostgreSQL: no mail is held by two, none is left out, and
a worker never waits for rows another one is claiming (SKIP LOCKED)."""

import threading

import pytest
from django.db import connection, transaction

from kuntajako.outbox.models import OutgoingMail
from kuntajako.outbox.services import delivery
from tests.concurrency import run_at_once

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


@pytest.fixture(autouse=True)
def _postgres_only():
    # The database in use is known only once Django is set up (SQLite has no row locks to skip).
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


def waiting(count):
    """Committed rows no task has sent yet (here, `queue()` would send each at once)."""
    return [
        OutgoingMail.objects.create(to=[f"henkilo{number}@example.fi"], subject="Aihe", body="Viesti")
        for number in range(count)
    ]


def test_four_workers_at_once_share_the_mail_without_overlap():
    rows = waiting(12)
    results = run_at_once(*[lambda: delivery.claim(limit=5) for _ in range(4)])

    claimed = [mail.pk for result in results for mail in result]
    assert len(claimed) == len(set(claimed))  # nobody holds a mail another holds
    assert sorted(claimed) == sorted(row.pk for row in rows)  # 5 + 5 + 2 + 0: nothing left out


def test_a_worker_skips_the_rows_another_is_claiming_instead_of_waiting():
    first, second = waiting(2)
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                list(OutgoingMail.objects.select_for_update().filter(pk=first.pk))
                locked.set()
                release.wait(timeout=30)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(timeout=30)
        # Would block until the other transaction ends without SKIP LOCKED.
        assert [mail.pk for mail in delivery.claim(limit=10)] == [second.pk]
    finally:
        release.set()
        thread.join(timeout=30)
    assert [mail.pk for mail in delivery.claim(limit=10)] == [first.pk]
