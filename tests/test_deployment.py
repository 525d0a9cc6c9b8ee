"""Production settings: safe defaults, Django's deployment checks clean, hashed static files."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DEBUG": "false",
    "ALLOWED_HOSTS": "kuntajako.example",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, env=None):
    # Only the basics of the outer environment: the test run's own settings must not leak in.
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    environment.update(env or {})
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_deployment_checks_report_nothing_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50)},
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_malformed_setting_is_named_at_start_up():
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": "x" * 50, "DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_debug_is_off_unless_set():
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        env={"SECRET_KEY": "x" * 50},
    )
    assert result.stdout.strip() == "False", result.stderr


def test_static_files_get_hashed_names(tmp_path):
    env = {**PRODUCTION_ENV, "SECRET_KEY": secrets.token_urlsafe(50), "STATIC_ROOT": str(tmp_path)}
    result = manage("collectstatic", "--noinput", "-v", "0", env=env)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed.startswith("css/site.")
    assert hashed != "css/site.css"
    assert (tmp_path / (hashed + ".gz")).exists(), "WhiteNoise should store a compressed copy"


def test_a_configuration_error_is_told_in_one_line_not_a_traceback():
    result = manage("migrate", "--check", env=PRODUCTION_ENV)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Configuration error: SECRET_KEY must be set when DEBUG is off "
        "(for local development, set DEBUG=true)."
    ]


def test_a_migration_check_needs_no_secret_key_but_nothing_else_runs_without_one(tmp_path):
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}"}
    result = manage("makemigrations", "--check", "--dry-run", env=env)
    assert (result.returncode, result.stdout.strip()) == (0, "No changes detected"), result.stderr
    for command in (["shell", "-c", "print(1)"], ["send_digests"], ["check"]):
        result = manage(*command, env=env)
        assert "SECRET_KEY must be set" in result.stderr


def test_a_served_process_loads_the_search_analysis_before_its_first_request():
    # Otherwise the first English or Swedish search of every new server process waits while the
    # glossary's words are analysed.
    import gc
    import importlib

    import kuntajako.wsgi
    from solutions.search import analysis

    analysis.glossary.cache_clear()
    gc.unfreeze()
    try:
        importlib.reload(kuntajako.wsgi)
        # ... and what it loaded is left out of the garbage collector's full collections.
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert analysis.glossary.cache_info().currsize == 1
    assert analysis.glossary()["bibliotek"] == ("kirjasto",)
