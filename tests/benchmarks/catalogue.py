"""Benchmark of the public catalogue: response times, queries and memory with a large catalogue.

    make bench                                   # 10,000 solutions on the test PostgreSQL server
    .venv/bin/python tests/benchmarks/catalogue.py --solutions 50000 --repeat 30

It creates (once) a database `kuntajako_bench` with the municipalities, the vocabularies and N
generated solutions (seed_bench), then requests each page through Django's test client (no
network, no web server: this measures the application and the database) and prints the median and
95th percentile times, the number of SQL queries and the peak memory of the process. Nothing here
asserts a time: numbers go into the notes of the change that moved them.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PAGES = [
    ("home", "/fi/"),
    ("list, newest", "/fi/solutions/"),
    ("list, page 40", "/fi/solutions/?page=40"),
    ("search: kirjasto", "/fi/solutions/?q=kirjasto"),
    ("search: varausjärjestelmä", "/fi/solutions/?q=varausj%C3%A4rjestelm%C3%A4"),
    ("search: compound part 'järjestelmä'", "/fi/solutions/?q=j%C3%A4rjestelm%C3%A4"),
    ("search: typo 'kirjastojärjestelma'", "/fi/solutions/?q=kirjastoj%C3%A4rjestelma"),
    ("search + 2 facets", "/fi/solutions/?q=palvelu&kind=software&kind=api&lifecycle=production"),
    ("facets only", "/fi/solutions/?kind=api&region=01"),
    ("sort by reuse", "/fi/solutions/?sort=reuse"),
    ("organisations", "/fi/organisations/"),
    ("organisation: Helsinki", "/fi/organisations/helsinki/"),
    ("region: Uusimaa", "/fi/regions/01/"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--solutions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kuntajako_bench"),
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
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from solutions.models import Solution

    call_command("migrate", verbosity=0)
    missing = args.solutions - Solution.objects.published().count()
    if missing > 0:
        call_command("seed_bench", solutions=missing, seed=1)
    published = Solution.objects.published().count()
    solution = Solution.objects.published().order_by("pk").first()
    pages = [*PAGES, ("solution page", solution.get_absolute_url())]

    client = Client()
    print(f"{published:,} published solutions on {connection.vendor}; {args.repeat} requests per page\n")
    print(f"{'page':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages:
        client.get(url)  # warm caches, as a running server would have them
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
        print(f"{name:40} {statistics.median(times):10.1f} {p95:8.1f} {len(queries):8d}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory of the process: {peak:.0f} MiB")


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
