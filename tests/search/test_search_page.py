"""The search page with difficult input: results or a clear message, never an error page."""

import pytest

from solutions.search.base import MAX_QUERY_LENGTH
from tests.factories import SolutionFactory


@pytest.fixture
def library(db):
    return SolutionFactory(title="Kirjaston tilavarausjärjestelmä", summary="Ryhmätilojen varaus verkossa.")


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "kirjasto\x00",
        "k" * 10_000,
        '-- "" or -',
        '"kirjasto',
        'kirjasto"""\'',
        "📚 kirjasto 🙂",
        "📚",
    ],
)
def test_bad_input_gives_a_page(client, library, query):
    response = client.get("/fi/solutions/", {"q": query})
    assert response.status_code == 200


def test_a_query_of_only_operators_says_so_and_lists_everything(client, library):
    response = client.get("/en/solutions/", {"q": '-- "" -'})
    assert "no words to look for" in response.content.decode()
    assert [s.title for s in response.context["page"].object_list] == [library.title]


def test_a_long_query_is_cut_and_says_so(client, library):
    response = client.get("/en/solutions/", {"q": "kirjasto " * 100})
    html = response.content.decode()
    assert f"first {MAX_QUERY_LENGTH} characters" in html
    assert f'maxlength="{MAX_QUERY_LENGTH}"' in html
    assert [s.title for s in response.context["page"].object_list] == [library.title]


def test_a_typo_is_corrected_and_the_page_says_so(client, library):
    response = client.get("/fi/solutions/", {"q": "kirjsto"})
    html = response.content.decode()
    assert [s.title for s in response.context["page"].object_list] == [library.title]
    assert "Näytetään tulokset haulle ”kirjasto”" in html
    assert "<mark>Kirjaston</mark>" in html


def test_the_search_hint_example_finds_something(client, library):
    SolutionFactory(title="Liikuntatilojen varaus", summary="Liikuntahallien vuorot.")
    response = client.get("/fi/solutions/", {"q": '"tilojen varaus" -liikunta'})
    assert [s.title for s in response.context["page"].object_list] == [library.title]


def test_a_result_says_where_it_matched_across_languages(client, db):
    from tests.factories import ServiceClassFactory

    libraries = ServiceClassFactory(
        code="P25.1", name_fi="Kirjastopalvelut", name_sv="Bibliotekstjänster", name_en="Library services"
    )
    solution = SolutionFactory(title="Aineistohaku", summary="Hae teoksia.")
    solution.service_classes.add(libraries)
    response = client.get("/en/solutions/", {"q": "bibliotek"})
    assert [s.title for s in response.context["page"].object_list] == ["Aineistohaku"]
    assert "service class “Library services”" in response.content.decode()
