"""What every page has: the language, the skip link, the language switch that keeps the query."""

import re

import pytest

from tests.factories import SolutionFactory


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_html_lang_follows_the_url(client, db, lang):
    response = client.get(f"/{lang}/")
    assert f'<html lang="{lang}">' in response.content.decode()


def test_skip_link_is_the_first_thing_in_the_body_and_leads_to_main(client, db):
    html = client.get("/fi/").content.decode()
    body = html.split("<body>", 1)[1].lstrip()
    assert body.startswith('<a class="skip-link" href="#main">')
    assert '<main id="main"' in html


def test_language_switch_points_to_the_same_page_with_the_query_string(client, db):
    html = client.get("/fi/solutions/?q=kirjasto&kind=software").content.decode()
    switch = html.split('class="language-switch"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/sv/solutions/?q=kirjasto&amp;kind=software" lang="sv" hreflang="sv"' in switch
    assert 'href="/en/solutions/?q=kirjasto&amp;kind=software" lang="en" hreflang="en"' in switch
    assert re.search(
        r'href="/fi/solutions/\?q=kirjasto&amp;kind=software"[^>]*aria-current="true">Suomi', switch
    )
    assert ">Svenska<" in switch
    assert ">English<" in switch


def test_language_switch_on_a_solution_page(client, solution):
    html = client.get(f"/en/solutions/{solution.slug}/").content.decode()
    assert f'href="/fi/solutions/{solution.slug}/" lang="fi"' in html
    assert f'href="/sv/solutions/{solution.slug}/" lang="sv"' in html


def test_header_search_is_labelled_and_goes_to_the_solution_list(client, db):
    html = client.get("/en/").content.decode()
    assert '<form class="site-search" role="search" method="get" action="/en/solutions/">' in html
    assert '<label for="site-search-q">' in html
    assert 'id="site-search-q" name="q"' in html


def test_main_navigation_marks_the_current_page(client, db):
    html = client.get("/fi/regions/").content.decode()
    assert 'href="/fi/regions/" aria-current="page"' in html
    assert 'href="/fi/solutions/" aria-current="page"' not in html


def test_every_page_has_one_h1(client, solution):
    urls = ["/fi/", "/fi/solutions/", solution.get_absolute_url(), "/fi/organisations/", "/fi/regions/"]
    urls += [solution.organisation.get_absolute_url(), solution.organisation.region.get_absolute_url()]
    for url in urls:
        html = client.get(url).content.decode()
        assert html.count("<h1") == 1, url


def test_pages_are_valid_html(client, db):
    from tests.checks import validate_html

    solution = SolutionFactory(description="# Otsikko\n\n| a | b |\n|---|---|\n| 1 | 2 |", tags=["data"])
    urls = {
        "home": "/fi/",
        "list": "/fi/solutions/?q=ratkaisu&kind=software",
        "empty list": "/sv/solutions/?q=olematon&kind=api",
        "detail": solution.get_absolute_url(),
        "organisations": "/en/organisations/",
        "organisation": solution.organisation.get_absolute_url(),
        "regions": "/fi/regions/",
        "region": solution.organisation.region.get_absolute_url(),
    }
    documents = {name: client.get(url).content.decode() for name, url in urls.items()}
    errors = validate_html(documents)
    assert not errors, "\n".join(errors)
