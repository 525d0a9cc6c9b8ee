"""The search page with difficult input: results or a clear message, never an error page."""

import pytest
from django.test import RequestFactory

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


@pytest.mark.parametrize("query", ['-- "" -', "📚 🙂", "-kirjasto"])
def test_a_query_with_no_words_to_rank_by_lists_the_newest_first(client, db, query):
    # Nothing to rank by: the newest first, as the list without a search (the older one is the more
    # complete, which would come first among equal ranks).
    from django.utils import timezone

    older = SolutionFactory(
        title="Vanhempi",
        description="Kuvaus.",
        licence="MIT",
        published_at=timezone.now() - timezone.timedelta(days=9),
    )
    newer = SolutionFactory(title="Uudempi", description="", licence="", published_at=timezone.now())
    response = client.get("/en/solutions/", {"q": query})
    assert [s.title for s in response.context["page"].object_list] == [newer.title, older.title]


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


def test_a_typo_that_reads_as_a_known_compound_is_corrected_when_nothing_matches(client, db):
    # `etälunta` analyses as "etä" + "lunta" (snow), both words the catalogue knows, yet nothing has
    # them together: the page corrects it to the vocabulary's "etäluenta" instead of finding nothing.
    SolutionFactory(title="Vesimittarien etäluenta", summary="Mittarit luetaan etänä.")
    SolutionFactory(title="Etätyön ohjeet", summary="Lunta ja liukkautta koskevat tiedotteet.")
    response = client.get("/fi/solutions/", {"q": "etälunta"})
    assert [s.title for s in response.context["page"].object_list] == ["Vesimittarien etäluenta"]
    assert "Näytetään tulokset haulle ”etäluenta”" in response.content.decode()


def test_completeness_does_not_outweigh_a_closer_text_match(client, db):
    # Completeness (a description, a licence, a repository) orders equal matches; it does not lift a
    # text that is less about the query (the same words and one more) over one that is all about it.
    from datetime import timedelta

    from django.utils import timezone

    published = timezone.now() - timedelta(days=1000)
    focused = SolutionFactory(
        title="Kotihoidon toiminnanohjaus",
        summary="Käyntien suunnittelu ja mobiilikirjaus.",
        description="",
        licence="",
        repository_url="",
        published_at=published,
    )
    complete = SolutionFactory(
        title="Kotihoidon toiminnanohjaus",
        summary="Käyntien suunnittelu ja mobiilikirjaus.",
        description="Ylläpito.",
        licence="EUPL-1.2",
        repository_url="https://example.org/toiminnanohjaus",
        published_at=published,
    )
    response = client.get("/fi/solutions/", {"q": "toiminnanohjaus"})
    assert [s.pk for s in response.context["page"].object_list] == [focused.pk, complete.pk]


def test_completeness_orders_otherwise_equal_matches(client, db):
    bare = SolutionFactory(
        title="Kirjaston aineistohaku", summary="Hae teoksia.", licence="", repository_url=""
    )
    complete = SolutionFactory(
        title="Kirjaston aineistohaku",
        summary="Hae teoksia.",
        licence="MIT",
        repository_url="https://example.org/aineistohaku",
        published_at=bare.published_at,
    )
    response = client.get("/fi/solutions/", {"q": "aineistohaku"})
    assert [s.pk for s in response.context["page"].object_list] == [complete.pk, bare.pk]


