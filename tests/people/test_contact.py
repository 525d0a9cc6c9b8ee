"""Writing to a listed person: through the site, the address hidden, the referents' daily limit."""

import pytest
from django.urls import reverse

from solutions.community.models import Referent, ReferentMessage
from solutions.community.services.reuse import MESSAGES_PER_DAY
from solutions.people.models import PersonMessage


def contact_url(profile):
    return reverse("people:contact", args=[profile.pk])


@pytest.fixture
def sender(salla_member):
    salla_member.email = "sanna@salla.example"
    salla_member.save()
    return salla_member


def test_a_member_writes_and_the_person_gets_it_by_mail_with_a_reply_to_the_sender(
    client_for, sender, other_organisation, expert, mailoutbox, django_capture_on_commit_callbacks
):
    expert.user.preferred_language = "sv"
    expert.user.save()
    client = client_for(sender)
    form = client.get(contact_url(expert)).content.decode()
    assert "You write on behalf of Salla." in form
    assert "eero.salainen@kuhmo.example" not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            contact_url(expert),
            {"organisation": other_organisation.pk, "subject": "Tilavaraus", "message": "Miten teillä?"},
            follow=True,
        )
    assert "Your message was sent to Eero Editori." in response.content.decode()
    assert "eero.salainen@kuhmo.example" not in response.content.decode()
    [mail] = mailoutbox
    assert mail.to == ["eero.salainen@kuhmo.example"]
    assert mail.extra_headers["Reply-To"] == "sanna@salla.example"
    assert "Tilavaraus" in mail.subject
    assert "Miten teillä?" in mail.body
    assert "Sanna Sallasta" in mail.body
    assert "Salla" in mail.body
    assert "personnätverket" in mail.body  # in the recipient's language
    assert "/sv/people/" in mail.body
    message = PersonMessage.objects.get()
    assert (message.sender, message.recipient, message.organisation) == (
        sender,
        expert.user,
        other_organisation,
    )


def test_messages_to_people_and_to_referents_share_one_daily_limit(
    client_for,
    sender,
    other_organisation,
    expert,
    solution,
    editor,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    Referent.objects.create(
        user=editor, organisation=editor.memberships.get().organisation, solution=solution
    )
    client = client_for(sender)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(MESSAGES_PER_DAY - 1):
            data = {"organisation": other_organisation.pk, "subject": "Kysymys", "message": "Hei"}
            assert client.post(contact_url(expert), data).status_code == 302
        ask = reverse("solutions:reuse:ask", args=[solution.slug])
        assert (
            client.post(
                ask, {"organisation": other_organisation.pk, "subject": "K", "message": "H"}
            ).status_code
            == 302
        )
    sent = len(mailoutbox)
    assert sent == MESSAGES_PER_DAY
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            contact_url(expert), {"organisation": other_organisation.pk, "subject": "Vielä", "message": "Hei"}
        )
        refused = client.post(ask, {"organisation": other_organisation.pk, "subject": "K", "message": "H"})
    assert response.status_code == 429
    assert "Please try again tomorrow" in response.content.decode()
    assert refused.status_code == 429
    assert len(mailoutbox) == sent
    assert PersonMessage.objects.count() == MESSAGES_PER_DAY - 1
    assert ReferentMessage.objects.count() == 1


def test_the_form_keeps_what_was_typed_on_error(client_for, sender, other_organisation, expert, mailoutbox):
    response = client_for(sender).post(
        contact_url(expert), {"organisation": other_organisation.pk, "subject": "", "message": "Oma teksti"}
    )
    assert response.status_code == 400
    assert "Oma teksti" in response.content.decode()
    assert "This field is required." in response.content.decode()
    assert not mailoutbox
    assert not PersonMessage.objects.exists()


def test_nobody_writes_on_behalf_of_an_organisation_they_do_not_belong_to(
    client_for, sender, organisation, expert, mailoutbox
):
    response = client_for(sender).post(
        contact_url(expert), {"organisation": organisation.pk, "subject": "S", "message": "M"}
    )
    assert response.status_code == 400
    assert not PersonMessage.objects.exists()


def test_the_person_does_not_see_a_write_button_on_their_own_profile_and_cannot_write_to_themselves(
    client_for, expert, sender
):
    own = client_for(expert.user)
    assert contact_url(expert) not in own.get(expert.get_absolute_url()).content.decode()
    assert own.get(contact_url(expert)).status_code == 403
    assert contact_url(expert) in client_for(sender).get(expert.get_absolute_url()).content.decode()


def test_nobody_outside_the_directory_can_be_written_to(client_for, sender, member):
    from solutions.people.models import Profile

    unlisted = Profile(pk=9999)
    assert client_for(sender).get(reverse("people:contact", args=[unlisted.pk])).status_code == 404
    assert client_for(sender).get(reverse("people:profile", args=[unlisted.pk])).status_code == 404
