"""Benchmark of the public catalogue: search relevance among many solutions, and response times.

    make bench                                              # 10,000 solutions
    make bench BENCH_ARGS="--solutions 100000"              # 100,000 solutions
    .venv/bin/python tests/benchmarks/catalogue.py --solutions 10000 --database postgres://…/name

It creates (once) the database with the municipalities, the vocabularies and N generated solutions
(seed_bench, timed), rebuilds the search index (`manage.py reindex`, timed) and adds the judged
corpus of the relevance tests (tests/search/corpus.py). Then it prints:

- relevance: success@3 and nDCG@5 of the judged queries among the N generated solutions, through
  the list view's ranking, next to a plain PostgreSQL full-text baseline (`finnish` configuration,
  websearch_to_tsquery, ts_rank with the same field weights) on the same rows;
- times: median and 95th percentile of the front page, the list, a solution page and the search
  page over varied queries (each query asked once, so no query is "seen before"), with and without
  the anonymous page cache, and of a one-view Django "hello world" through the same middleware;
- the number of SQL queries of each page and the peak memory of the process.

Requests go through Django's test client (no network, no web server): this measures the
application and the database. Nothing here asserts a time.
"""

import argparse
import math
import os
import resource
import statistics
import sys
import time
import types
from pathlib import Path
from urllib.parse import urlencode

# The baseline's SQL is assembled from this module's constants; queries travel as parameters.
# ruff: noqa: S608

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PAGES = [
    ("front page", "/fi/"),
    ("list, newest", "/fi/solutions/"),
    ("list, page 40", "/fi/solutions/?page=40"),
    ("list, 2 facets", "/fi/solutions/?kind=api&region=01"),
    ("list, sort by reuse", "/fi/solutions/?sort=reuse"),
]

# Searches beside the judged queries, in the generated solutions' own vocabulary.
EXTRA_QUERIES = [
    "kirjasto",
    "varausjärjestelmä",
    "järjestelmä",
    "kirjastojärjestelma",
    "palvelu",
    "ateriapalvelujen tilaus",
    "kotihoito mobiili",
    "bygglov",
    "waste management",
    "kaavoitus -rajapinta",
    '"kotihoidon toiminnanohjaus"',
    "nuorisotyö or harrastukset",
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(len(ordered) * share) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--solutions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kuntajako_bench"),
    )
    parser.add_argument(
        "--keep-index",
        action="store_true",
        help="Do not rebuild the search index (it was rebuilt by an earlier run on the same rows).",
    )
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = args.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kuntajako.test_settings")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    ensure_database(args.database)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from solutions.management.commands.seed_bench import SLUG_PREFIX
    from solutions.models import Solution
    from solutions.search.analysis import voikko_available

    call_command("migrate", verbosity=0)
    generated = Solution.objects.published().filter(slug__startswith=SLUG_PREFIX).count()
    missing = args.solutions - generated
    if missing > 0:
        started = time.perf_counter()
        call_command("seed_bench", solutions=missing, seed=1, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"seeding {missing:,} solutions: {time.perf_counter() - started:.1f} s")
    if missing > 0 or not args.keep_index:
        started = time.perf_counter()
        call_command("reindex", verbosity=0)
        print(f"search index rebuild (manage.py reindex): {time.perf_counter() - started:.1f} s")

    from tests.search import corpus

    judged = corpus.load()
    if connection.vendor == "postgresql":
        # Fresh rows have no planner statistics until autovacuum gets to them, and the rows that
        # seeding, indexing and the corpus's vocabulary (each class saved reindexes its solutions)
        # rewrote are dead until it gets to them: half the table, which slowed every scan of it.
        # A site in use has been vacuumed and analysed.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    published = Solution.objects.published().count()
    print(
        f"\n{published:,} published solutions on {connection.vendor}"
        f" (Voikko {'on' if voikko_available() else 'missing'})\n"
    )

    relevance(judged, corpus.QUERIES)
    # Start serving as kuntajako/wsgi.py does (search analysis loaded, what is loaded by then left
    # out of the garbage collector's walks). Seeding and indexing in this process filled caches
    # that a served process would not hold; frozen, they do not slow its collections either.
    import kuntajako.wsgi  # noqa: F401

    times(judged, args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of the process: {peak:.0f} MiB")


# -- relevance ------------------------------------------------------------------------------------


def ndcg_at_5(found, relevant):
    gains = sum(1 / math.log2(rank + 2) for rank, slug in enumerate(found[:5]) if slug in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(relevant), 5)))
    return gains / ideal


def project_top(query, count=5):
    from django.test import RequestFactory

    from solutions.filters import SolutionFilter
    from solutions.models import Solution

    request = RequestFactory().get("/", {"q": query})
    solutions = Solution.objects.published().for_listing()
    filterset = SolutionFilter(request.GET, queryset=solutions, request=request)
    # The depth the list page asks for: its first page.
    return list(filterset.results(upto=20).values_list("slug", flat=True)[:count])