@pytest.mark.parametrize("top", [3, 100])
def test_pages_of_a_search_follow_one_order_whether_ranked_while_counting_or_not(
    client, db, monkeypatch, settings, top
):
    # The pass that counts a search's matches ranks them too and keeps the best `top` ids; pages
    # inside them and pages beyond must read as one list, in the order the full ranking gives.
    from solutions import filters
    from solutions.models import Solution

    monkeypatch.setattr(filters, "TOP_IN_COUNTS", top)
    settings.SOLUTIONS_PAGE_SIZE = 2
    for number in range(7):
        SolutionFactory(
            title=f"Kirjaston palvelu {number}" if number % 2 else f"Asiointipalvelu {number}",
            summary="Kirjaston asiakkaille. " * (1 + number % 3),
            description="Kirjasto." if number % 3 else "",
        )
    SolutionFactory(title="Ruokalistat", summary="Koulujen ruokalistat.")

    shown = []
    for page_number in (1, 2, 3, 4):
        page = client.get("/fi/solutions/", {"q": "kirjasto", "page": page_number}).context["page"]
        shown += [solution.pk for solution in page.object_list]

    request = RequestFactory().get("/", {"q": "kirjasto"})
    filterset = filters.SolutionFilter(request.GET, queryset=Solution.objects.published().for_listing())
    expected = list(filterset.results().values_list("pk", flat=True))  # every match ranked, no shortcut
    assert len(expected) == 7
    assert shown == expected


def test_swedish_and_english_words_find_finnish_solutions_through_the_glossary(client, db):
    booking = SolutionFactory(
        title="Kirjaston tilavarausjärjestelmä", summary="Ryhmätilojen varaus verkossa."
    )
    SolutionFactory(title="Kirjaston e-aineistot", summary="Lainaa e-kirjoja verkossa.")
    SolutionFactory(title="Liikuntahallin vuorot", summary="Seurojen kausivuorot.")
    for query in ("library booking", "biblioteket bokning", "room reservation"):
        found = [s.title for s in client.get("/en/solutions/", {"q": query}).context["page"].object_list]
        assert found == [booking.title], query


def test_a_finnish_word_is_not_widened_by_the_glossary(client, db):
    # The catalogue speaks Finnish: `varaus` finds what says varaus, not every English "booking".
    SolutionFactory(title="Booking system for sports halls", summary="Clubs book their turns.", language="en")
    finnish = SolutionFactory(title="Kokoustilojen varaus", summary="Varaa kokoustila verkossa.")
    found = [s.title for s in client.get("/fi/solutions/", {"q": "varaus"}).context["page"].object_list]
    assert found == [finnish.title]


def test_a_search_sure_to_be_capped_still_lists_its_best_match_first(client, db, monkeypatch):
    # The vocabulary says the word is in more solutions than are counted: the counting pass does not
    # rank, and the ranking comes from the index (or from ranking every match) instead.
    from solutions import filters
    from solutions.models import SearchLexeme

    monkeypatch.setattr(filters, "MAX_COUNTED", 3)
    monkeypatch.setattr(filters, "RANK_ALL_UP_TO", 3)
    for number in range(4):
        SolutionFactory(
            title=f"Asiointipalvelu {number}",
            summary="Palvelu, jota käytetään myös kirjastossa.",
            description="Lainaus ja palautus. " * 20,
        )
    best = SolutionFactory(title="Kirjaston kirjasto", summary="Kirjasto verkossa.", description="")
    SearchLexeme.objects.filter(lexeme="kirjasto").update(document_count=1000)

    response = client.get("/en/solutions/", {"q": "kirjasto"})
    assert "Over 3 solutions" in response.content.decode()
    assert response.context["page"].object_list[0] == best


def test_a_result_says_where_it_matched_title_before_description(client, db):
    titled = SolutionFactory(
        title="Aineistohaku", summary="Hae teoksia.", description="Aineistohaku verkossa."
    )
    described = SolutionFactory(
        title="Kirjaston verkkopalvelu", summary="Lainaa ja varaa.", description="Aineistohaku."
    )
    organisation_only = SolutionFactory(title="Lainaus", summary="Lainaa verkossa.", description="")
    organisation_only.organisation.name_fi = "Aineistohaun kaupunki"
    organisation_only.organisation.save()
    page = client.get("/en/solutions/", {"q": "aineistohaku"}).context["page"]
    reasons = {solution.pk: solution.match_reasons for solution in page.object_list}
    assert reasons[titled.pk] == ["title"]
    assert reasons[described.pk] == ["description"]
    assert reasons[organisation_only.pk] == ["organisation"]
