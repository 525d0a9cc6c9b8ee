"""Throughput of the catalogue's pages through gunicorn, next to a one-view Django "hello world"
served by the same gunicorn, the same settings and the same middleware, in the same run.

    make bench                                   # first: seeds and indexes the benchmark database
    .venv/bin/python tests/benchmarks/throughput.py --database postgres://…/kuntajako_bench

It serves the benchmark database (BENCH_DATABASE_URL, by default kuntajako_bench, as `make bench`
left it) with production settings (DEBUG off; Redis when BENCH_REDIS_URL is set, otherwise each
worker's own memory) on 127.0.0.1, and drives each page with wrk for --seconds: the hello world, the
front page, the list, the list with two facets, a solution page (anonymous visitors, so from the page
cache after the first request) and searches, each request another of the benchmark's 65 varied
queries (never cached), each page in turn with the hello world (--rounds of --seconds each). It prints
the median requests per second of each and of the hello world beside it, the page's share of it, and
p50/p95 latency. Nothing here is a test assertion.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load import servers  # noqa: E402

HERE = Path(__file__).resolve().parent
MIXED = HERE.parent / "load" / "mixed.lua"


def wrk(base_url: str, paths: list[str], clients: int, seconds: int) -> tuple[float, str]:
    """Requests per second over ``paths`` (each request a random one) and wrk's RESULT line."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        command = [
            shutil.which("wrk") or "wrk", "--threads", "2", "--connections", str(clients),
            "--duration", f"{seconds}s", "--timeout", "30s", "--script", str(MIXED),
            base_url, "--", listing.name,
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 120)  # noqa: S603
    finally:
        os.unlink(listing.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    summary = next(line for line in result.stdout.splitlines() if line.startswith("RESULT"))
    return rate, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kuntajako_bench"),
    )
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8775")))
    # `make bench` passes the catalogue benchmark's options too (--solutions, --repeat…): the rows
    # are the ones that benchmark left in the database.
    options, _others = parser.parse_known_args()
    if not options.database.startswith("postgres"):
        print("The throughput benchmark serves PostgreSQL only; skipped.")
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `make loadtest` installs it (.ci/system-packages load).")

    from tests.benchmarks.catalogue import EXTRA_QUERIES
    from tests.search import corpus

    folder = tempfile.mkdtemp(prefix="kuntajako-throughput-")
    env = servers.production_env(options.database, os.environ.get("BENCH_REDIS_URL"), folder)
    servers.manage(env, "collectstatic", "--noinput", "-v", "0")
    solution = _a_judged_solution_path(env)
    queries = [query for query, _ in corpus.QUERIES] + EXTRA_QUERIES
    searches = ["/fi/solutions/?" + urlencode({"q": query}) for query in queries]
    pages = [
        ("front page", ["/fi/"]),
        ("list", ["/fi/solutions/"]),
        ("list, 2 facets", ["/fi/solutions/?kind=api&region=01"]),
        ("solution page", [solution]),
        (f"search, {len(searches)} varied queries", searches),
    ]
    hello_env = {**env, "DJANGO_SETTINGS_MODULE": "tests.benchmarks.hello_settings"}
    print(
        f"gunicorn, {options.workers} workers; wrk, {options.clients} connections; each page and the hello"
        f" world in turn, {options.rounds} rounds of {options.seconds} s (medians)"
    )
    print(f"{'page':36} {'requests/s':>10} {'hello':>7} {'share':>6}  latency")
    with (
        servers.gunicorn(hello_env, options.port, workers=options.workers, threads=1) as hello_base,
        servers.gunicorn(env, options.port + 1, workers=options.workers, threads=1) as base,
    ):
        wrk(hello_base, ["/hello/"], options.clients, 2)  # warm up
        for name, paths in pages:
            wrk(base, paths[:1], options.clients, 2)  # warm up: the first requests fill the page cache
            # Taken in turn, so that a machine whose speed drifts during the run (shared hosts do)
            # weighs on both alike.
            rates, hellos, summaries = [], [], []
            for _round in range(options.rounds):
                hello, _summary = wrk(hello_base, ["/hello/"], options.clients, options.seconds)
                rate, summary = wrk(base, paths, options.clients, options.seconds)
                hellos.append(hello)
                rates.append(rate)
                summaries.append(summary)
            rate, hello = statistics.median(rates), statistics.median(hellos)
            summary = summaries[rates.index(sorted(rates)[len(rates) // 2])]
            print(f"{name:36} {rate:10.0f} {hello:7.0f} {rate / hello:6.0%}  {_latency(summary)}")
    shutil.rmtree(folder, ignore_errors=True)


def _latency(summary: str) -> str:
    fields = dict(re.findall(r"(\w+)=(\S+)", summary))
    errors = sum(int(fields.get(name, 0)) for name in ("non_2xx_3xx", "connect", "read", "write", "timeout"))
    return f"p50 {fields.get('p50_ms', '?')} ms, p95 {fields.get('p95_ms', '?')} ms, errors {errors}"


def _a_judged_solution_path(env) -> str:
    result = subprocess.run(  # noqa: S603
        [servers.PYTHON, "manage.py", "shell", "-c",
         "from solutions.models import Solution; "
         "print(Solution.objects.published().order_by('pk').first().get_absolute_url())"],
        cwd=servers.ROOT, env=env, capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return result.stdout.strip().splitlines()[-1]


if __name__ == "__main__":
    main()
