"""The demo's assessments and roadmaps: enough to show every part of the result pages, the same on
every run."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from municipalities.models import Organisation
from solutions.maturity.demo import seed_maturity
from solutions.maturity.models import Assessment, AssessmentState, RoadmapItem
from solutions.maturity.results import result_for


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        out = StringIO()
        call_command("seed_demo", stdout=out, stderr=StringIO())
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, db):
    return seeded


def _latest(code):
    return Assessment.objects.finished().filter(organisation__code=code).order_by("-submitted_at").first()


def test_a_dozen_organisations_of_every_size_assessed_and_a_few_roadmaps(demo):
    assert "maturity: 18 assessments, 11 roadmap items" in demo
    organisations = Organisation.objects.filter(maturity_assessments__isnull=False).distinct()
    assert organisations.count() >= 12
    assert {organisation.size_class for organisation in organisations} >= {"small", "medium", "large"}
    states = set(Assessment.objects.values_list("state", flat=True))
    assert states == {AssessmentState.DRAFT, AssessmentState.SUBMITTED, AssessmentState.PUBLISHED}
    assert RoadmapItem.objects.filter(region__code="19").exists()
    assert RoadmapItem.objects.values("organisation").distinct().count() >= 5


def test_running_again_changes_nothing(demo):
    assert seed_maturity() == "0 assessments, 0 roadmap items"


def test_salla_sees_change_peers_region_and_a_peer_solution(demo):
    result = result_for(_latest("732"))
    rows = {row.dimension.key: row for row in result["rows"]}
    assert any(row.change for row in result["answered"])
    assert rows["sc:P3"].peers.shown
    assert rows["sc:P3"].region.shown
    assert [solution.slug for solution, _users in rows["sc:P3"].suggestions] == [
        "sotkamo-varhaiskasvatuksen-haku"
    ]
    # Medium-sized Lapland municipalities have only four peers of their size.
    medium = {row.dimension.key: row for row in result_for(_latest("320"))["rows"]}
    assert not medium["sc:P3"].peers.shown


def test_the_demo_pages_open(demo):
    client = Client()
    salla = _latest("732")
    for url in (salla.get_absolute_url(), "/fi/maturity/", "/fi/roadmaps/KE1/", "/fi/regions/19/roadmap/"):
        assert client.get(url).status_code == 200, url
