"""Suggestions while typing: unfinished words, solutions, organisations and tags, as JSON."""

import pytest

from tests.factories import OrganisationFactory, SolutionFactory


@pytest.fixture
def catalogue(db):
    kirkkonummi = OrganisationFactory(name_fi="Kirkkonummi", slug="kirkkonummi")
    SolutionFactory(title="Kirjastojen aineistohaku", organisation=kirkkonummi, tags=["kirjastot"])
    SolutionFactory(title="Ruokalistat kouluille")
    SolutionFactory(title="Luonnos kirjastoille", moderation_state="draft", published_at=None)


def suggest(client, text):
    response = client.get("/fi/search/suggestions/", {"q": text})
    assert response.status_code == 200
    return response.json()


def test_an_unfinished_word_suggests_solutions_organisations_and_tags(client, catalogue):
    found = suggest(client, "kir")
    assert [row["label"] for row in found["solutions"]] == ["Kirjastojen aineistohaku"]
    assert found["solutions"][0]["url"].startswith("/fi/solutions/")
    assert [row["label"] for row in found["organisations"]] == ["Kirkkonummi"]
    assert [row["label"] for row in found["tags"]] == ["kirjastot"]


def test_a_finished_word_matches_by_its_base_form(client, catalogue):
    assert [row["label"] for row in suggest(client, "kirjastoissa")["solutions"]] == [
        "Kirjastojen aineistohaku"
    ]


@pytest.mark.parametrize("text", ["", "k", "\x00", '"', "-", "📚", "k" * 5000])
def test_short_or_odd_input_gives_an_empty_answer_not_an_error(client, catalogue, text):
    found = suggest(client, text)
    assert set(found) == {"solutions", "organisations", "tags"}
