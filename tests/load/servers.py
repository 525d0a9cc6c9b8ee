"""Starting and stopping what the load and fault scripts need, on loopback addresses only.

Used by loadtest.py and faults.py; not a test module (pytest collects only test_*.py). Every wait
is bounded, every process started here is stopped by the one who started it.
"""

import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
HOST = "127.0.0.1"
# The password of the accounts the scripts create; they live only in throw-away or load databases.
PASSWORD = "kuorma-testi-salasana-2026"  # noqa: S105


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def production_env(database_url: str, redis_url: str | None, folder: str) -> dict[str, str]:
    """Production settings on loopback: DEBUG off, plain HTTP (no TLS on 127.0.0.1)."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": os.environ.get("LOAD_SECRET_KEY", secrets.token_urlsafe(50)),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": str(Path(folder) / "static"),
            "MEDIA_ROOT": str(Path(folder) / "media"),
            "LOG_LEVEL": "WARNING",
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env: dict[str, str], *args: str, debug: bool = False, timeout: int = 900) -> None:
    run_env = {**env, "DEBUG": "true"} if debug else env
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=run_env, check=True, timeout=timeout
    )


def ensure_database(database_url: str) -> None:
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(("postgresql", parts.netloc, "/postgres", "", ""))
    with psycopg.connect(maintenance, autocommit=True, connect_timeout=5) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env: dict[str, str]) -> None:
    """Schema, reference data, demo content and hashed static files (idempotent)."""
    log("migrating and loading the demo content")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_municipalities", debug=True)
    manage(env, "load_vocabularies", debug=True)
    manage(env, "seed_demo", debug=True)
    manage(env, "compilemessages", "--ignore=.venv", "-v", "0", debug=True)
    manage(env, "collectstatic", "--noinput", "-v", "0")


def wait_until(predicate, seconds: float, step: float = 0.1) -> float | None:
    """Seconds until `predicate()` was true, or None if it never was within `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if predicate():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(step)
    return None


def status(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return 0


@contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int = 4, threads: int = 8):
    """gunicorn serving the project on 127.0.0.1:`port` until the block ends; its log (errors with
    their tracebacks) goes to gunicorn-<port>.log in the folder of STATIC_ROOT."""
    command = [
        PYTHON, "-m", "gunicorn", "kuntajako.wsgi",
        "--bind", f"{HOST}:{port}",
        "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
        "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning",
    ]  # fmt: skip
    log_path = Path(env["STATIC_ROOT"]).parent / f"gunicorn-{port}.log"
    log_file = log_path.open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        if wait_until(lambda: status(f"http://{HOST}:{port}/healthz") == 200, 30) is None:
            raise RuntimeError(f"gunicorn did not answer on port {port}")
        log(f"gunicorn answers on {HOST}:{port} ({workers} workers x {threads} threads)")
        yield f"http://{HOST}:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log_file.close()
        errors = log_path.read_text(errors="replace").count("Internal Server Error")
        log(f"gunicorn on port {port} stopped; it logged {errors} internal server errors")


@contextmanager
def private_postgres(port: int):
    """A PostgreSQL cluster of our own in a temporary folder, so restarting it disturbs nobody.

    Yields a function that restarts it and returns when the restart command finished.
    """
    folder = Path(tempfile.mkdtemp(prefix="kuntajako-faults-pg-"))
    binaries = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    pg_ctl = [*as_postgres, str(binaries / "pg_ctl"), "-D", str(data), "-w", "-t", "30"]
    options = f"-p {port} -c listen_addresses={HOST} -c unix_socket_directories={folder} -c fsync=on"
    initdb = [*as_postgres, str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
    subprocess.run(  # noqa: S603
        [*initdb, "-E", "UTF8"],
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    subprocess.run([*pg_ctl, "-o", options, "-l", str(folder / "log"), "start"], check=True, timeout=60)  # noqa: S603
    log(f"private PostgreSQL on {HOST}:{port}")

    def restart():
        subprocess.run(  # noqa: S603
            [*pg_ctl, "-m", "fast", "-o", options, "-l", str(folder / "log"), "restart"],
            check=True,
            timeout=60,
        )

    try:
        yield restart
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "stop"], check=False, timeout=60)  # noqa: S603
        shutil.rmtree(folder, ignore_errors=True)


class PrivateRedis:
    """A Redis of our own (nothing saved to disk) that can be stopped and started again."""

    def __init__(self, port: int):
        self.port = port
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--port",
                str(self.port),
                "--bind",
                HOST,
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis(host=HOST, port=self.port, socket_connect_timeout=0.5)
        if wait_until(client.ping, 10) is None:
            raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class Browser:
    """A visitor with cookies, posting forms with their CSRF token, never following redirects."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    class _LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
        """Production cookies are Secure; on loopback there is no TLS, so send them over HTTP."""

        def return_ok_secure(self, cookie, request):
            return True

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar(self._LoopbackPolicy())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirect()
        )

    def open(self, url, data=None, timeout=10):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def post_form(self, page_url, action_url, fields):
        status, _, html = self.open(page_url)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        if status != 200 or not match:
            return status, None
        status, headers, _ = self.open(action_url, {"csrfmiddlewaretoken": match.group(1), **fields})
        return status, headers.get("Location")

    def log_in(self, base, email):
        url = f"{base}/fi/account/login/"
        return self.post_form(url, url, {"username": email, "password": PASSWORD})
