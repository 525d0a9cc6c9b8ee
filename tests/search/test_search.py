"""Relevance of catalogue search. Runs on whichever database DATABASE_URL names."""

import pytest
from django.db.models import Count
from taggit.models import Tag

from solutions import filters
from solutions.models import Solution, SolutionKind
from solutions.search import get_backend
from tests.factories import OrganisationFactory, SolutionFactory

NEUTRAL = {"summary": "Kunnan digitaalinen palvelu.", "description": "Käytössä vuodesta 2021."}


def make(title, **fields):
    return SolutionFactory(title=title, **{**NEUTRAL, **fields})


def test_title_match_ranks_above_description_only_match(search):
    make("Hankintojen seuranta", description="Seuraa myös kirjastojen hankintoja.")
    make("Kirjastojen aineistohaku")
    make("Ruokalistat kouluille")
    assert search("kirjastojen") == ["Kirjastojen aineistohaku", "Hankintojen seuranta"]


def test_tag_finds_solution(search):
    make("Palautejärjestelmä", tags=["asukaspalaute"])
    make("Ruokalistat kouluille")
    assert search("asukaspalaute") == ["Palautejärjestelmä"]


def test_replaces_field_finds_the_alternative(search):
    make("Avoin kokousjärjestelmä", replaces="Dynasty, CaseM")
    make("Ruokalistat kouluille")
    assert search("Dynasty") == ["Avoin kokousjärjestelmä"]


def test_compound_part_finds_compound(search):
    make("Tilojen varausjärjestelmä")
    make("Ruokalistat kouluille")
    assert search("järjestelmä") == ["Tilojen varausjärjestelmä"]


def test_inflected_query_finds_other_form(search):
    make("Kirjastojen aineistohaku")
    make("Ruokalistat kouluille")
    assert search("kirjasto") == ["Kirjastojen aineistohaku"]
    assert search("kirjastoissa") == ["Kirjastojen aineistohaku"]


def test_quoted_phrase_needs_the_words_together(search):
    make("Sähköinen lupapalvelu", summary="Rakennusluvan haku verkossa.")
    make("Verkkohaku", summary="Luvan rakennus ja muut asiat.")
    assert search('"rakennusluvan haku"') == ["Sähköinen lupapalvelu"]


def test_minus_word_excludes(search):
    make("Kirjastojen aineistohaku", summary="Hakee aineistoa kirjastoista.")
    make("Kirjastojen tilavaraus", summary="Varaa tiloja kirjastoista.")
    assert search("kirjastojen -tilavaraus") == ["Kirjastojen aineistohaku"]


def test_or_accepts_either_word(search):
    make("Ruokalistat kouluille")
    make("Kirjastojen aineistohaku")
    make("Pysäköinnin valvonta")
    assert sorted(search("ruokalistat or aineistohaku")) == [
        "Kirjastojen aineistohaku",
        "Ruokalistat kouluille",
    ]


def test_index_follows_title_edit(search):
    solution = make("Ruokalistat kouluille")
    solution.title = "Kouluruokailun tilaukset"
    solution.save()
    assert search("tilaukset") == ["Kouluruokailun tilaukset"]
    assert search("ruokalistat") == []


def test_index_follows_tag_add_remove_and_rename(search):
    solution = make("Palautejärjestelmä")
    solution.tags.add("asukaskysely")
    assert search("asukaskysely") == ["Palautejärjestelmä"]

    tag = Tag.objects.get(name="asukaskysely")
    tag.name = "kuntalaiskysely"
    tag.save()
    assert search("kuntalaiskysely") == ["Palautejärjestelmä"]
    assert search("asukaskysely") == []

    solution.tags.remove("kuntalaiskysely")
    assert search("kuntalaiskysely") == []


def test_index_follows_tag_deletion(search):
    make("Palautejärjestelmä", tags=["asukaskysely"])
    Tag.objects.filter(name="asukaskysely").delete()
    assert search("asukaskysely") == []


def test_organisation_name_is_searchable_and_follows_rename(search):
    organisation = OrganisationFactory(name_fi="Pohjoiskylä")
    make("Ruokalistat kouluille", organisation=organisation)
    assert search("Pohjoiskylä") == ["Ruokalistat kouluille"]
    organisation.name_fi = "Eteläranta"
    organisation.save()
    assert search("Eteläranta") == ["Ruokalistat kouluille"]


def test_saving_what_the_index_does_not_copy_rewrites_no_entry(search, db):
    # A vocabulary loaded again or a population updated: at 100,000 solutions a class saved
    # unchanged rewrote the entries of thousands of solutions.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ServiceClassFactory

    service_class = ServiceClassFactory(name_fi="Kirjastopalvelut")
    organisation = OrganisationFactory(name_fi="Pohjoiskylä")
    solution = make("Ruokalistat kouluille", organisation=organisation)
    solution.service_classes.add(service_class)

    def rewrites(change):
        with CaptureQueriesContext(connection) as queries:
            change()
        # PostgreSQL updates the solution's row, SQLite rewrites its FTS5 row.
        writes = ("UPDATE solutions_solution", "INSERT INTO solutions_solution_fts")
        return [q["sql"] for q in queries.captured_queries if any(write in q["sql"] for write in writes)]

    organisation.population = 12345
    assert rewrites(organisation.save) == []
    assert rewrites(service_class.save) == []
    service_class.name_fi = "Lukusalipalvelut"
    assert rewrites(service_class.save)
    assert search("lukusalipalvelu") == ["Ruokalistat kouluille"]
    organisation.name_fi = "Eteläranta"
    assert rewrites(organisation.save)
    assert search("Eteläranta") == ["Ruokalistat kouluille"]


