"""The read API shows what a visitor sees on the site, nothing more, with the web list's search."""

import pytest

from solutions.community.models import Adoption, AdoptionStatus, HelpRequest
from solutions.community.models.discussion import PostState
from tests import factories

pytestmark = pytest.mark.django_db


def slugs(response):
    return slugs_of(response.json())


def slugs_of(page):
    return [row["slug"] for row in page["results"]]


def test_solutions_lists_only_published(api, catalogue):
    published, hidden = catalogue
    response = api.get("/api/v1/solutions/")
    assert response.status_code == 200
    assert set(slugs(response)) == {solution.slug for solution in published}
    for solution in hidden:
        assert api.get(f"/api/v1/solutions/{solution.slug}/").status_code == 404


def test_archived_solution_is_not_listed(api, organisation):
    archived = factories.SolutionFactory(organisation=organisation, moderation_state="archived")
    assert archived.slug not in slugs(api.get("/api/v1/solutions/"))


def test_solution_detail_by_slug(api, catalogue):
    solution = catalogue[0][0]
    data = api.get(f"/api/v1/solutions/{solution.slug}/").json()
    assert data["id"] == solution.pk
    assert data["title"] == "Tilavarausjärjestelmä"
    assert data["organisation"]["slug"] == "kuhmo"
    assert data["page_url"].endswith(solution.get_absolute_url())
    assert "moderation_state" not in data


def test_filters_are_those_of_the_web_list(api, catalogue):
    assert slugs(api.get("/api/v1/solutions/?kind=api")) == [catalogue[0][1].slug]
    both = api.get("/api/v1/solutions/?kind=api&kind=software")
    assert len(slugs(both)) == 2
    assert slugs(api.get("/api/v1/solutions/?organisation=salla")) == [catalogue[0][1].slug]
    assert slugs(api.get("/api/v1/solutions/?kind=process")) == []


def test_search_finds_a_compound_word(api, catalogue):
    assert slugs(api.get("/api/v1/solutions/", {"q": "järjestelmä"})) == [catalogue[0][0].slug]


def test_ordering_by_title(api, catalogue):
    assert slugs(api.get("/api/v1/solutions/?sort=title")) == [catalogue[0][1].slug, catalogue[0][0].slug]


def test_invalid_sort_is_a_clear_400(api, catalogue):
    response = api.get("/api/v1/solutions/?sort=sideways")
    assert response.status_code == 400
    assert "sort" in response.json()


def test_pagination_has_next_and_previous_links(api, organisation, settings):
    settings.API_PAGE_SIZE = 2
    factories.SolutionFactory.create_batch(5, organisation=organisation)
    first = api.get("/api/v1/solutions/").json()
    assert first["count"] == 5
    assert first["previous"] is None
    assert first["next"].startswith("http://testserver/api/v1/solutions/?page=2")
    second = api.get(first["next"]).json()
    assert second["previous"] is not None
    assert len(second["results"]) == 2
    assert not set(slugs_of(first)) & set(slugs_of(second))


def test_etag_and_not_modified(api, catalogue):
    response = api.get("/api/v1/solutions/")
    etag = response["ETag"]
    assert response["Last-Modified"]
    again = api.get("/api/v1/solutions/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    factories.SolutionFactory(title="Uusi ratkaisu")
    changed = api.get("/api/v1/solutions/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_if_modified_since(api, catalogue):
    response = api.get(f"/api/v1/solutions/{catalogue[0][0].slug}/")
    again = api.get(
        f"/api/v1/solutions/{catalogue[0][0].slug}/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]
    )
    assert again.status_code == 304


def test_cors_for_reads_only(api, catalogue, token_client):
    assert api.get("/api/v1/solutions/")["Access-Control-Allow-Origin"] == "*"
    preflight = api.options("/api/v1/solutions/", HTTP_ORIGIN="https://example.org")
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    write = token_client.post(
        "/api/v1/organisation/solutions/", {"title": "x"}, content_type="application/json"
    )
    assert "Access-Control-Allow-Origin" not in write
    assert "Access-Control-Allow-Origin" not in api.get("/fi/solutions/")


def test_throttling_per_client(api, catalogue, settings, token_client):
    settings.API_THROTTLE_RATES = {"anonymous": "3/min", "token": "5/min"}
    for _ in range(3):
        assert api.get("/api/v1/regions/").status_code == 200
    refused = api.get("/api/v1/regions/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # A token counts for itself, not for the address it shares with the anonymous reader.
    assert token_client.get("/api/v1/regions/").status_code == 200


def test_organisations_regions_and_vocabularies(api, organisation):
    factories.ServiceClassFactory(code="P1")
    factories.LifeEventFactory(code="KE1")
    organisations = api.get("/api/v1/organisations/").json()["results"]
    assert "kuhmo" in [row["slug"] for row in organisations]
    assert api.get("/api/v1/organisations/kuhmo/").json()["region"] == organisation.region.code
    region = api.get(f"/api/v1/regions/{organisation.region.code}/").json()
    assert region["name_fi"] == organisation.region.name_fi
    assert api.get("/api/v1/service-classes/P1/").status_code == 200
    assert [row["code"] for row in api.get("/api/v1/life-events/").json()["results"]] == ["KE1"]


def test_adoptions_only_of_published_solutions(api, catalogue, other_organisation):
    published, hidden = catalogue
    shown = Adoption.objects.create(
        organisation=other_organisation, solution=published[0], status=AdoptionStatus.IN_USE
    )
    Adoption.objects.create(organisation=other_organisation, solution=hidden[0], status=AdoptionStatus.IN_USE)
    rows = api.get("/api/v1/adoptions/").json()["results"]
    assert [row["id"] for row in rows] == [shown.pk]
    assert rows[0]["solution"] == published[0].slug


def test_help_requests_only_published_posts(api, member, organisation):
    visible = HelpRequest.objects.create(
        author=member, organisation=organisation, title="Miten?", question="…", state=PostState.PUBLISHED
    )
    for state in (PostState.HELD, PostState.HIDDEN):
        HelpRequest.objects.create(
            author=member, organisation=organisation, title=f"Ei {state}", question="…", state=state
        )
    rows = api.get("/api/v1/help-requests/").json()["results"]
    assert [row["id"] for row in rows] == [visible.pk]
    assert api.get("/api/v1/help-requests/").json()["count"] == 1
