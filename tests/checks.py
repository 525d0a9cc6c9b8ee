"""External checkers the tests use: the Nu HTML Checker and Debian's chromium.

Both are installed by `make test`. Where one is missing the tests that need it are skipped with the
reason, except under CI=true, where a missing checker is a failure: a green CI must mean it ran.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
VNU_JAR = Path(
    os.environ.get("VNU_JAR", settings.BASE_DIR / ".venv/node/node_modules/vnu-jar/build/dist/vnu.jar")
)


def require(available: bool, what: str):
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing; `make test` installs it.")
    pytest.skip(f"{what} is missing; `make test` installs it.")


def validate_html(documents: dict[str, str]) -> list[str]:
    """Validate HTML documents (name -> markup) in one run of the Nu checker; return its errors."""
    require(VNU_JAR.exists() and shutil.which("java") is not None, "The Nu HTML Checker (vnu.jar and java)")
    names = list(documents)
    with _tempdir() as folder:
        paths = []
        for index, name in enumerate(names):
            path = folder / f"{index}.html"
            path.write_text(documents[name], encoding="utf-8")
            paths.append(str(path))
        result = subprocess.run(  # noqa: S603
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *paths],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        report = json.loads(result.stderr or '{"messages": []}')
        errors = []
        for message in report["messages"]:
            index = int(Path(message.get("url", "0.html").split("/")[-1]).stem)
            errors.append(f"{names[index]} line {message.get('lastLine')}: {message['message']}")
        return errors


class _tempdir:
    def __enter__(self):
        import tempfile

        self._dir = tempfile.TemporaryDirectory()
        return Path(self._dir.name)

    def __exit__(self, *exc):
        self._dir.cleanup()


def committed():
    """Run what the code defers until its transaction commits (the fan-out of events, e-mail), as a
    real commit would: tests run inside a transaction that is never committed."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)
