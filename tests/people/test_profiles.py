"""Opting in, editing and opting out of the people network, through the pages."""

import pytest
from django.urls import reverse

from kuntajako.events.models import Event
from solutions.people.models import Profile
from tests import factories


def test_a_member_lists_themselves_and_appears_in_the_directory(client_for, member, topic):
    client = client_for(member)
    form = client.get(reverse("people:my_profile"))
    assert "List yourself in the people network" in form.content.decode()
    response = client.post(
        reverse("people:my_profile"),
        {
            "title": "Hankinta-asiantuntija",
            "bio": "Autan kilpailutuksissa.",
            "service_classes": [topic.pk],
            "tags": "hankinnat, avoin data",
            "languages": ["fi", "en"],
        },
        follow=True,
    )
    page = response.content.decode()
    assert "You are now listed in the people network." in page
    assert "Hankinta-asiantuntija" in page
    assert "Autan kilpailutuksissa." in page
    assert "Kuhmo" in page  # the organisation comes from the membership
    assert "Finnish, English" in page
    directory = client.get(reverse("people:directory")).content.decode()
    assert "Maija Jäsen" in directory
    assert Event.objects.filter(name="people.listed").count() == 1


def test_editing_keeps_the_profile_and_changes_it(client_for, expert, topic):
    client = client_for(expert.user)
    form = client.get(reverse("people:my_profile")).content.decode()
    assert "Tunnen tilavarausjärjestelmät." in form
    assert 'value="tilavaraus"' in form
    response = client.post(
        reverse("people:my_profile"),
        {
            "title": "Uusi nimike",
            "bio": "",
            "tags": "liikunta",
            "languages": ["sv"],
            "version": expert.version,
        },
        follow=True,
    )
    assert "Your profile was saved." in response.content.decode()
    expert.refresh_from_db()
    assert expert.title == "Uusi nimike"
    assert [tag.name for tag in expert.tags.all()] == ["liikunta"]
    assert [language.code for language in expert.languages.all()] == ["sv"]
    assert list(expert.service_classes.all()) == []
    assert expert.version == 2


def test_a_save_from_an_older_window_does_not_overwrite_silently(client_for, expert):
    client = client_for(expert.user)
    old_version = expert.version
    client.post(reverse("people:my_profile"), {"title": "Tallennettu ensin", "version": old_version})
    response = client.post(
        reverse("people:my_profile"),
        {"title": "Vanhasta ikkunasta", "bio": "Oma teksti", "version": old_version},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "saved in another window" in page
    assert "Vanhasta ikkunasta" in page
    assert "Oma teksti" in page
    expert.refresh_from_db()
    assert expert.title == "Tallennettu ensin"
    # Saving again from the shown form goes through, knowingly.
    again = client.post(
        reverse("people:my_profile"), {"title": "Vanhasta ikkunasta", "version": expert.version}, follow=True
    )
    assert "Your profile was saved." in again.content.decode()


def test_bad_input_is_explained_and_the_typed_text_kept(client_for, member):
    response = client_for(member).post(
        reverse("people:my_profile"), {"title": "Kehittäjä", "bio": "x" * 1001, "languages": ["xx"]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ensure this value has at most 1000 characters" in page
    assert "Select a valid choice" in page
    assert 'value="Kehittäjä"' in page
    assert not Profile.objects.exists()


def test_leaving_removes_the_profile_from_every_list_at_once(client_for, expert, member, topic):
    person_url = expert.get_absolute_url()
    reader = client_for(member)
    assert (
        "Eero Editori"
        in reader.get(reverse("people:service_class_topic", args=[topic.code])).content.decode()
    )
    owner = client_for(expert.user)
    assert "Your profile is deleted at once" in owner.get(reverse("people:leave")).content.decode()
    response = owner.post(reverse("people:leave"), follow=True)
    assert "You have left the people network." in response.content.decode()
    assert not Profile.objects.exists()
    assert reader.get(person_url).status_code == 404
    for url in (
        reverse("people:directory"),
        reverse("people:service_class_topic", args=[topic.code]),
        reverse("people:tag_topic", args=["tilavaraus"]),
        reverse("people:directory") + "?language=fi",
    ):
        assert "Eero Editori" not in reader.get(url).content.decode(), url
    assert Event.objects.filter(name="people.left").count() == 1


def test_leave_is_only_ever_a_post(client_for, expert):
    client_for(expert.user).get(reverse("people:leave"))
    assert Profile.objects.filter(pk=expert.pk).exists()


@pytest.mark.django_db
def test_people_who_lost_their_membership_or_account_drop_out_of_the_directory(
    client_for, member, list_person
):
    lost = factories.UserFactory(display_name="Ilman Jäsenyyttä")
    Profile.objects.create(user=lost, title="ei näy")
    inactive = factories.UserFactory(display_name="Pois Käytöstä", is_active=False)
    Profile.objects.create(user=inactive)
    page = client_for(member).get(reverse("people:directory")).content.decode()
    assert "Ilman Jäsenyyttä" not in page
    assert "Pois Käytöstä" not in page
