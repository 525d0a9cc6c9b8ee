"""Schemathesis fuzzes the API from its own OpenAPI schema, on a live server, with every check.

The run is bounded (a few examples per operation, a fixed seed) so it takes well under two minutes;
a token with every scope lets it reach the write operations too.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from solutions.community.models import Adoption, AdoptionStatus, HelpRequest
from solutions.community.models.discussion import PostState
from tests import factories

SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
EXAMPLES_PER_OPERATION = 6


@pytest.fixture
def fuzzed_catalogue(organisation, other_organisation, member):
    service_class = factories.ServiceClassFactory(code="P1")
    factories.LifeEventFactory(code="KE1")
    solution = factories.SolutionFactory(organisation=organisation, title="Tilavaraus", tags=["varaus"])
    solution.service_classes.add(service_class)
    factories.SolutionFactory(organisation=other_organisation, kind="api")
    Adoption.objects.create(organisation=other_organisation, solution=solution, status=AdoptionStatus.IN_USE)
    HelpRequest.objects.create(
        author=member, organisation=organisation, title="Apua", question="Miten?", state=PostState.PUBLISHED
    )


@pytest.mark.django_db(transaction=True)
def test_schemathesis_finds_no_failure(live_server, settings, fuzzed_catalogue, admin_token, tmp_path):
    # Fuzzing is many requests from one address; throttling has its own test.
    settings.API_THROTTLE_RATES = {"anonymous": "100000/min", "token": "100000/min"}
    _token, secret = admin_token
    # The coverage phase walks every boundary of every parameter and body field; on every operation
    # that takes minutes, so it covers the solution search, whose parameters are the most varied,
    # and fuzzing and the stateful phase cover every operation.
    for phases, selection in (
        ("examples,fuzzing,stateful", []),
        ("coverage", ["--include-method=GET", "--include-path=/api/v1/solutions/"]),
    ):
        result = subprocess.run(  # noqa: S603 -- our own executable and arguments
            [
                str(SCHEMATHESIS),
                "run",
                f"{live_server.url}/api/schema/",
                "--checks=all",
                f"--phases={phases}",
                *selection,
                f"--max-examples={EXAMPLES_PER_OPERATION}",
                "--seed=20261126",
                "--workers=1",
                "--generation-database=none",
                "--no-color",
                "--header",
                f"Authorization: Bearer {secret}",
            ],
            capture_output=True,
            env={**os.environ, "NO_COLOR": "1"},
            cwd=tmp_path,  # schemathesis keeps a cache of crashes in the working directory
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
