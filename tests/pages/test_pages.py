"""The pages a Finnish public service must publish: in three languages, linked from every page and
from sign-up, and edited by coordinators in the admin without a deployment."""

import pytest
from django.urls import reverse
from django.utils import translation

from kuntajako.pages.models import Page
from tests import factories

pytestmark = pytest.mark.django_db

FACTS = {
    ("accessibility", "fi"): [
        "Saavutettavuusseloste",
        "306/2019",
        "WCAG 2.1",
        "saavutettavuus@kuntajako.example",
        "14 päivän kuluessa",
        "Etelä-Suomen aluehallintovirasto",
    ],
    ("accessibility", "sv"): [
        "Tillgänglighetsutlåtande",
        "WCAG 2.1",
        "Regionförvaltningsverket i Södra Finland",
    ],
    ("accessibility", "en"): [
        "Accessibility statement",
        "WCAG 2.1",
        "Content that is not accessible",
        "within 14 days",
        "Regional State Administrative Agency for Southern Finland",
    ],
    ("privacy", "fi"): [
        "Tietosuojaseloste",
        "Rekisterinpitäjä",
        "oikeusperusteet",
        "säilytetään",
        "Oikeutesi",
    ],
    ("privacy", "sv"): ["Dataskyddsbeskrivning", "Personuppgiftsansvarig", "rättslig grund", "rättigheter"],
    ("privacy", "en"): [
        "Privacy notice",
        "Controller",
        "legal basis",
        "How long data is kept",
        "Your rights",
    ],
    ("about", "en"): [
        "About the service",
        "Association of Finnish Municipalities",
        "kuntajako@kuntajako.example",
    ],
    ("terms", "en"): ["Terms of use for publishers", "SPDX", "CC BY 4.0", "Moderation"],
    ("terms", "fi"): ["Käyttöehdot julkaisijoille", "Lisenssit", "Moderointi"],
}


@pytest.mark.parametrize(("kind", "language"), FACTS)
def test_each_page_says_what_the_law_asks_in_each_language(client, kind, language):
    with translation.override(language):
        url = reverse(f"pages:{kind}")
    html = client.get(url).content.decode()
    assert f'<html lang="{language}">' in html
    for fact in FACTS[kind, language]:
        assert fact in html, fact


@pytest.mark.parametrize("url", ["/fi/", "/sv/solutions/", "/en/account/login/", "/fi/no-such-page/"])
def test_every_page_links_to_them_in_its_footer(client, url):
    html = client.get(url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    language = url.split("/")[1]
    for kind in ("about", "accessibility", "privacy", "terms"):
        assert f'href="/{language}/{kind}/"' in footer


def test_sign_up_links_to_the_terms_and_the_privacy_notice(client):
    main = client.get("/en/account/signup/").content.decode().split("<main", 1)[1].split("</main>")[0]
    assert 'By creating an account you accept the <a href="/en/terms/">terms of use</a>' in main
    assert '<a href="/en/privacy/">privacy notice</a>' in main


@pytest.fixture
def coordinator_client(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    return client


def test_a_coordinator_edits_a_page_in_the_admin_and_it_shows_at_once(coordinator_client, client):
    page = Page.objects.get(kind="accessibility")
    url = reverse("admin:pages_page_change", args=[page.pk])
    assert coordinator_client.get(url).status_code == 200
    form = {
        "kind": "accessibility",
        "title_fi": "Saavutettavuusseloste",
        "title_sv": page.title_sv,
        "title_en": "Accessibility statement",
        "body_fi": page.body_fi,
        "body_sv": page.body_sv,
        "body_en": "## Feedback\n\nWe now answer within **7 days**.<script>alert(1)</script> "
        '[x](javascript:alert(1)) <a href="javascript:alert(2)">y</a>',
    }
    response = coordinator_client.post(url, form)
    assert response.status_code == 302
    html = client.get("/en/accessibility/").content.decode()
    assert "<h2>Feedback</h2>" in html
    assert "We now answer within <strong>7 days</strong>." in html
    assert "<script>alert" not in html
    assert '<a href="javascript:' not in html


def test_a_language_left_empty_shows_the_finnish_text_marked_as_finnish(client):
    Page.objects.filter(kind="terms").update(title_sv="", body_sv="")
    html = client.get("/sv/terms/").content.decode()
    assert '<article class="prose legal-page" lang="fi">' in html
    assert "Käyttöehdot julkaisijoille" in html


def test_pages_cannot_be_deleted_in_the_admin(coordinator_client):
    page = Page.objects.get(kind="privacy")
    response = coordinator_client.get(reverse("admin:pages_page_delete", args=[page.pk]))
    assert response.status_code == 403
