from pathlib import Path

import pytest

FILES = Path(__file__).parent / "files"
# Real publiccode.yml files from public repositories, beside the checkout (see DESIGN.md).
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "publiccode"


def read(name: str) -> str:
    return (FILES / name).read_text(encoding="utf-8")


@pytest.fixture
def minimal_text():
    return read("valid-minimal.publiccode.yml")


@pytest.fixture
def full_text():
    return read("valid-full.publiccode.yml")


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def service_classes(db):
    from tests import factories

    return [factories.ServiceClassFactory(code=code) for code in ("P2", "P9", "P27")]


@pytest.fixture
def local_server(settings):
    """The test-only setting lets plain http:// to 127.0.0.1 through the fetcher's defences."""
    from tests.opencode.server import LocalServer

    settings.OPENCODE_FETCH_ALLOW_LOOPBACK_HTTP = True
    with LocalServer() as server:
        yield server