def test_bulk_insert_is_found_after_reindex(search, organisation):
    Solution.objects.bulk_create(
        [
            Solution(
                title="Jätehuollon tilaukset",
                slug="jatehuolto",
                summary="",
                kind="software",
                organisation=organisation,
            )
        ]
    )
    solution = Solution.objects.get(slug="jatehuolto")
    solution.tags.through.objects.create(
        content_object=solution, tag=Tag.objects.create(name="kiertotalous", slug="kiertotalous")
    )
    assert search("kiertotalous") == []  # a raw tag row is invisible to the index until reindexed

    get_backend().reindex([solution.pk])
    assert search("kiertotalous") == ["Jätehuollon tilaukset"]
    get_backend().reindex()
    assert search("jätehuollon") == ["Jätehuollon tilaukset"]


def test_search_composes_with_filters_facets_and_listing(search, django_assert_max_num_queries):
    make("Kirjastojen aineistohaku", kind=SolutionKind.SOFTWARE, tags=["kirjasto"])
    make("Kirjastojen rajapinta", kind=SolutionKind.API)
    make("Kirjastojen verkkopalvelu", kind=SolutionKind.API)
    make("Ruokalistat kouluille", kind=SolutionKind.API)
    found = get_backend().search(Solution.objects.published(), "kirjastojen")

    facets = {row["kind"]: row["n"] for row in found.values("kind").annotate(n=Count("pk"))}
    assert facets == {SolutionKind.SOFTWARE: 1, SolutionKind.API: 2}
    assert found.filter(kind=SolutionKind.API).count() == 2

    with django_assert_max_num_queries(3):
        listing = list(found.for_listing().order_by("-search_rank"))
        assert {tag.name for solution in listing for tag in solution.tags.all()} == {"kirjasto"}
    assert all(solution.search_rank > 0 for solution in listing)


def test_blank_query_returns_everything_unranked(db):
    make("Ruokalistat kouluille")
    make("Kirjastojen aineistohaku")
    for query in ("", "   ", None):
        found = get_backend().search(Solution.objects.all(), query)
        assert sorted(found.values_list("search_rank", flat=True)) == [0.0, 0.0]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "*",
        "kirjasto*",
        "NEAR(",
        "NEAR(kirjasto",
        "-",
        "--",
        "AND",
        "OR",
        "NOT",
        "kirjasto AND",
        "'",
        "'kirjasto",
        '"kirjasto',
        'kirjasto"',
        "a:b",
        "title:kirjasto",
        "^kirjasto",
        "(",
        ")",
        "%",
        "_",
        "\\",
        "100%",
        "{kirjasto}",
        "kirjasto -",
        'kirjasto -"',
        "\x00",
        "kirjasto\x00",
        "kirjasto\x00 -\x00",
    ],
)
def test_hostile_input_never_errors(search, query):
    make("Kirjastojen aineistohaku")
    assert isinstance(search(query), list)


def test_highlight_escapes_before_marking():
    html = get_backend().highlight("<script>alert(1)</script> Kirjastojen <b>haku</b>", "kirjasto")
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Kirjastojen</mark>" in html


def test_highlight_marks_compound_and_skips_excluded_words():
    html = get_backend().highlight("Tilojen varausjärjestelmä ja vanha järjestelmä", "järjestelmä -vanha")
    assert str(html) == "Tilojen <mark>varausjärjestelmä</mark> ja vanha <mark>järjestelmä</mark>"


@pytest.mark.postgres_only
def test_finnish_stemming_finds_forms_that_share_no_long_prefix(search):
    make("Koulukyydit", summary="Kyytien tilaaminen verkossa.")
    make("Ruokalistat kouluille")
    assert search("kyyti") == ["Koulukyydit"]


@pytest.mark.postgres_only
def test_typo_falls_back_to_trigram_similarity(search):
    make("Tilojen varausjärjestelmä")
    make("Ruokalistat kouluille")
    assert search("varausjärjestlemä") == ["Tilojen varausjärjestelmä"]
    assert search("varausjarjestelma") == ["Tilojen varausjärjestelmä"]


@pytest.mark.postgres_only
def test_typo_fallback_costs_no_extra_query(search, django_assert_num_queries):
    make("Tilojen varausjärjestelmä")
    found = get_backend().search(Solution.objects.all(), "varausjärjestlemä")
    with django_assert_num_queries(1):
        assert len(list(found)) == 1


@pytest.mark.postgres_only
def test_swedish_content_is_stemmed_as_swedish(search):
    make("Biblioteken i kommunen", language="sv", summary="Lån och reservationer.")
    make("Ruokalistat kouluille")
    assert search("biblioteket") == ["Biblioteken i kommunen"]


