"""Fault checks: what visitors see when PostgreSQL restarts or Redis stops under load, and whether
two application servers share sessions and rate limits.

    make faults
    .venv/bin/python tests/load/faults.py --clients 50

It starts its own PostgreSQL cluster and Redis on loopback ports (so restarting them disturbs no
one else using the machine's shared servers), prepares the demo content, and runs two gunicorn
servers with production settings on 127.0.0.1. Then:

1. PostgreSQL restart during load (wrk) while a writer signs up new accounts through the site and
   records every sign-up it was told succeeded: the time until pages answer again after the
   database is back, the errors seen meanwhile, and whether every acknowledged write is stored.
2. Redis stopped during load: pages keep being served (cache misses, not errors), /readyz stays
   ready and reports the cache unavailable, and the cache is used again once Redis is back.
3. Two servers: a session started on one works on the other, and a rate limit counted on one
   (resending a confirmation link) holds on the other.
4. A mail worker killed (SIGKILL) in the middle of sending to a slow SMTP server of our own: every
   mail arrives exactly once; killed just after the server accepted a message, that one message
   arrives twice with the same Message-ID (tests/load/mail_faults.py, which also runs on its own).

Nothing is asserted in the test suite: the script prints what it saw, for docs/operations.md.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.load import mail_faults, servers  # noqa: E402
from tests.load.loadtest import HERE, paths  # noqa: E402
from tests.load.servers import PASSWORD, Browser  # noqa: E402


def start_wrk(base_url, path_file, clients, seconds):
    command = [
        shutil.which("wrk") or "wrk", "--threads", "2", "--connections", str(clients),
        "--duration", f"{seconds}s",
        "--timeout", "30s", "--script", str(HERE / "mixed.lua"), base_url, "--", str(path_file),
    ]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603


def wrk_result(process, seconds):
    output, _ = process.communicate(timeout=seconds + 120)
    line = next((line for line in output.splitlines() if line.startswith("RESULT")), "RESULT")
    return dict(item.split("=") for item in line.split()[1:])


def writer(base, stop, acknowledged, failures):
    """Sign up new accounts until told to stop; remember each one the site said it stored."""
    number = 0
    deadline = time.monotonic() + 300
    while not stop.is_set() and time.monotonic() < deadline:
        number += 1
        email = f"kirjoittaja-{number}@faults.example"
        url = f"{base}/fi/account/signup/"
        fields = {
            "email": email,
            "display_name": f"Kirjoittaja {number}",
            "preferred_language": "fi",
            "password1": PASSWORD,
            "password2": PASSWORD,
        }
        try:
            status, location = Browser().post_form(url, url, fields)
        except OSError:
            status, location = 0, None
        if status == 302 and location and "/signup/sent/" in location:
            acknowledged.append(email)
        else:
            failures.append(status)
        time.sleep(0.05)


def prober(url, stop, seen):
    """Open a page that needs the database again and again; remember when each request started and
    ended and its status (0: no answer within 30 s). Under load a page is slow, not failing."""
    deadline = time.monotonic() + 300
    while not stop.is_set() and time.monotonic() < deadline:
        started = time.monotonic()
        code = servers.status(url, timeout=30)
        seen.append((started, time.monotonic(), code))
        time.sleep(0.05)


def postgres_restart(base, restart, database_url, path_file, clients):
    import psycopg

    seconds = 30
    load = start_wrk(base, path_file, clients, seconds)
    stop, acknowledged, failures, seen = threading.Event(), [], [], []
    threads = [
        threading.Thread(target=writer, args=(base, stop, acknowledged, failures)),
        threading.Thread(target=prober, args=(f"{base}/fi/regions/", stop, seen)),
    ]
    for thread in threads:
        thread.start()
    time.sleep(8)
    servers.log("restarting PostgreSQL")
    started = time.monotonic()
    restart()
    database_back = time.monotonic()
    servers.log(f"PostgreSQL back after {database_back - started:.1f} s")
    result = wrk_result(load, seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    failed = [(start, end) for start, end, code in seen if code != 200]
    # From the database being back to the end of the first probe sent after that which got its page:
    # under load this is mostly the page's own (queued) response time.
    recovered = [end for start, end, code in seen if code == 200 and start >= database_back]
    answering = (min(recovered) - database_back) if recovered else None
    outage = (max(end for _, end in failed) - min(start for start, _ in failed)) if failed else 0.0
    last_failure = max((end for _, end in failed), default=database_back)
    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1)) as connection:
        stored = {
            row[0]
            for row in connection.execute(
                "SELECT email FROM municipalities_user WHERE email LIKE 'kirjoittaja-%%@faults.example'"
            )
        }
    lost = [email for email in acknowledged if email not in stored]
    return {
        "restart_seconds": round(database_back - started, 2),
        "pages_answer_again_after_database_back_seconds": None if answering is None else round(answering, 2),
        "probes": len(seen),
        "probes_failed": len(failed),
        "probe_failures_span_seconds": round(outage, 2),
        # The criterion: no page fails later than 5 s after the database is back.
        "last_failure_after_database_back_seconds": round(max(0.0, last_failure - database_back), 2),
        "load": result,
        "writes_acknowledged": len(acknowledged),
        "writes_refused_or_failed": len(failures),
        "acknowledged_writes_missing": len(lost),
    }


def redis_stopped(base, redis, path_file, clients):
    seconds = 20
    before = json.loads(urllib.request.urlopen(f"{base}/readyz", timeout=5).read())  # noqa: S310
    load = start_wrk(base, path_file, clients, seconds)
    time.sleep(5)
    servers.log("stopping Redis")
    redis.stop()
    time.sleep(3)
    during = (
        servers.status(f"{base}/readyz"),
        json.loads(
            urllib.request.urlopen(f"{base}/readyz", timeout=5).read()  # noqa: S310
        ),
    )
    result = wrk_result(load, seconds)
    servers.log("starting Redis again")
    redis.start()
    back = servers.wait_until(
        lambda: json.loads(urllib.request.urlopen(f"{base}/readyz", timeout=5).read())["cache"] == "ok",  # noqa: S310
        30,
    )
    return {
        "readyz_before": before,
        "readyz_while_stopped": {"status": during[0], **during[1]},
        "load_with_redis_stopped": result,
        "cache_used_again_after_seconds": None if back is None else round(back, 2),
    }


def two_servers(base_a, base_b):
    member, unconfirmed = Browser(), Browser()
    login_status, _ = member.log_in(base_a, "jasen@faults.example")
    profile_on_b = member.open(f"{base_b}/fi/account/")[0]
    unconfirmed.log_in(base_a, "vahvistamaton@faults.example")
    resend = f"{base_a}/fi/account/"
    first = unconfirmed.post_form(resend, f"{base_a}/fi/account/confirm/resend/", {})[0]
    second = unconfirmed.post_form(f"{base_b}/fi/account/", f"{base_b}/fi/account/confirm/resend/", {})[0]
    return {
        "login_on_a": login_status,
        "profile_on_b_with_the_same_session": profile_on_b,
        "resend_on_a": first,
        "resend_again_on_b_within_the_minute": second,
    }


USERS = """
from django.utils import timezone
from municipalities.models import User
for email, confirmed in (("jasen@faults.example", True), ("vahvistamaton@faults.example", False)):
    if not User.objects.filter(email=email).exists():
        User.objects.create_user(email, "{password}", display_name=email.split("@")[0],
                                 email_confirmed_at=timezone.now() if confirmed else None)
