"""Who sees the people network and who may do what in it: every persona, allowed and forbidden."""

import pytest
from django.urls import reverse

from municipalities.permissions import may

PERSONAS = ["member", "editor", "org_admin", "outsider_admin", "coordinator"]


def pages(expert):
    return {
        "directory": reverse("people:directory"),
        "profile": reverse("people:profile", args=[expert.pk]),
        "topic": reverse("people:service_class_topic", args=["P10"]),
        "keyword": reverse("people:tag_topic", args=["tilavaraus"]),
    }


@pytest.mark.django_db
def test_visitors_are_sent_to_log_in_and_see_nobody(client, expert):
    for url in pages(expert).values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("people:my_profile")).status_code == 302
    assert client.get(reverse("people:contact", args=[expert.pk])).status_code == 302


@pytest.mark.parametrize("persona", ["unverified", "outsider"])
def test_accounts_without_a_membership_see_no_one(request, client_for, expert, persona):
    client = client_for(request.getfixturevalue(persona))
    for url in pages(expert).values():
        response = client.get(url)
        assert response.status_code == 403
        assert "Liikuntapalveluiden kehittäjä" not in response.content.decode()
    assert client.get(reverse("people:my_profile")).status_code == 403
    assert client.get(reverse("people:contact", args=[expert.pk])).status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_members_and_coordinators_see_the_directory(request, client_for, expert, persona):
    client = client_for(request.getfixturevalue(persona))
    for name, url in pages(expert).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert "Eero Editori" in response.content.decode(), name
    assert client.get(reverse("people:my_profile")).status_code == 200


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("member", True),
        ("org_admin", True),
        ("outsider_admin", True),
        ("coordinator", True),
        ("editor", False),
    ],
)
def test_anyone_in_an_organisation_may_write_to_a_listed_person_but_not_to_themselves(
    request, expert, persona, allowed
):
    assert may(request.getfixturevalue(persona), "contact_person", expert) is allowed


@pytest.mark.django_db
def test_rules_answer_no_for_visitors_unverified_and_outsiders(expert, unverified, outsider):
    from django.contrib.auth.models import AnonymousUser

    for user in (AnonymousUser(), unverified, outsider):
        for action in ("view_people_directory", "join_people_directory"):
            assert not may(user, action)
        assert not may(user, "view_person", expert)
        assert not may(user, "contact_person", expert)


def test_a_deleted_or_deactivated_person_cannot_be_seen_or_written_to(member, expert):
    expert.user.is_active = False
    expert.user.save()
    assert not may(member, "view_person", expert)
    assert not may(member, "contact_person", expert)


def test_the_main_navigation_links_the_directory_for_members_only(client_for, member, outsider):
    url = reverse("people:directory")
    assert f'href="{url}"' in client_for(member).get(reverse("solutions:home")).content.decode()
    assert f'href="{url}"' not in client_for(outsider).get(reverse("solutions:home")).content.decode()
    assert f'href="{url}"' not in client_for(None).get(reverse("solutions:home")).content.decode()