def test_ranked_search_works_as_a_subquery(search):
    make("Hankintojen seuranta", description="Seuraa myös kirjastojen hankintoja.")
    make("Kirjastojen aineistohaku")
    found = get_backend().search(Solution.objects.all(), "kirjastojen")
    best = Solution.objects.filter(pk__in=found.order_by("-search_rank").values("pk")[:1])
    assert list(best.values_list("title", flat=True)) == ["Kirjastojen aineistohaku"]


def test_excluded_word_anywhere_excludes_a_compound_match(search):
    make("Tilojen varausjärjestelmä", description="Sopii myös kokousten varaamiseen.")
    make("Kirjaston varausjärjestelmä")
    assert search("järjestelmä -kokousten") == ["Kirjaston varausjärjestelmä"]


def test_a_lower_bound_on_matches_comes_from_the_vocabulary_counts(db):
    # One word matches at least every solution with any of its lexemes; several words that must all
    # match, or an excluded word, say nothing. (Used to skip ranking a search sure to be capped.)
    from solutions.models import SearchLexeme

    backend = get_backend()
    SearchLexeme.objects.update_or_create(lexeme="kirjasto", defaults={"document_count": 7000})
    SearchLexeme.objects.update_or_create(lexeme="varaus", defaults={"document_count": 40})
    assert backend.plan("kirjastoissa").matches_at_least() == 7000
    assert backend.plan("varaus or kirjasto").matches_at_least() == 7000
    assert backend.plan("varaus").matches_at_least() == 40
    assert backend.plan("kirjasto varaus").matches_at_least() == 0
    assert backend.plan("kirjasto -varaus").matches_at_least() == 0


def test_a_search_wrongly_estimated_to_be_capped_is_still_listed_best_first(db, client, monkeypatch):
    # A search of several words that the database expects to match far more solutions than are
    # counted is not ranked while counting (its best matches would come from the ranked index). When
    # the estimate was wrong and every match was counted, the page still ranks them itself.
    make("Kirjaston tilat", summary="Kirjaston tilojen varaus.")
    make("Hankintojen seuranta", description="Seuraa myös kirjaston tilojen hankintoja.")
    backend = get_backend()
    monkeypatch.setattr(type(backend), "match_estimate", lambda self, queryset: 10**9)

    response = client.get("/fi/solutions/", {"q": "kirjaston tilat"})

    filterset = response.context["filterset"]
    assert filterset.search_plan.surely_over(filters.MAX_COUNTED)
    assert filterset.shared_counts().top_ids is None  # not ranked while counting
    titles = [solution.title for solution in response.context["page"].object_list]
    assert titles == ["Kirjaston tilat", "Hankintojen seuranta"]


@pytest.mark.postgres_only
def test_a_search_of_several_words_keeps_the_database_estimate_of_its_matches(db, client):
    for number in range(3):
        make(f"Kirjaston tilat {number}")
    response = client.get("/fi/solutions/", {"q": "kirjaston tilat"})
    plan = response.context["filterset"].search_plan
    assert plan.estimated_matches is not None
    assert plan.estimated_matches >= 1
    assert not plan.surely_over(filters.MAX_COUNTED)
    # One word: the vocabulary's counts say it, no estimate is asked for.
    one_word = client.get("/fi/solutions/", {"q": "kirjasto"}).context["filterset"].search_plan
    assert one_word.estimated_matches is None


def test_whether_a_search_has_any_match_is_answered_truly(db):
    from solutions.search import get_backend

    SolutionFactory(title="Etäluennan palvelu", summary="Vesimittarien etäluenta.")
    backend = get_backend()
    published = Solution.objects.published()
    assert backend.any_match(backend.search_plan(published, backend.plan("etäluenta")))
    assert not backend.any_match(backend.search_plan(published, backend.plan("lumityöt")))


@pytest.mark.postgres_only
def test_asking_the_index_for_any_match_leaves_the_planner_settings_as_they_were(db, monkeypatch):
    # Within a longer transaction the planner settings changed for the question must not stay.
    from django.db import connection, transaction

    from solutions.search import get_backend, postgres

    monkeypatch.setattr(postgres, "SCAN_FOR_ANY_ABOVE", 10**9)  # always ask the index
    backend = get_backend()
    with transaction.atomic(), connection.cursor() as cursor:
        backend.any_match(backend.search_plan(Solution.objects.published(), backend.plan("kirjasto")))
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
        cursor.execute("SHOW enable_indexscan")
        assert cursor.fetchone()[0] == "on"


@pytest.mark.postgres_only
def test_asking_the_index_for_any_match_outside_a_transaction_changes_no_setting(
    transactional_db, monkeypatch
):
    from django.db import connection

    from solutions.search import get_backend, postgres

    monkeypatch.setattr(postgres, "SCAN_FOR_ANY_ABOVE", 10**9)
    backend = get_backend()
    assert not connection.in_atomic_block
    backend.any_match(backend.search_plan(Solution.objects.published(), backend.plan("kirjasto")))
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"