"""


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--postgres-port", type=int, default=5491)
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--ports", type=int, nargs=2, default=[8771, 8772])
    options = parser.parse_args()
    results = {}
    with servers.private_postgres(options.postgres_port) as restart_postgres:
        database_url = f"postgres://postgres@127.0.0.1:{options.postgres_port}/kuntajako_faults"
        servers.ensure_database(database_url)
        redis = servers.PrivateRedis(options.redis_port)
        redis.start()
        try:
            with tempfile.TemporaryDirectory(prefix="kuntajako-faults-") as folder:
                env = servers.production_env(
                    database_url, f"redis://127.0.0.1:{options.redis_port}/0", folder
                )
                servers.prepare(env)
                servers.manage(env, "shell", "-c", USERS.format(password=PASSWORD))
                path_file = Path(folder) / "paths.txt"
                path_file.write_text("\n".join(paths(database_url)) + "\n")
                with (
                    servers.gunicorn(env, options.ports[0]) as base_a,
                    servers.gunicorn(env, options.ports[1], workers=2) as base_b,
                ):
                    results["two_servers"] = two_servers(base_a, base_b)
                    results["postgres_restart"] = postgres_restart(
                        base_a, restart_postgres, database_url, path_file, options.clients
                    )
                    results["redis_stopped"] = redis_stopped(base_a, redis, path_file, options.clients)
                results["mail_worker_killed_mid_send"] = mail_faults.run(env, folder)
                results["mail_worker_killed_after_acceptance"] = mail_faults.run(
                    env, folder, moment="after-acceptance"
                )
        finally:
            redis.stop()
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
