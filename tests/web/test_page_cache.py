"""Anonymous catalogue pages come from the cache until something they show changes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from solutions.community.models import Adoption
from tests.factories import OrganisationFactory, SolutionFactory


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def test_anonymous_pages_are_cached_per_language(client, db):
    solution = SolutionFactory(title="Kirjaston tilavaraus")
    for url in ("/fi/", "/fi/solutions/", solution.get_absolute_url()):
        first, html = queries(client, url)
        assert first > 0
        again, cached = queries(client, url)
        assert again == 0
        assert cached == html
    swedish, _ = queries(client, "/sv/solutions/")
    assert swedish > 0


def test_a_change_to_a_solution_refreshes_the_pages(client, db, django_capture_on_commit_callbacks):
    solution = SolutionFactory(title="Kirjaston tilavaraus")
    queries(client, "/fi/solutions/")
    with django_capture_on_commit_callbacks(execute=True):
        solution.title = "Uimahallin vuorot"
        solution.save()
    _, html = queries(client, "/fi/solutions/")
    assert "Uimahallin vuorot" in html


def test_an_adoption_refreshes_the_solution_page(client, db):
    solution = SolutionFactory(title="Kirjaston tilavaraus")
    queries(client, solution.get_absolute_url())
    Adoption.objects.create(solution=solution, organisation=OrganisationFactory(), status="in_use")
    count, _ = queries(client, solution.get_absolute_url())
    assert count > 0


def test_searches_and_logged_in_visitors_are_not_cached(client, db, member):
    SolutionFactory(title="Kirjaston tilavaraus")
    queries(client, "/fi/solutions/?q=kirjasto")
    count, _ = queries(client, "/fi/solutions/?q=kirjasto")
    assert count > 0
    client.force_login(member)
    queries(client, "/fi/")
    count, _ = queries(client, "/fi/")
    assert count > 0
