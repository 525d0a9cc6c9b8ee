"""Error pages say what happened in the visitor's language and are valid HTML."""

from django.test import RequestFactory
from django.views.defaults import server_error

from tests.checks import validate_html


def test_forbidden_page_explains_and_offers_a_way_on(member, other_organisation, client_for):
    response = client_for(member).get(f"/en/organisations/{other_organisation.slug}/members/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>No access</h1>" in html
    assert "/en/account/" in html  # the way to see one's own roles
    assert validate_html({"403": html}) == []


def test_server_error_page_needs_nothing_that_could_fail_again(db):
    response = server_error(RequestFactory().get("/fi/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Palvelussa on häiriö" in html
    assert "The service has a problem" in html
    assert validate_html({"500": html}) == []
