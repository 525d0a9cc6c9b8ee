"""Browser tests: Playwright's sync API driving Debian's chromium against pytest-django's live server.

The browser is launched once for the browser tests (they run together: pytest-django runs the
transactional tests as one group) and stopped after them; each test gets a fresh context (cookies,
storage).
"""

import os
from pathlib import Path

import pytest

from tests.checks import CHROMIUM, require

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run inside
# one unless told it is safe. The test thread only prepares data, the live server does the rest.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def browser():
    """Chromium, for the tests of this package only.

    Between its calls Playwright's sync API leaves its event loop marked as running in the test
    thread, and while a loop runs, Django keeps the thread's database connections in a separate,
    context-local storage. A connection opened there is invisible once Playwright stops: pytest-django
    closes only the thread's usual connection before dropping the test database, and the drop then
    fails with "being accessed by other users". Hence the package scope, so that the tests after these
    ones run without the loop, and the connections of that storage are closed before Playwright stops.
    """
    require(Path(CHROMIUM).exists(), f"Chromium ({CHROMIUM})")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        connections.close_all()
        browser.close()


def _open_page(browser, live_server, width, height):
    context = browser.new_context(
        base_url=live_server.url, locale="fi-FI", viewport={"width": width, "height": height}
    )
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    context, page = _open_page(browser, live_server, 1280, 900)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context, page = _open_page(browser, live_server, 390, 844)
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    """WCAG 2.2 A and AA violations axe-core finds on the page, one readable line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_RULES}})
    lines = []
    for violation in results.response["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert not violations, f"{page.url}:\n" + "\n".join(violations)

    return check
