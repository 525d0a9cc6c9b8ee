"""List pages run a fixed number of queries, however many solutions the catalogue holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import MembershipRole
from solutions.models import Solution
from tests.conftest import member_of
from tests.factories import SolutionFactory

LIST_PAGES = {
    # The whole catalogue's counts (totals, kinds, classes, life events) come from one query of
    # grouped counts and the publishers from one more, kept per catalogue version; the municipalities
    # are counted; the newest solutions listed; the unanswered help requests, the latest news and the
    # upcoming events listed.
    "/fi/": 7,
    # Every facet without a selection (kind, classes, life events, organisation, region, size, tags,
    # lifecycle, licence, the reuse facets) comes from one query of grouped counts, which also gives
    # the total, and the publishing organisations' names from one more; the cards show no tags, so
    # none are read.
    "/fi/solutions/": 3,
    # Each facet with a selection counts on its own (kind, tag, service class: +3); the search words
    # are looked up in the index's vocabulary for typos (+1); a search's total comes with its facet
    # counts (no COUNT); the cards' tags, service classes and life events, with their names in every
    # language, say why each result matched (+1).
    "/fi/solutions/?q=ratkaisu&kind=software&kind=api&tag=avoin-data&service_class=P1&sort=title": 8,
    "/fi/organisations/": 3,
    "/fi/organisations/?region=01&size=small&publishing=on": 4,
    "/fi/regions/": 1,
}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(("url", "expected"), LIST_PAGES.items())
def test_list_page_queries_do_not_grow_with_the_catalogue(client, make_catalogue, url, expected):
    make_catalogue(5)
    small = count_queries(client, url)
    make_catalogue(45)
    assert Solution.objects.published().count() == 50
    large = count_queries(client, url)
    assert small == large == expected


def test_the_whole_catalogue_is_counted_once_per_catalogue_version(client, make_catalogue):
    # A member's list is not a cached page, and its reuse facets name the member's own organisations,
    # but the total and counts of the unfiltered catalogue are the same for everyone until it
    # changes, on the list and on the front page alike.
    solutions = make_catalogue(5)
    client.force_login(member_of(solutions[0].organisation, MembershipRole.MEMBER))
    counting = []
    for url in ("/fi/solutions/", "/fi/solutions/?page=1", "/fi/", "/sv/solutions/"):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        counting.append([q["sql"] for q in context.captured_queries if q["sql"].startswith("WITH m ")])
    assert [len(queries) for queries in counting] == [1, 0, 0, 0]
    assert response.context["page"].paginator.count == 5
    assert response.context["filterset"].own_organisations()  # its facets are its own, not cached
    SolutionFactory()  # a new solution makes a new catalogue version
    response = client.get("/fi/solutions/")
    assert response.context["page"].paginator.count == 6
    assert client.get("/fi/").context["totals"]["solutions"] == 6


# The organisation page reads the adoptions of its solutions and its own adoptions: two queries;
# the exchange balance's lines of jointly developed solutions (solutions.initiatives) and of the
# savings its experiments measured (solutions.experiments): one each.
@pytest.mark.parametrize(("page", "expected"), [("organisation", 10), ("region", 5)])
def test_detail_pages_with_cards_do_not_grow(client, make_catalogue, page, expected):
    first = make_catalogue(5)[0]
    target = first.organisation if page == "organisation" else first.organisation.region
    small = count_queries(client, target.get_absolute_url())
    for solution in make_catalogue(45):
        solution.organisation = first.organisation
        solution.save()
    large = count_queries(client, target.get_absolute_url())
    assert small == large == expected


def test_solution_page_queries_are_fixed(client, make_catalogue):
    solution = make_catalogue(3)[0]
    # Two of them are the reuse section (the adoptions and the contact persons), two the discussion
    # (the comments, and the help-request answers that suggest this solution).
    assert count_queries(client, solution.get_absolute_url()) == 11
