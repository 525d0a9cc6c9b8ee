"""Every list endpoint costs the same number of queries whatever its length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from solutions.community.models import Adoption, AdoptionStatus, HelpRequest
from solutions.community.models.discussion import PostState
from tests import factories

pytestmark = pytest.mark.django_db


def grow(size, organisation, member):
    service_class = factories.ServiceClassFactory()
    life_event = factories.LifeEventFactory()
    for _ in range(size):
        partner = factories.OrganisationFactory()
        solution = factories.SolutionFactory(organisation=organisation, tags=["a", "b"])
        solution.partners.add(partner)
        solution.service_classes.add(service_class)
        solution.life_events.add(life_event)
        Adoption.objects.create(organisation=partner, solution=solution, status=AdoptionStatus.IN_USE)
        help_request = HelpRequest.objects.create(
            author=member, organisation=organisation, title="Apua", question="?", state=PostState.PUBLISHED
        )
        help_request.tags.add("apu")


LISTS = [
    "/api/v1/solutions/",
    "/api/v1/solutions/?kind=software&sort=reuse",
    "/api/v1/organisations/",
    "/api/v1/regions/",
    "/api/v1/adoptions/",
    "/api/v1/help-requests/",
    "/api/v1/service-classes/",
    "/api/v1/life-events/",
]


@pytest.mark.parametrize("url", LISTS)
def test_list_query_count_does_not_grow(client, organisation, member, django_assert_num_queries, url):
    grow(2, organisation, member)
    with django_assert_num_queries(count_of(client, url)) as small:
        client.get(url)
    grow(6, organisation, member)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.json()["count"] >= 2


def test_own_solutions_query_count_does_not_grow(
    token_client, organisation, member, django_assert_num_queries
):
    url = "/api/v1/organisation/solutions/"
    grow(2, organisation, member)
    with django_assert_num_queries(count_of(token_client, url)) as small:
        token_client.get(url)
    grow(6, organisation, member)
    with django_assert_num_queries(len(small.captured_queries)):
        assert token_client.get(url).json()["count"] == 8


def count_of(client, url):
    client.get(url)  # once first: a token records when it was last used, once a minute
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries.captured_queries)
