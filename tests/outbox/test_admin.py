"""Coordinators see the outbox in the admin (what waits, what failed and why) but cannot change it,
and never see a mail's body: it may hold someone's password-reset link."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kuntajako.outbox.models import OutgoingMail
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def failed_mail():
    return OutgoingMail.objects.create(
        to=["maija@example.fi"],
        subject="Salasanan vaihto",
        body="https://kuntajako.example/fi/account/reset/SALAINEN-LINKKI/",
        attempts=8,
        last_error="ConnectionRefusedError: mail server down",
        failed_at=timezone.now(),
    )


def test_the_outbox_lists_mail_with_its_error_and_without_its_body(admin_client, failed_mail):
    listing = admin_client.get(reverse("admin:outbox_outgoingmail_changelist"))
    assert listing.status_code == 200
    assert "maija@example.fi" in listing.content.decode()

    page = admin_client.get(reverse("admin:outbox_outgoingmail_change", args=[failed_mail.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "mail server down" in html
    assert "SALAINEN-LINKKI" not in html


def test_nobody_writes_the_outbox_through_the_admin(admin_client, failed_mail):
    assert admin_client.get(reverse("admin:outbox_outgoingmail_add")).status_code == 403
    change = reverse("admin:outbox_outgoingmail_change", args=[failed_mail.pk])
    assert admin_client.post(change, {"subject": "muutettu"}).status_code == 403
    delete = reverse("admin:outbox_outgoingmail_delete", args=[failed_mail.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    failed_mail.refresh_from_db()
    assert failed_mail.subject == "Salasanan vaihto"
