"""Tags given names in other languages: a search in one language finds solutions tagged in another,
and the tag filter speaks the reader's language."""

import pytest
from taggit.models import Tag

from solutions.models import TagNames
from tests.factories import SolutionFactory


@pytest.fixture
def snow_map(db):
    solution = SolutionFactory(
        title="Auraustilanne kartalla", summary="Asukkaat näkevät aurauksen etenemisen."
    )
    solution.tags.add("lumityöt")
    return solution


def titles(client, query, language="fi"):
    page = client.get(f"/{language}/solutions/", {"q": query}).context["page"]
    return [solution.title for solution in page.object_list]


def test_a_tag_named_in_swedish_and_english_is_found_in_those_languages(client, snow_map):
    # Words the built-in glossary does not know, so only the tag's names can find it.
    assert titles(client, "vinterväghållning", "sv") == []
    assert titles(client, "wintertime upkeep", "en") == []
    TagNames.objects.create(
        tag=Tag.objects.get(name="lumityöt"), name_sv="vinterväghållning", name_en="wintertime upkeep"
    )

    assert titles(client, "vinterväghållning", "sv") == ["Auraustilanne kartalla"]
    assert titles(client, "wintertime upkeep", "en") == ["Auraustilanne kartalla"]


def test_the_tag_filter_shows_the_name_in_the_readers_language(client, snow_map):
    TagNames.objects.create(
        tag=Tag.objects.get(name="lumityöt"), name_sv="snöröjning", name_en="snow clearing"
    )
    facets = {facet.name: facet for facet in client.get("/en/solutions/?q=auraus").context["facets"]}
    assert [option.label for option in facets["tag"].options] == ["snow clearing"]
    facets = {facet.name: facet for facet in client.get("/fi/solutions/?q=auraus").context["facets"]}
    assert [option.label for option in facets["tag"].options] == ["lumityöt"]


def test_renaming_a_tag_in_another_language_updates_what_finds_it(client, snow_map):
    names = TagNames.objects.create(tag=Tag.objects.get(name="lumityöt"), name_en="snow clearing")
    names.name_en = "winter maintenance"
    names.save()
    assert titles(client, "winter maintenance", "en") == ["Auraustilanne kartalla"]
    assert titles(client, "clearing", "en") == []


def test_the_result_says_it_matched_the_tag(client, snow_map):
    TagNames.objects.create(
        tag=Tag.objects.get(name="lumityöt"), name_sv="snöröjning", name_en="snow clearing"
    )
    page = client.get("/en/solutions/", {"q": "snow clearing"})
    assert "tag “snow clearing”" in page.content.decode()
