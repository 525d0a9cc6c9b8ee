"""The front page, a solution's own page, and the organisation and region pages."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from municipalities.models import OrganisationKind
from solutions.models import Attachment, Contact, ContentLanguage, Lifecycle, ModerationState, SolutionKind
from tests.factories import (
    LifeEventFactory,
    OrganisationFactory,
    RegionFactory,
    ServiceClassFactory,
    SolutionFactory,
)


def test_home_shows_counts_newest_and_ways_to_browse(client, db):
    espoo = OrganisationFactory(name_fi="Espoo")
    OrganisationFactory(name_fi="Tyhjä")
    housing = ServiceClassFactory(code="P1", name_fi="Asuminen", name_en="Housing")
    moving = LifeEventFactory(code="KE1", name_fi="Muuttaminen", name_en="Moving")
    newest = SolutionFactory(title="Uusin ratkaisu", organisation=espoo, kind=SolutionKind.API)
    newest.service_classes.add(housing)
    newest.life_events.add(moving)
    SolutionFactory(organisation=espoo, published_at=timezone.now() - datetime.timedelta(days=5))
    SolutionFactory(title="Keskeneräinen", moderation_state=ModerationState.DRAFT, published_at=None)
    response = client.get("/en/")
    html = response.content.decode()
    assert response.context["totals"] == {"solutions": 2, "organisations": 1}
    assert response.context["municipality_count"] == 3
    assert "Uusin ratkaisu" in html
    assert "Keskeneräinen" not in html
    assert 'href="/en/solutions/?kind=api">API</a> <span class="count">1</span>' in html
    assert 'href="/en/solutions/?service_class=P1">Housing</a>' in html
    assert 'href="/en/solutions/?life_event=KE1">Moving</a>' in html


def test_home_does_not_lead_with_a_retired_solution(client, db):
    SolutionFactory(title="Käytössä oleva", published_at=timezone.now() - datetime.timedelta(days=3))
    SolutionFactory(title="Poistunut käytöstä", lifecycle=Lifecycle.RETIRED)
    html = client.get("/fi/").content.decode()
    assert "Käytössä oleva" in html
    assert "Poistunut käytöstä" not in html
    # It is still in the catalogue.
    assert "Poistunut käytöstä" in client.get("/fi/solutions/").content.decode()


@pytest.fixture
def full_solution(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    partner = OrganisationFactory(name_fi="Vantaa", slug="vantaa")
    successor = SolutionFactory(title="Uudempi versio", slug="uudempi")
    solution = SolutionFactory(
        title="Tilavarauksen prosessi",
        slug="tilavaraus",
        kind=SolutionKind.PROCESS,
        summary="Kuinka tilat varataan.",
        description="## Vaiheet\n\n1. Hae tila",
        repository_url="https://github.com/example/tilat",
        api_base_url="https://api.example.fi/v1",
        connected_systems="Kirjastojärjestelmä ja taloushallinto",
        lessons_learned="Aloita pienestä.",
        replaces="Kaupallinen Varaamo X",
        adoption_conditions="Tarvitaan **pääkäyttäjä**.",
        successor=successor,
        language=ContentLanguage.SWEDISH,
        tags=["tilat"],
        published_at=datetime.datetime(2026, 11, 22, 12, tzinfo=datetime.UTC),
    )
    solution.partners.add(partner)
    solution.service_classes.add(ServiceClassFactory(code="P5", name_fi="Kulttuuri", name_en="Culture"))
    solution.life_events.add(LifeEventFactory(code="KE9", name_fi="Eläkkeelle", name_en="Retiring"))
    Contact.objects.create(
        solution=solution, name="Maija Meikäläinen", role="Kehittäjä", email="maija@example.fi"
    )
    attachment = Attachment(
        solution=solution, title="Prosessikaavio", content_type="application/pdf", size=123_456
    )
    attachment.file.save("kaavio.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attachment.save()
    return solution


def test_solution_page_shows_what_a_reuser_needs(client, full_solution):
    html = client.get("/en/solutions/tilavaraus/").content.decode()
    for text in [
        "Tilavarauksen prosessi",
        "Kuinka tilat varataan.",
        "<h3>Vaiheet</h3>",
        "https://github.com/example/tilat",
        "https://api.example.fi/v1",
        "Kirjastojärjestelmä ja taloushallinto",
        "Aloita pienestä.",
        "Kaupallinen Varaamo X",
        "<strong>pääkäyttäjä</strong>",
        "Vantaa",
        "Maija Meikäläinen",
        "mailto:maija@example.fi",
        "Prosessikaavio",
        "(PDF, 120.6\xa0KB)",
        'href="/en/solutions/uudempi/">Uudempi versio</a>',
        'href="/en/solutions/?tag=tilat"',
        'href="/en/solutions/?service_class=P5">Culture</a>',
        'href="/en/solutions/?life_event=KE9">Retiring</a>',
        'href="/en/solutions/?licence=MIT"',
    ]:
        assert text in html, text


def test_content_in_another_language_is_marked_with_lang(client, full_solution):
    html = client.get("/fi/solutions/tilavaraus/").content.decode()
    assert '<h1 id="solution-title" lang="sv">' in html
    assert '<div class="prose" lang="sv">' in html
    same = client.get("/sv/solutions/tilavaraus/").content.decode()
    assert 'lang="sv">Tilavarauksen' not in same


@pytest.mark.parametrize(("lang", "date"), [("fi", "22.11.2026"), ("sv", "22.11.2026"), ("en", "22.11.2026")])
def test_dates_follow_the_language(client, full_solution, lang, date):
    # Finland writes dates day first in Swedish and English too, not ISO or American.
    html = client.get(f"/{lang}/solutions/tilavaraus/").content.decode()
    assert f'<time datetime="2026-11-22">{date}</time>' in html


def test_successor_link_only_when_the_successor_is_published(client, full_solution):
    successor = full_solution.successor
    successor.moderation_state = ModerationState.ARCHIVED
    successor.save()
    assert "Uudempi versio" not in client.get("/fi/solutions/tilavaraus/").content.decode()


# An archived solution keeps a public page that says it is archived (tests/safety/test_visibility.py).
@pytest.mark.parametrize(
    "state",
    [
        ModerationState.DRAFT,
        ModerationState.SUBMITTED,
        ModerationState.CHANGES_REQUESTED,
        ModerationState.REJECTED,
    ],
)
def test_unpublished_solution_is_not_found(client, db, state):
    solution = SolutionFactory(moderation_state=state, published_at=None)
    assert client.get(solution.get_absolute_url()).status_code == 404


def test_unknown_slugs_are_not_found(client, db):
    assert client.get("/fi/solutions/ei-ole/").status_code == 404
    assert client.get("/fi/organisations/ei-ole/").status_code == 404
    assert client.get("/fi/regions/99/").status_code == 404


def test_organisation_list_filters_and_counts(client, db):
    lapland = RegionFactory(code="19", name_fi="Lappi")
    small = OrganisationFactory(name_fi="Pelkosenniemi", slug="pelko", region=lapland, population=900)
    big = OrganisationFactory(name_fi="Rovaniemi", slug="rova", region=lapland, population=65_000)
    OrganisationFactory(name_fi="Lapin hyvinvointialue", kind=OrganisationKind.WELLBEING_COUNTY, code=None)
    SolutionFactory(organisation=big)
    SolutionFactory(organisation=big)
    SolutionFactory(organisation=small, moderation_state=ModerationState.DRAFT, published_at=None)
    response = client.get("/fi/organisations/?region=19")
    rows = {organisation.slug: organisation.solution_count for organisation in response.context["page"]}
    assert rows == {"pelko": 0, "rova": 2}
    assert "65\xa0000" in response.content.decode()
    assert [o.slug for o in client.get("/fi/organisations/?size=small").context["page"]] == ["pelko"]
    assert [o.slug for o in client.get("/fi/organisations/?publishing=on").context["page"]] == ["rova"]
    kinds = client.get("/fi/organisations/?kind=wellbeing_county").context["page"]
    assert [o.name_fi for o in kinds] == ["Lapin hyvinvointialue"]


def test_organisation_list_is_paginated(client, db):
    OrganisationFactory.create_batch(55)
    first = client.get("/fi/organisations/?kind=municipality")
    assert len(first.context["page"].object_list) == 50
    assert 'href="?kind=municipality&amp;page=2"' in first.content.decode()


def test_organisation_page_shows_facts_and_published_solutions(client, db):
    region = RegionFactory(code="02", name_fi="Varsinais-Suomi", name_sv="Egentliga Finland")
    turku = OrganisationFactory(
        name_fi="Turku",
        name_sv="Åbo",
        slug="turku",
        code="853",
        region=region,
        population=201_863,
        website="https://www.turku.fi",
    )
    SolutionFactory(organisation=turku, title="Turun ratkaisu")
    SolutionFactory(
        organisation=turku, title="Luonnos", moderation_state=ModerationState.DRAFT, published_at=None
    )
    html = client.get("/sv/organisations/turku/").content.decode()
    assert "<h1>Åbo</h1>" in html
    assert "853" in html
    assert "201\xa0863" in html
    assert "Egentliga Finland" in html
    assert "https://www.turku.fi" in html
    assert "Turun ratkaisu" in html
    assert "Luonnos" not in html


def test_region_pages(client, db):
    region = RegionFactory(code="19", name_fi="Lappi", name_en="Lapland")
    other = RegionFactory(code="01", name_fi="Uusimaa")
    inari = OrganisationFactory(name_fi="Inari", region=region)
    SolutionFactory(organisation=inari, title="Saamenkielinen asiointi")
    SolutionFactory(organisation=OrganisationFactory(region=other), title="Muualla")
    listing = client.get("/en/regions/")
    counts = {r.code: (r.organisation_count, r.solution_count) for r in listing.context["regions"]}
    assert counts == {"19": (1, 1), "01": (1, 1)}
    assert "Lapland" in listing.content.decode()
    html = client.get("/en/regions/19/").content.decode()
    assert "Inari" in html
    assert "Saamenkielinen asiointi" in html
    assert "Muualla" not in html
