"""The Open Catalog API (read side) as its published description defines it: shapes, field names,
pagination links, error bodies, cache headers; writes answered as a read-only instance."""

import base64
import re
import uuid
from datetime import timedelta

import pytest
import yaml
from django.utils import timezone

from solutions.community.models import Adoption
from solutions.models import ModerationState
from solutions.opencode.models import HarvestLog, HarvestSource
from solutions.opencode.publiccode.validator import validate
from tests import factories

pytestmark = pytest.mark.django_db

UUID = re.compile(r"^[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89ab][a-f0-9]{3}-[a-f0-9]{12}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
BASE = "/oca/v1"


def software(organisation, n, **fields):
    return factories.SolutionFactory(
        organisation=organisation,
        title=f"Ohjelma {n} – Åbo",
        repository_url=f"https://git.example.org/kuhmo/app-{n}",
        published_at=timezone.now() - timedelta(days=30 - n),
        **fields,
    )


@pytest.fixture
def catalogue(organisation, other_organisation):
    # Official municipality codes (the factories give codes only to their first organisations).
    organisation.code, other_organisation.code = "290", "732"
    organisation.save(update_fields=["code"])
    other_organisation.save(update_fields=["code"])
    items = [software(organisation, n) for n in range(5)]
    factories.SolutionFactory(organisation=organisation, repository_url="")  # no source code
    factories.SolutionFactory(
        organisation=organisation,
        repository_url="https://git.example.org/draft",
        moderation_state="draft",
        published_at=None,
    )
    return items


def problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert set(body) == {"title", "detail", "status"}
    assert body["status"] == status
    return body


def test_status_answers_no_content(client):
    assert client.get(f"{BASE}/status").status_code == 204


def test_software_list_has_the_documented_shape_and_only_published_source_code(client, catalogue):
    response = client.get(f"{BASE}/software")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    body = response.json()
    assert set(body) == {"data", "links"}
    assert body["links"] == {"prev": None, "next": None}
    assert [item["id"] for item in body["data"]] == [str(s.uuid) for s in catalogue]
    for item in body["data"]:
        assert set(item) == {"id", "url", "active", "publiccodeYml", "createdAt", "updatedAt"}
        assert UUID.match(item["id"])
        assert RFC3339.match(item["createdAt"])
        assert RFC3339.match(item["updatedAt"])
        assert item["active"] is True
        report = validate(item["publiccodeYml"])
        assert report.valid, [str(m) for m in report.errors]
        assert report.document["url"] == item["url"]
    assert "Ohjelma 0 – Åbo" in body["data"][0]["publiccodeYml"]


def test_cursor_pagination_walks_forward_and_back_without_gaps(client, catalogue):
    first = client.get(f"{BASE}/software", {"page[size]": 2}).json()
    assert first["links"]["prev"] is None
    assert first["links"]["next"].startswith("?page[after]=")
    assert "page[size]=2" in first["links"]["next"]
    seen = [item["id"] for item in first["data"]]
    page = first
    while page["links"]["next"]:
        page = client.get(f"{BASE}/software{page['links']['next']}").json()
        seen += [item["id"] for item in page["data"]]
    assert seen == [str(s.uuid) for s in catalogue]
    assert page["links"]["next"] is None
    back = client.get(f"{BASE}/software{page['links']['prev']}").json()
    assert [item["id"] for item in back["data"]] == [str(s.uuid) for s in catalogue[2:4]]


def test_software_filters_url_from_to_and_all(client, catalogue, organisation):
    body = client.get(f"{BASE}/software", {"url": "https://git.example.org/kuhmo/app-3"}).json()
    assert [item["id"] for item in body["data"]] == [str(catalogue[3].uuid)]
    middle = catalogue[2].published_at.isoformat()
    later = client.get(f"{BASE}/software", {"from": middle}).json()["data"]
    assert [item["id"] for item in later] == [str(s.uuid) for s in catalogue[3:]]
    earlier = client.get(f"{BASE}/software", {"to": middle}).json()["data"]
    assert [item["id"] for item in earlier] == [str(s.uuid) for s in catalogue[:2]]
    archived = software(organisation, 9, moderation_state=ModerationState.ARCHIVED)
    assert str(archived.uuid) not in {i["id"] for i in client.get(f"{BASE}/software").json()["data"]}
    everything = client.get(f"{BASE}/software", {"all": "true"}).json()["data"]
    assert {"id": str(archived.uuid), "active": False}.items() <= next(
        i for i in everything if i["id"] == str(archived.uuid)
    ).items()


@pytest.mark.parametrize(
    "params",
    [
        {"page[size]": "0"},
        {"page[size]": "101"},
        {"page[size]": "many"},
        {"from": "yesterday"},
        {"to": "2026-01-01"},
        {"all": "maybe"},
        {"from": "9999-12-31T23:59:59-23:59"},
    ],
)
def test_invalid_parameters_are_problems(client, catalogue, params):
    problem(client.get(f"{BASE}/software", params), 422)


def test_software_detail_and_not_found(client, catalogue):
    item = client.get(f"{BASE}/software/{catalogue[0].uuid}")
    assert item.status_code == 200
    assert item.json()["id"] == str(catalogue[0].uuid)
    assert item["Cache-Control"] == "public, max-age=60"
    for missing in (uuid.uuid4(), "not-a-uuid"):
        body = problem(client.get(f"{BASE}/software/{missing}"), 404)
        assert body["title"] == "can't get Software"


def test_unpublished_solutions_are_never_exposed(client, organisation):
    draft = factories.SolutionFactory(
        organisation=organisation,
        repository_url="https://git.example.org/d",
        moderation_state="draft",
        published_at=None,
    )
    problem(client.get(f"{BASE}/software/{draft.uuid}"), 404)
    problem(client.get(f"{BASE}/software/{draft.uuid}/logs"), 404)
    assert client.get(f"{BASE}/software", {"all": "true"}).json()["data"] == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/software"),
        ("patch", "/software/{id}"),
        ("delete", "/software/{id}"),
        ("post", "/logs"),
        ("post", "/software/{id}/logs"),
        ("post", "/publishers"),
        ("patch", "/publishers/{id}"),
        ("delete", "/publishers/{id}"),
    ],
)
def test_writes_are_answered_as_a_read_only_instance(client, catalogue, method, path):
    url = BASE + path.format(id=catalogue[0].uuid)
    problem(getattr(client, method)(url, data="{}", content_type="application/json"), 401)


