"""Feeds and sitemaps list published content, newest first, in every language."""

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def atom_titles(response):
    root = ElementTree.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def sitemap_locations(response):
    root = ElementTree.fromstring(response.content)
    return [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]


@pytest.fixture
def three_solutions(organisation, other_organisation):
    now = timezone.now()
    return [
        factories.SolutionFactory(
            title=title, organisation=org, published_at=now - timezone.timedelta(days=days)
        )
        for title, org, days in (
            ("Vanha", organisation, 30),
            ("Uusin", other_organisation, 0),
            ("Keskimmäinen", organisation, 5),
        )
    ]


def test_the_feed_lists_the_newest_published_solutions_first(client, three_solutions):
    response = client.get("/fi/feeds/solutions/")
    assert (response["Content-Type"].split(";")[0], atom_titles(response)) == (
        "application/atom+xml",
        ["Uusin", "Keskimmäinen", "Vanha"],
    )


def test_an_organisation_feed_lists_only_its_own_solutions(client, three_solutions):
    assert atom_titles(client.get("/fi/feeds/organisations/kuhmo/")) == ["Keskimmäinen", "Vanha"]


def test_the_feed_of_an_unknown_organisation_is_not_found(client, db):
    assert client.get("/fi/feeds/organisations/ei-ole/").status_code == 404


def test_feed_entries_link_to_the_solution_page(client, three_solutions):
    root = ElementTree.fromstring(client.get("/fi/feeds/solutions/").content)
    links = [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]
    assert links[0] == f"http://testserver/fi/solutions/{three_solutions[1].slug}/"


def test_the_sitemap_lists_solutions_organisations_and_regions_in_every_language(client, three_solutions):
    locations = sitemap_locations(client.get("/sitemap.xml"))
    slug = three_solutions[0].slug
    region = three_solutions[0].organisation.region.code
    wanted = {
        f"http://testserver/{lang}/{path}"
        for lang in ("fi", "sv", "en")
        for path in (f"solutions/{slug}/", "organisations/kuhmo/", f"regions/{region}/", "")
    }
    assert wanted <= set(locations)


def test_sitemap_entries_name_their_language_alternates(client, three_solutions):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    url = next(
        url
        for url in root.iter(f"{SITEMAP}url")
        if url.findtext(f"{SITEMAP}loc").endswith("/fi/organisations/kuhmo/")
    )
    hreflangs = {link.get("hreflang") for link in url.iter(f"{XHTML}link")}
    assert hreflangs == {"fi", "sv", "en", "x-default"}
