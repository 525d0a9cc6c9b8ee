"""Load test: anonymous visitors reading pages and searching, against gunicorn on loopback.

    make loadtest                                           # 200 clients, 60 s
    .venv/bin/python tests/load/loadtest.py --clients 50 --seconds 20

It prepares a PostgreSQL database (`kuntajako_load`, or LOAD_DATABASE_URL) with the municipalities,
the vocabularies and the demo content, starts gunicorn with production settings (DEBUG off, Redis
cache when LOAD_REDIS_URL is set) on 127.0.0.1, and drives it with wrk: a mix of front pages, the
solution list, searches, facets, solution, organisation and region pages, help requests, feeds and
the sitemap. It prints the request count, p50/p95/p99 latency and errors. Nothing here is a test
assertion: the numbers go into docs/operations.md with the date.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load import servers  # noqa: E402

HERE = Path(__file__).resolve().parent
SEARCHES = [
    "kirjasto", "varaus", "tilavaraus", "järjestelmä", "avoin data", '"avoin rajapinta"', "kirjsto",
    "asiakaspalvelu", "koulu -kirjasto", "palautejärjestelmä", "bibliotek", "open data", "chatbot",
]  # fmt: skip


def paths(database_url: str) -> list[str]:
    """Addresses a visitor would open, weighted by repetition."""
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        slugs = [row[0] for row in connection.execute("SELECT slug FROM solutions_solution LIMIT 40")]
        organisations = [
            row[0]
            for row in connection.execute(
                "SELECT o.slug FROM municipalities_organisation o "
                "WHERE EXISTS (SELECT 1 FROM solutions_solution s WHERE s.organisation_id = o.id) LIMIT 10"
            )
        ]
    result = ["/fi/"] * 6 + ["/sv/", "/en/"] + ["/fi/solutions/"] * 6
    result += [f"/fi/solutions/?q={quote(query)}" for query in SEARCHES for _ in range(2)]
    result += ["/fi/solutions/?kind=software", "/fi/solutions/?sort=reuse", "/fi/solutions/?page=2"]
    result += [f"/fi/solutions/{slug}/" for slug in slugs]
    result += [f"/fi/organisations/{slug}/" for slug in organisations]
    result += ["/fi/organisations/", "/fi/regions/", "/fi/help/", "/fi/feeds/solutions/", "/sitemap.xml"]
    result += ["/fi/accessibility/", "/fi/about/"]
    return result


def run_wrk(base_url: str, path_file: str, clients: int, seconds: int) -> str:
    command = [
        shutil.which("wrk") or "wrk", "--threads", "2", "--connections", str(clients),
        "--duration", f"{seconds}s", "--timeout", "30s", "--script", str(HERE / "mixed.lua"),
        base_url, "--", path_file,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 120)  # noqa: S603
    print(result.stdout, flush=True)
    return next(line for line in result.stdout.splitlines() if line.startswith("RESULT"))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOAD_PORT", "8765")))
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    database_url = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kuntajako_load")
    redis_url = os.environ.get("LOAD_REDIS_URL")
    for url in (database_url, redis_url or ""):
        if url and "127.0.0.1" not in url and "localhost" not in url:
            sys.exit("The load test runs against loopback addresses only.")
    servers.ensure_database(database_url)
    with tempfile.TemporaryDirectory(prefix="kuntajako-load-") as folder:
        env = servers.production_env(database_url, redis_url, folder)
        servers.prepare(env)
        path_file = Path(folder) / "paths.txt"
        path_file.write_text("\n".join(paths(database_url)) + "\n")
        with servers.gunicorn(env, options.port, workers=options.workers) as base_url:
            servers.log(f"wrk: {options.clients} clients for {options.seconds} s")
            print(run_wrk(base_url, str(path_file), options.clients, options.seconds))


if __name__ == "__main__":
    main()
