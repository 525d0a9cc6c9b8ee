"""An organisation's token writes its drafts through the publishing workflow, within its scopes."""

import pytest
from django.test import Client

from municipalities.models import MembershipRole
from solutions.interfaces.models import Scope
from solutions.interfaces.services import tokens
from solutions.models import ModerationItem, ModerationState, Revision, Solution
from tests import factories

pytestmark = pytest.mark.django_db

DRAFT = {"title": "Avoin palautejärjestelmä", "summary": "Palautteet yhteen paikkaan.", "kind": "software"}


def post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def patch(client, url, data):
    return client.patch(url, data, content_type="application/json")


def test_token_creates_a_draft_of_its_organisation(token_client, organisation, org_admin):
    response = post(
        token_client, "/api/v1/organisation/solutions/", {**DRAFT, "tags": ["palaute", "Palaute"]}
    )
    assert response.status_code == 201, response.json()
    solution = Solution.objects.get(pk=response.json()["id"])
    assert solution.organisation == organisation
    assert solution.moderation_state == ModerationState.DRAFT
    assert solution.created_by == org_admin
    assert list(solution.tags.names()) == ["palaute"]
    # A draft is not public.
    assert Client().get(f"/api/v1/solutions/{solution.slug}/").status_code == 404


def test_token_edits_and_submits_a_draft(token_client, organisation):
    created = post(token_client, "/api/v1/organisation/solutions/", DRAFT).json()
    url = f"/api/v1/organisation/solutions/{created['id']}/"
    edited = patch(token_client, url, {"summary": "Uusi tiivistelmä.", "version": created["version"]})
    assert edited.status_code == 200
    assert edited.json()["summary"] == "Uusi tiivistelmä."
    stale = patch(token_client, url, {"summary": "Vanhasta versiosta", "version": created["version"]})
    assert stale.status_code == 409
    submitted = post(token_client, f"{url}submit/")
    assert submitted.status_code == 202
    assert Solution.objects.get(pk=created["id"]).moderation_state == ModerationState.SUBMITTED
    assert ModerationItem.objects.filter(pk=submitted.json()["queue_item"]).exists()
    again = post(token_client, f"{url}submit/")
    assert again.status_code == 409


def test_editing_a_published_solution_makes_a_revision(token_client, solution):
    response = patch(token_client, f"/api/v1/organisation/solutions/{solution.pk}/", {"title": "Uusi nimi"})
    assert response.status_code == 200
    assert response.json()["has_pending_revision"] is True
    solution.refresh_from_db()
    assert solution.title != "Uusi nimi"
    assert Revision.objects.get(solution=solution).data["title"] == "Uusi nimi"


def test_token_cannot_touch_another_organisations_solution(token_client, other_organisation):
    theirs = factories.SolutionFactory(
        organisation=other_organisation, moderation_state="draft", published_at=None
    )
    url = f"/api/v1/organisation/solutions/{theirs.pk}/"
    assert token_client.get(url).status_code == 404
    assert patch(token_client, url, {"title": "Kaapattu"}).status_code == 404
    assert post(token_client, f"{url}submit/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.title != "Kaapattu"


def test_scopes_limit_what_a_token_does(org_admin, organisation, make_token):
    _token, secret = make_token(org_admin, organisation, scopes=[Scope.READ])
    reader = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert reader.get("/api/v1/organisation/solutions/").status_code == 200
    assert post(reader, "/api/v1/organisation/solutions/", DRAFT).status_code == 403
    _token, secret = make_token(org_admin, organisation, scopes=[Scope.WRITE_DRAFTS], name="Kirjoittaja")
    writer = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    created = post(writer, "/api/v1/organisation/solutions/", DRAFT)
    assert created.status_code == 201
    assert post(writer, f"/api/v1/organisation/solutions/{created.json()['id']}/submit/").status_code == 403
    assert writer.get("/api/v1/organisation/solutions/").status_code == 403


def test_lists_every_state_of_own_solutions_only(token_client, organisation, other_organisation):
    draft = factories.SolutionFactory(organisation=organisation, moderation_state="draft", published_at=None)
    factories.SolutionFactory(organisation=other_organisation)
    rows = token_client.get("/api/v1/organisation/solutions/").json()["results"]
    assert [(row["id"], row["moderation_state"]) for row in rows] == [(draft.pk, "draft")]


def test_without_or_with_a_wrong_token(api):
    assert post(api, "/api/v1/organisation/solutions/", DRAFT).status_code == 401
    wrong = Client(HTTP_AUTHORIZATION="Bearer kj_000000000000_nope")
    assert wrong.get("/api/v1/organisation/solutions/").status_code == 401
    # Reads of the public catalogue need no token, and a wrong one is still refused.
    assert wrong.get("/api/v1/solutions/").status_code == 401


def test_revoked_token_stops_working(token_client, admin_token, org_admin):
    token, _secret = admin_token
    tokens.revoke_token(token, org_admin)
    assert token_client.get("/api/v1/organisation/solutions/").status_code == 401


def test_token_stops_when_its_creator_loses_the_admin_role(
    token_client, org_admin, organisation, second_admin
):
    org_admin.memberships.filter(organisation=organisation).update(role=MembershipRole.EDITOR)
    assert token_client.get("/api/v1/organisation/solutions/").status_code == 401
    assert post(token_client, "/api/v1/organisation/solutions/", DRAFT).status_code == 401
    org_admin.memberships.filter(organisation=organisation).update(role=MembershipRole.ADMIN)
    assert token_client.get("/api/v1/organisation/solutions/").status_code == 200


def test_secret_is_stored_hashed(admin_token):
    token, secret = admin_token
    assert secret not in (token.secret_hash, token.prefix)
    assert secret.startswith(f"kj_{token.prefix}_")
    assert len(token.secret_hash) == 64


def test_invalid_content_is_refused_with_the_field(token_client):
    wrong_type = post(token_client, "/api/v1/organisation/solutions/", {**DRAFT, "title": 5})
    assert wrong_type.status_code == 400
    assert set(wrong_type.json()) == {"title"}
    url = "/api/v1/organisation/solutions/"
    wrong_kind = post(token_client, url, {**DRAFT, "kind": "rocket", "summary": ""})
    assert wrong_kind.status_code == 400
    assert set(wrong_kind.json()) == {"kind", "summary"}
    assert (
        post(
            token_client, "/api/v1/organisation/solutions/", {**DRAFT, "service_classes": ["X9"]}
        ).status_code
        == 400
    )
