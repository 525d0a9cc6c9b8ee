"""Every page of the people network is valid HTML (the Nu HTML Checker), in every language."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.checks import validate_html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_people_page_is_valid_html(client_for, expert, salla_member, topic, language):
    reader = client_for(salla_member)
    owner = client_for(expert.user)
    documents = {}
    with translation.override(language):
        for name, client, url in [
            ("directory", reader, reverse("people:directory")),
            ("filtered", reader, reverse("people:directory") + "?language=sv&topic=P10"),
            ("profile", reader, expert.get_absolute_url()),
            ("own profile", owner, expert.get_absolute_url()),
            ("form", owner, reverse("people:my_profile")),
            ("new form", reader, reverse("people:my_profile")),
            ("leave", owner, reverse("people:leave")),
            ("contact", reader, reverse("people:contact", args=[expert.pk])),
            ("topic", reader, reverse("people:service_class_topic", args=[topic.code])),
            ("keyword", reader, reverse("people:tag_topic", args=["tilavaraus"])),
        ]:
            response = client.get(url)
            assert response.status_code == 200, name
            documents[f"{language} {name}"] = response.content.decode()
        stale = owner.post(reverse("people:my_profile"), {"title": "x", "version": 0})
        assert stale.status_code == 409
        documents[f"{language} stale form"] = stale.content.decode()
        invalid = reader.post(reverse("people:contact", args=[expert.pk]), {"subject": "", "message": ""})
        assert invalid.status_code == 400
        documents[f"{language} contact errors"] = invalid.content.decode()
    assert validate_html(documents) == []