BASELINE_TABLE = "bench_plain_fts"


def build_baseline():
    """Plain PostgreSQL full text: one `finnish` tsvector per published solution, weighted A/B/C."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {BASELINE_TABLE}")
        cursor.execute(
            f"CREATE TABLE {BASELINE_TABLE} AS SELECT s.id, s.slug,"
            " setweight(to_tsvector('finnish', s.title), 'A')"
            " || setweight(to_tsvector('finnish', concat_ws(' ', s.summary, s.replaces)), 'B')"
            " || setweight(to_tsvector('finnish', s.description), 'C') AS v"
            " FROM solutions_solution s WHERE s.moderation_state = 'published'"
        )
        cursor.execute(f"CREATE INDEX ON {BASELINE_TABLE} USING gin (v)")
        cursor.execute(f"ANALYZE {BASELINE_TABLE}")


def baseline_top(query, count=5):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT slug FROM {BASELINE_TABLE}, websearch_to_tsquery('finnish', %s) q"
            " WHERE v @@ q ORDER BY ts_rank('{0.1, 0.2, 0.4, 1.0}', v, q) DESC, id LIMIT %s",
            [query, count],
        )
        return [row[0] for row in cursor.fetchall()]


def relevance(judged, queries):
    from django.db import connection

    slugs = {key: solution.slug for key, solution in judged.items()}
    rankers = [("this project", project_top)]
    if connection.vendor == "postgresql":
        build_baseline()
        rankers.append(("plain PostgreSQL FTS", baseline_top))
    print(f"relevance of {len(queries)} judged queries among the generated solutions")
    print(f"{'ranker':24} {'success@3':>10} {'nDCG@5':>8}")
    for name, top in rankers:
        hits, gains, misses = 0, 0.0, []
        for query, keys in queries:
            relevant = {slugs[key] for key in keys}
            found = top(query)
            if relevant & set(found[:3]):
                hits += 1
            else:
                misses.append(query)
            gains += ndcg_at_5(found, relevant)
        print(f"{name:24} {hits / len(queries):10.2f} {gains / len(queries):8.2f}")
        if misses and name == "this project":
            print(f"{'':24} missed: {', '.join(misses)}")
    print()


# -- times ----------------------------------------------------------------------------------------


def hello_world_urls():
    from django.http import HttpResponse
    from django.urls import path

    module = types.ModuleType("bench_hello_urls")
    module.urlpatterns = [path("hello/", lambda request: HttpResponse("Hello, world"))]
    sys.modules[module.__name__] = module
    return module.__name__


def timed(client, url, repeat, clear_cache=False):
    from django.core.cache import cache

    client.get(url)  # warm up, as a running server would be
    durations = []
    for _ in range(repeat):
        if clear_cache:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return durations


def query_count(client, url):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def member_client(organisation):
    """A test client signed in as a new member of ``organisation``."""
    import uuid

    from django.test import Client
    from django.utils import timezone

    from tests.factories import MembershipFactory, UserFactory

    # A new account each run: the factories' numbering starts again in every process.
    user = UserFactory(email=f"bench-{uuid.uuid4().hex[:12]}@example.fi", email_confirmed_at=timezone.now())
    MembershipFactory(user=user, organisation=organisation)
    client = Client()
    client.force_login(user)
    return client


def times(judged, repeat):
    from django.test import Client, override_settings

    client = Client()
    solution = next(iter(judged.values()))
    print(f"{'page':44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")

    def row(name, durations, queries=""):
        p50, p95 = statistics.median(durations), percentile(durations, 0.95)
        print(f"{name:44} {p50:8.1f} {p95:8.1f} {queries:>8}")

    member = member_client(solution.organisation)
    for name, url in [*PAGES, ("solution page", solution.get_absolute_url())]:
        row(f"{name} (uncached)", timed(client, url, repeat, clear_cache=True), query_count(client, url))
        row(f"{name} (anonymous page cache)", timed(client, url, repeat))
        # A member's pages are never cached pages (their reuse facets name their organisations), but
        # what every visitor sees alike (the whole catalogue's counts) is kept per catalogue version.
        row(f"{name} (signed-in member)", timed(member, url, repeat))

    from tests.search import corpus

    searches = [query for query, _ in corpus.QUERIES] + EXTRA_QUERIES
    durations, counts = [], []
    for query in searches:
        url = "/fi/solutions/?" + urlencode({"q": query})
        started = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(query_count(client, url))
    row(f"search, {len(searches)} varied queries", durations, f"{min(counts)}-{max(counts)}")
    slowest = sorted(zip(durations, searches, strict=True), reverse=True)[:3]
    print(f"{'':44} slowest: " + ", ".join(f"{query!r} {ms:.0f} ms" for ms, query in slowest))

    with override_settings(ROOT_URLCONF=hello_world_urls()):
        row("Django hello world (same middleware)", timed(client, "/hello/", repeat * 4), 0)


def ensure_database(url):
    if not url.startswith("postgres"):
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
