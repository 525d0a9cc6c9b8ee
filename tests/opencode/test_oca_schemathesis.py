"""Schemathesis over Kuntajako's own description of the Open Catalog API (/oca/v1/openapi.yaml),
on a catalogue with software, publishers, logs and adoptions; bounded examples, every default check."""

from datetime import timedelta

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings

from solutions.community.models import Adoption
from solutions.opencode.models import HarvestLog, HarvestSource
from tests import factories


@pytest.fixture
def oca_schema(db, settings, organisation, other_organisation):
    # Schemathesis calls the WSGI application as the host "localhost".
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    items = [
        factories.SolutionFactory(
            organisation=organisation,
            repository_url=f"https://git.example.org/kuhmo/app-{n}",
            published_at=timezone.now() - timedelta(days=n),
        )
        for n in range(3)
    ]
    source = HarvestSource.objects.create(
        organisation=organisation,
        url=items[0].repository_url,
        raw_url="https://git.example.org/0.yml",
        solution=items[0],
    )
    HarvestLog.objects.create(
        source=source,
        outcome="invalid",
        valid=False,
        messages=[{"level": "error", "key": "name", "line": 2, "column": 7, "text": "must be a text"}],
    )
    Adoption.objects.create(organisation=other_organisation, solution=items[0], status="in_use")
    # As Django's test client does: a WSGI request must not close the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/oca/v1/openapi.yaml", get_wsgi_application())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_open_catalog_api_conforms_to_its_description(oca_schema):
    # Every operation with bounded generated cases; each case is checked with every default check
    # (status codes, content types, response schemas, headers). The loop, rather than schemathesis'
    # pytest plugin, keeps the suite's own pytest and its built-in subtests out of each other's way.
    operations = [result.ok() for result in oca_schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate()

        check()
