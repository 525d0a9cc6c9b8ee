"""Every page type is valid HTML (the Nu HTML Checker), in every language."""

import pytest
from django.urls import reverse
from django.utils import translation

from solutions.models import Solution
from tests.catalogue import build_catalogue
from tests.checks import validate_html


def page_urls():
    urls = [
        reverse("solutions:home"),
        reverse("solutions:solution_list"),
        reverse("solutions:solution_list") + "?q=kirjasto",
        reverse("solutions:solution_list") + "?q=ei-osumia-tällä-haulla",
        reverse("solutions:solution_list") + "?kind=software&kind=api&sort=title",
        reverse("municipalities:organisation_list"),
        reverse("municipalities:organisation_detail", args=["espoo"]),
        reverse("municipalities:region_list"),
        reverse("municipalities:region_detail", args=["01"]),
        reverse("pages:about"),
        reverse("pages:accessibility"),
        reverse("pages:privacy"),
        reverse("pages:terms"),
        reverse("accounts:signup"),
        reverse("accounts:signup_done"),
    ]
    urls += [solution.get_absolute_url() for solution in Solution.objects.order_by("slug")]
    return urls


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_is_valid_html(client, language):
    build_catalogue()
    documents = {}
    with translation.override(language):
        for url in page_urls():
            response = client.get(url)
            assert response.status_code == 200, url
            documents[url] = response.content.decode()
    errors = validate_html(documents)
    assert not errors, "\n".join(errors)


@pytest.mark.django_db
def test_not_found_page_is_valid_html(client):
    response = client.get("/fi/solutions/no-such-solution/")
    assert response.status_code == 404
    assert not validate_html({"404": response.content.decode()})
