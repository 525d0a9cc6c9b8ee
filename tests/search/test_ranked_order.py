"""A broad search reads its best matches in the index's rank order and ranks only those exactly.

On PostgreSQL with the RUM extension (installed by the project's set-up), the list page asks the
index for the best few hundred matches instead of ranking every match; a catalogue of 100,000
solutions where one word matches most of them is what this is for. Here the number of candidates is
made small, so that the test shows what a visitor would see if it went wrong.
"""

import pytest
from django.db import connection

from solutions import filters
from solutions.search import index
from tests.factories import OrganisationFactory, SolutionFactory

pytestmark = pytest.mark.postgres_only


def _needs_rum():
    if not index._rum_installable(connection):
        pytest.skip("the PostgreSQL extension rum is not installed here")


def test_the_index_keeps_rank_order_where_rum_is_installed(db):
    _needs_rum()
    assert index.has_ranked_index()


@pytest.fixture
def catalogue(db):
    organisation = OrganisationFactory()
    passing = [
        SolutionFactory(
            organisation=organisation,
            title=f"Lomakepalvelu {number}",
            summary="Sähköiset lomakkeet asukkaille.",
            description="Lomakkeita käytetään myös kirjaston asiakaspalvelussa. " * (1 + number % 3),
        )
        for number in range(30)
    ]
    about = SolutionFactory(
        organisation=organisation,
        title="Kirjaston tilavaraus",
        summary="Kirjaston ryhmätilojen varaus verkossa.",
        description="Kirjasto varaa tilat.",
    )
    return about, passing


def test_the_solution_about_the_word_comes_first_among_few_candidates(
    client, catalogue, monkeypatch, settings
):
    _needs_rum()
    about, passing = catalogue
    settings.SOLUTIONS_PAGE_SIZE = 5
    monkeypatch.setattr(filters, "RERANK_DEPTH", 5)
    monkeypatch.setattr(filters, "RERANK_MARGIN", 0)
    monkeypatch.setattr(filters, "RANK_ALL_UP_TO", 0)

    page = client.get("/fi/solutions/", {"q": "kirjasto"}).context["page"]

    assert page.paginator.count == 31  # the total still counts every match
    results = list(page.object_list)
    assert len(results) == 5
    assert results[0] == about


def test_a_deeper_page_reads_deeper_into_the_index(client, catalogue, monkeypatch, settings):
    _needs_rum()
    about, passing = catalogue
    settings.SOLUTIONS_PAGE_SIZE = 5
    monkeypatch.setattr(filters, "RERANK_DEPTH", 5)
    monkeypatch.setattr(filters, "RERANK_MARGIN", 0)
    monkeypatch.setattr(filters, "RANK_ALL_UP_TO", 0)

    last = client.get("/fi/solutions/", {"q": "kirjasto", "page": "7"}).context["page"]
    assert last.number == 7
    assert len(last.object_list) == 1  # 31 matches: the seventh page of five holds the last one

    beyond = client.get("/fi/solutions/", {"q": "kirjasto", "page": "99"}).context["page"]
    assert beyond.number == 7  # a page past the end shows the last page, not an empty one
    assert len(beyond.object_list) == 1


def test_matches_are_found_with_the_gin_index_and_ranked_with_rum(catalogue):
    # RUM answers "which rows match" too, and the planner estimated it cheaper, but it is many
    # times slower at that than GIN (see solutions.search.postgres.MATCH).
    from solutions.models import Solution
    from solutions.search import get_backend

    _needs_rum()
    about, _passing = catalogue
    backend = get_backend()
    plan = backend.plan("kirjaston varaus")
    # Without the published filter, so that only the search indexes can serve the queries.
    found = backend.search_plan(Solution.objects.all(), plan)
    statements = []

    def capture(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE solutions_solution")
        cursor.execute("SET LOCAL enable_seqscan = off")  # a catalogue this small is read whole
        with connection.execute_wrapper(capture):
            ids = backend.ranked_ids(found, plan, 10)
        plans = {}
        for name, (sql, params) in {
            "finding": found.values("pk").query.sql_with_params(),
            "ranking": next(statement for statement in statements if "<=>" in statement[0]),
        }.items():
            cursor.execute("EXPLAIN " + sql, params)
            plans[name] = "\n".join(row[0] for row in cursor.fetchall())
    assert ids[0] == about.pk
    assert "solutions_solution_search_idx" in plans["finding"], plans["finding"]
    assert index.RANKED_INDEX not in plans["finding"], plans["finding"]
    assert index.RANKED_INDEX in plans["ranking"], plans["ranking"]


def test_a_ranked_index_too_slow_for_the_query_gives_way_to_ranking_a_share(
    client, catalogue, monkeypatch, settings, caplog
):
    # RUM ranks every match before returning the first; a relaxed search of many common words took
    # 370 ms at 100,000 solutions. Past the time limit the page ranks a share of the matches instead.
    from solutions.models import Solution
    from solutions.search import get_backend, postgres

    _needs_rum()
    monkeypatch.setattr(postgres, "RANKED_TIMEOUT_MS", 1)
    monkeypatch.setattr(
        postgres, "RANK_ORDER", "(__ROW__.search_vector <=> %s::tsquery) + (SELECT 0 FROM pg_sleep(0.05))"
    )
    backend = get_backend()
    plan = backend.plan("kirjasto")
    found = backend.search_plan(Solution.objects.published(), plan)
    with caplog.at_level("INFO", logger="solutions.search.postgres"):
        ids = backend.ranked_ids(found, plan, 5, share=20)
    assert len(ids) == 20  # a share of the matches, not the index's best five
    assert set(ids) <= set(found.values_list("pk", flat=True))
    assert "took over 1 ms" in caplog.text

    settings.SOLUTIONS_PAGE_SIZE = 5
    monkeypatch.setattr(filters, "RERANK_DEPTH", 5)
    monkeypatch.setattr(filters, "RERANK_MARGIN", 0)
    monkeypatch.setattr(filters, "RANK_ALL_UP_TO", 20)
    page = client.get("/fi/solutions/", {"q": "kirjasto"}).context["page"]
    assert page.paginator.count == 31
    rankings = [solution.ranking for solution in page.object_list]
    assert len(rankings) == 5
    assert rankings == sorted(rankings, reverse=True)
    # The time limit was this block's only: the connection's own setting is as it was.
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"
