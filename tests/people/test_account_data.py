"""The data export and the account's deletion cover the people network."""

import json

from django.urls import reverse

from solutions.people.models import PersonMessage, Profile, ProfileLanguage
from solutions.people.services import contact
from tests.accounts.conftest import PASSWORD


def test_the_export_holds_the_profile_and_the_messages_sent(
    client_for, expert, salla_member, other_organisation, topic
):
    contact.contact(
        sender=expert.user,
        organisation=expert.user.memberships.get().organisation,
        profile=_listed(salla_member),
        subject="Moi",
        body="Kysyisin",
    )
    data = json.loads(client_for(expert.user).get(reverse("accounts:export")).content)
    profile = data["expert_profile"]
    assert profile["title"] == "Liikuntapalveluiden kehittäjä"
    assert profile["about"] == "Tunnen tilavarausjärjestelmät."
    assert profile["service_classes"] == [topic.code]
    assert profile["keywords"] == ["tilavaraus"]
    assert profile["languages"] == ["fi", "sv"]
    assert data["messages_to_people"] == [
        {
            "to": "Sanna Sallasta",
            "on_behalf_of": "Kuhmo",
            "subject": "Moi",
            "message": "Kysyisin",
            "sent_at": PersonMessage.objects.get().created_at.isoformat(),
        }
    ]
    # Someone not listed exports an empty section.
    other = json.loads(client_for(salla_member).get(reverse("accounts:export")).content)
    assert other["messages_to_people"] == []


def _listed(user):
    return Profile.objects.create(user=user)


def test_deleting_the_account_erases_the_profile_and_its_messages(client_for, expert, salla_member, member):
    contact.contact(
        sender=salla_member,
        organisation=salla_member.memberships.get().organisation,
        profile=expert,
        subject="Moi",
        body="Hei",
    )
    response = client_for(expert.user).post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.url == reverse("accounts:deleted")
    assert not Profile.objects.exists()
    assert not ProfileLanguage.objects.exists()
    assert not PersonMessage.objects.exists()
    assert "Eero" not in client_for(member).get(reverse("people:directory")).content.decode()