def test_publishers_with_code_hosting_and_official_code(client, catalogue, organisation, other_organisation):
    HarvestSource.objects.create(
        organisation=organisation,
        url="https://git.example.org/kuhmo/app-0",
        raw_url="https://git.example.org/x.yml",
    )
    body = client.get(f"{BASE}/publishers").json()
    assert body["links"] == {"prev": None, "next": None}
    assert [p["id"] for p in body["data"]] == [str(organisation.uuid)]  # the other has no code
    publisher = body["data"][0]
    assert set(publisher) == {
        "id",
        "codeHosting",
        "description",
        "active",
        "alternativeId",
        "createdAt",
        "updatedAt",
    }
    assert publisher["description"] == "Kuhmo"
    assert publisher["alternativeId"] == organisation.code
    urls = [h["url"] for h in publisher["codeHosting"]]
    assert urls == ["https://git.example.org/kuhmo/app-0"] + [
        f"https://git.example.org/kuhmo/app-{n}" for n in range(1, 5)
    ]
    assert all(set(h) == {"url", "group", "createdAt", "updatedAt"} for h in publisher["codeHosting"])
    assert client.get(f"{BASE}/publishers/{organisation.uuid}").json() == publisher
    assert client.get(f"{BASE}/publishers/{organisation.code}").json() == publisher
    problem(client.get(f"{BASE}/publishers/{other_organisation.uuid}"), 404)


def test_logs_newest_first_with_entity_and_messages(client, catalogue, organisation):
    source = HarvestSource.objects.create(
        organisation=organisation,
        url="https://git.example.org/kuhmo/app-1",
        raw_url="https://git.example.org/1.yml",
        solution=catalogue[1],
    )
    old = HarvestLog.objects.create(source=source, outcome="unchanged", valid=True)
    new = HarvestLog.objects.create(
        source=source,
        outcome="invalid",
        valid=False,
        messages=[{"level": "error", "key": "name", "line": 2, "column": 7, "text": "must be a text"}],
    )
    HarvestLog.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=1))
    body = client.get(f"{BASE}/logs").json()
    assert [log["id"] for log in body["data"]] == [str(new.uuid), str(old.uuid)]
    latest = body["data"][0]
    assert set(latest) == {"id", "createdAt", "updatedAt", "message", "entity"}
    assert latest["entity"] == f"/software/{catalogue[1].uuid}"
    assert "2:7 name: must be a text" in latest["message"]
    own = client.get(f"{BASE}/software/{catalogue[1].uuid}/logs").json()
    assert [log["id"] for log in own["data"]] == [str(new.uuid), str(old.uuid)]
    assert client.get(f"{BASE}/software/{catalogue[2].uuid}/logs").json()["data"] == []


def test_used_by_lists_reusing_organisations_with_official_codes(client, catalogue, other_organisation):
    Adoption.objects.create(organisation=other_organisation, solution=catalogue[0], status="in_use")
    Adoption.objects.create(
        organisation=factories.OrganisationFactory(), solution=catalogue[0], status="interested"
    )
    body = client.get(f"{BASE}/software/{catalogue[0].uuid}/usedBy").json()
    assert body == {
        "data": [
            {
                "publisherId": str(other_organisation.uuid),
                "name": "Salla",
                "alternativeId": other_organisation.code,
                "uri": f"urn:x-fi-municipality:{other_organisation.code}",
                "status": "in_use",
                "since": None,
            }
        ]
    }


def test_own_description_is_served_and_names_this_server(client):
    response = client.get(f"{BASE}/openapi.yaml")
    schema = yaml.safe_load(response.content)
    assert schema["servers"] == [{"url": "http://testserver/oca/v1"}]
    assert {
        "/software",
        "/software/{softwareId}",
        "/software/{softwareId}/logs",
        "/logs",
        "/publishers",
        "/publishers/{publisherId}",
        "/status",
    } <= set(schema["paths"])


def test_cursor_is_opaque_base64(client, catalogue):
    next_link = client.get(f"{BASE}/software", {"page[size]": 1}).json()["links"]["next"]
    cursor = next_link.split("page[after]=")[1].split("&")[0]
    from urllib.parse import unquote

    assert base64.urlsafe_b64decode(unquote(cursor))


def test_a_cursor_this_api_did_not_make_gives_an_empty_page(client, catalogue):
    body = client.get(f"{BASE}/software", {"page[after]": "not-a-cursor"}).json()
    assert body == {"data": [], "links": {"prev": None, "next": None}}


def test_any_rfc3339_offset_is_compared_in_utc(client, catalogue):
    body = client.get(f"{BASE}/logs", {"from": "3863-09-17T13:27:58-21:11"})
    assert body.status_code == 200
    assert body.json()["data"] == []
    assert len(client.get(f"{BASE}/software", {"to": "2999-01-01T00:00:00+14:30"}).json()["data"]) == 5
