"""The membership pages are valid HTML and their query counts do not grow with the membership."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import MembershipRole, MembershipState
from tests import factories
from tests.checks import validate_html
from tests.conftest import member_of


def add_people(organisation, members, requests):
    for index in range(members):
        member_of(organisation, [MembershipRole.MEMBER, MembershipRole.EDITOR][index % 2])
    for _ in range(requests):
        factories.MembershipFactory(organisation=organisation, state=MembershipState.PENDING)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/en/organisations/kuhmo/people/", "/en/organisations/kuhmo/members/"])
def test_query_count_does_not_grow_with_members(url, client_for, organisation, org_admin):
    client = client_for(org_admin)
    add_people(organisation, members=5, requests=2)
    few = count_queries(client, url)
    add_people(organisation, members=25, requests=10)
    assert count_queries(client, url) == few


def test_pages_are_valid_html(client_for, organisation, org_admin, coordinator, member, pending_request):
    admin = client_for(org_admin)
    prefix = f"m{pending_request.pk}"
    documents = {
        "organisation (member)": client_for(member).get("/fi/organisations/kuhmo/").content.decode(),
        "organisation (admin)": admin.get("/fi/organisations/kuhmo/").content.decode(),
        "organisation (requester)": client_for(pending_request.user)
        .get("/fi/organisations/kuhmo/")
        .content.decode(),
        "people": admin.get("/fi/organisations/kuhmo/people/").content.decode(),
        "manage": admin.get("/fi/organisations/kuhmo/members/").content.decode(),
        "manage with an error": admin.post(
            f"/fi/organisations/kuhmo/members/{pending_request.pk}/decide/",
            {f"{prefix}-decision": "maybe", f"{prefix}-message": "Hmm"},
        ).content.decode(),
        "edit": client_for(coordinator).get("/fi/organisations/kuhmo/edit/").content.decode(),
        "edit with errors": client_for(coordinator)
        .post(
            "/fi/organisations/kuhmo/edit/",
            {
                "name_fi": "",
                "kind": "municipality",
                "language_status": "fi",
                "domains-TOTAL_FORMS": "1",
                "domains-INITIAL_FORMS": "0",
                "domains-0-domain": "ei domain",
            },
        )
        .content.decode(),
    }
    assert validate_html(documents) == []
