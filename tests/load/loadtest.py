"""Load test: visitors reading pages and searching, and signed-in members posting comments,
against gunicorn on loopback.

    make loadtest                                           # 200 clients, 60 s
    .venv/bin/python tests/load/loadtest.py --clients 50 --seconds 20

It prepares a PostgreSQL database (`kuntajako_load`, or LOAD_DATABASE_URL) with the municipalities,
the vocabularies and the demo content, starts gunicorn with production settings (DEBUG off, Redis
cache when LOAD_REDIS_URL is set) on 127.0.0.1, and drives it with wrk: a mix of front pages, the
solution list, searches, facets, solution, organisation and region pages, help requests, feeds and
the sitemap. A share of the requests (--signed-in-share) comes from members who signed in through
the login form, and some of those post comments (--comment-share), each person at most
--max-comments in a run: new accounts are made for every run, so the site's limit on comments (10
in 10 minutes per person) is never reached and a 429 would be a real error. It prints the request
count, p50/p95/p99 latency, errors, and the comments sent and stored. Nothing here is a test
assertion: the numbers go into docs/operations.md with the date.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load import servers  # noqa: E402

HERE = Path(__file__).resolve().parent
WRK_THREADS = 2
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


# Members who comment: confirmed accounts with an active membership, new for every run (RUN), all with
# one password hashed once. Prints [email, organisation id, comment address] for each.
MEMBERS = """
import json
from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils import timezone, translation
from municipalities.models import Membership, MembershipState, Organisation, User
from solutions.models import Solution
password = make_password("{password}")
organisations = list(Organisation.objects.filter(solutions__isnull=False).distinct().order_by("pk")[:10])
slugs = list(Solution.objects.published().order_by("pk").values_list("slug", flat=True)[:40])
rows = []
with translation.override("fi"):
    for number in range({count}):
        user = User.objects.create(
            email=f"kuorma-{run}-{{number}}@load.example", password=password,
            display_name=f"Kuormittaja {{number}}", email_confirmed_at=timezone.now(),
            preferred_language="fi",
        )
        organisation = organisations[number % len(organisations)]
        Membership.objects.create(user=user, organisation=organisation, state=MembershipState.ACTIVE)
        slug = slugs[number % len(slugs)]
        rows.append([user.email, organisation.pk, reverse("solutions:discussion:add_comment", args=[slug])])
print("MEMBERS " + json.dumps(rows))
"""

STORED_COMMENTS = (
    "SELECT count(*) FROM community_comment c JOIN municipalities_user u ON u.id = c.author_id "
    "WHERE u.email LIKE %s"
)


def signed_in_members(env: dict[str, str], base_url: str, run: str, count: int) -> list[str]:
    """Create `count` members and sign each in through the login form; their wrk lines."""
    script = MEMBERS.format(password=servers.PASSWORD, count=count, run=run)
    output = subprocess.run(  # noqa: S603
        [servers.PYTHON, "manage.py", "shell", "-c", script],
        cwd=servers.ROOT, env=env, capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    members = json.loads(next(line for line in output.stdout.splitlines() if line.startswith("MEMBERS "))[8:])

    def sign_in(member):
        email, organisation, target = member
        browser = servers.Browser()
        status, _ = browser.log_in(base_url, email)
        cookies = {cookie.name: cookie.value for cookie in browser.cookies}
        if status != 302 or "sessionid" not in cookies:
            raise RuntimeError(f"signing in {email} failed with {status}")
        return f"{cookies['sessionid']} {cookies['csrftoken']} {organisation} {target}"

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(sign_in, members))


def run_wrk(base_url: str, path_file: str, clients: int, seconds: int, signed_in: list[str] = ()) -> str:
    command = [
        shutil.which("wrk") or "wrk", "--threads", str(WRK_THREADS), "--connections", str(clients),
        "--duration", f"{seconds}s", "--timeout", "30s", "--script", str(HERE / "mixed.lua"),
        base_url, "--", path_file, *signed_in,
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
    parser.add_argument("--members", type=int, default=40, help="signed-in members (40)")
    parser.add_argument("--signed-in-share", type=float, default=0.1, help="of all requests (0.1)")
    parser.add_argument("--comment-share", type=float, default=0.3, help="of signed-in requests (0.3)")
    parser.add_argument(
        "--max-comments", type=int, default=9, help="per member in a run (9; the limit is 10)"
    )
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
        run = time.strftime("%Y%m%d%H%M%S")
        with servers.gunicorn(env, options.port, workers=options.workers) as base_url:
            signed_in = []
            if options.members:
                servers.log(f"signing in {options.members} members")
                member_file = Path(folder) / "members.txt"
                member_file.write_text(
                    "\n".join(signed_in_members(env, base_url, run, options.members)) + "\n"
                )
                signed_in = [
                    str(member_file), str(WRK_THREADS), str(options.signed_in_share),
                    str(options.comment_share), str(options.max_comments),
                ]  # fmt: skip
            servers.log(f"wrk: {options.clients} clients for {options.seconds} s")
            result = run_wrk(base_url, str(path_file), options.clients, options.seconds, signed_in)
        print(result + f" comments_stored={stored_comments(database_url, run)}")


def stored_comments(database_url: str, run: str) -> int:
    """Comments of this run's members in the database (a comment sent as wrk stopped may be missing
    from the count sent, or from the database if gunicorn stopped before answering it)."""
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        return connection.execute(STORED_COMMENTS, [f"kuorma-{run}-%@load.example"]).fetchone()[0]


if __name__ == "__main__":
    main()
