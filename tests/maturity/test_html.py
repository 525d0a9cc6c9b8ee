"""Every maturity and roadmap page is valid HTML, in every language."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.checks import validate_html
from tests.maturity.scene import build_scene


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_is_valid_html(vocabulary, language):
    scene = build_scene(vocabulary)
    salla, result = scene["salla"], scene["result"]
    translation.activate(language)
    pages = {
        None: [
            reverse("maturity:index"),
            reverse("maturity:organisation", args=["salla"]),
            reverse("maturity:assessment", args=["salla", result.pk]),
            reverse("maturity:print", args=["salla", result.pk]),
            reverse("maturity:organisation_roadmap", args=["salla"]),
            reverse("maturity:region_roadmap", args=["19"]),
            reverse("maturity:national"),
            reverse("maturity:life_event", args=["KE1"]),
            reverse("maturity:life_event", args=["KE6"]),
            salla.get_absolute_url(),
        ],
        scene["admin"]: [
            reverse("maturity:organisation", args=["salla"]),
            reverse("maturity:assessment", args=["salla", scene["submitted"].pk]),
            reverse("maturity:assessment", args=["salla", result.pk]),
            reverse("maturity:organisation_roadmap", args=["salla"]),
            reverse("maturity:edit_item", args=[scene["item"].pk]),
        ],
        scene["pello_editor"]: [
            reverse("maturity:answer", args=["pello", scene["draft"].pk]),
            reverse("maturity:confirm_submit", args=["pello", scene["draft"].pk]),
        ],
    }
    documents = {}
    for user, urls in pages.items():
        client = Client()
        if user:
            client.force_login(user)
        for url in urls:
            assert url.startswith(f"/{language}/")
            response = client.get(url)
            assert response.status_code == 200, url
            documents[f"{url} as {user}"] = response.content.decode()
    errors = validate_html(documents)
    assert not errors, "\n".join(errors)
