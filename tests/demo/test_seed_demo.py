"""`manage.py seed_demo`: realistic, published, idempotent demo content.

The catalogue is seeded once per module inside a transaction that is rolled back at the end; every
test runs in a savepoint inside it, so the seed costs one run however many tests read it.
"""

import csv
import re
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings

from municipalities.models import Organisation, OrganisationKind
from solutions.demo.seeding import all_entries, published_at_for
from solutions.models import (
    Attachment,
    Contact,
    Lifecycle,
    LifeEvent,
    ModerationState,
    ServiceClass,
    Solution,
    SolutionKind,
)

SHARED_CSV = Path(settings.BASE_DIR).parent / "shared" / "data" / "municipal_open_source_projects.csv"
BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        out, err = StringIO(), StringIO()
        call_command("seed_demo", stdout=out, stderr=err)
        yield out.getvalue(), err.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, db):
    return seeded


def test_missing_municipalities_and_vocabularies_are_loaded_first(demo):
    # The module's database starts empty: seed_demo itself had to call the loaders.
    assert Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).count() == 308
    assert ServiceClass.objects.filter(code="P3.4").exists()
    assert LifeEvent.objects.filter(code="KE1").exists()
    assert Solution.objects.get(slug="evaka").service_classes.filter(code="P3.4").exists()


def test_at_least_sixty_published_solutions_from_twenty_organisations(demo):
    published = Solution.objects.published()
    assert published.count() >= 60
    assert published.count() == Solution.objects.count()
    publishers = Organisation.objects.annotate(n=Count("solutions")).filter(n__gt=0)
    assert publishers.count() >= 20
    assert publishers.filter(kind=OrganisationKind.MUNICIPALITY).values("region").distinct().count() >= 8


def test_every_kind_and_a_few_ideas_and_pilots(demo):
    kinds = set(Solution.objects.values_list("kind", flat=True))
    assert kinds == set(SolutionKind.values)
    assert Solution.objects.filter(lifecycle__in=[Lifecycle.IDEA, Lifecycle.PILOT]).count() >= 3


def test_at_least_six_solutions_in_swedish(demo):
    assert Solution.objects.filter(language="sv").count() >= 6


def test_process_descriptions_carry_a_valid_bpmn_file(demo):
    processes = Solution.objects.filter(kind=SolutionKind.PROCESS)
    assert processes.exists()
    for solution in processes:
        attachment = solution.attachments.get()
        assert attachment.content_type in ("application/xml", "application/bpmn+xml")
        with attachment.file.open("rb") as f:
            data = f.read()
        assert attachment.size == len(data) > 0
        root = ET.fromstring(data)  # noqa: S314 - our own shipped file
        assert root.tag == f"{{{BPMN_NS}}}definitions"
        assert root.find(f"{{{BPMN_NS}}}process") is not None


def test_running_again_updates_in_place(demo):
    before = {
        "solutions": Solution.objects.count(),
        "organisations": Organisation.objects.count(),
        "contacts": Contact.objects.count(),
        "attachments": Attachment.objects.count(),
        "dates": dict(Solution.objects.values_list("slug", "published_at")),
    }
    Solution.objects.filter(slug="evaka").update(title="Muokattu")
    out = StringIO()
    call_command("seed_demo", stdout=out, stderr=StringIO())
    assert Solution.objects.count() == before["solutions"]
    assert Organisation.objects.count() == before["organisations"]
    assert Contact.objects.count() == before["contacts"]
    assert Attachment.objects.count() == before["attachments"]
    assert dict(Solution.objects.values_list("slug", "published_at")) == before["dates"]
    assert Solution.objects.get(slug="evaka").title == "eVaka"
    assert "0 solutions created" in out.getvalue()


def test_summary_is_printed_and_every_vocabulary_code_exists(demo):
    out, err = demo
    assert re.search(r"\d+ solutions created, \d+ updated, published by \d+ organisations", out)
    assert err == ""


def test_no_placeholder_text(demo):
    fields = [
        "title",
        "summary",
        "description",
        "context",
        "results",
        "lessons_learned",
        "adoption_conditions",
    ]
    for row in Solution.objects.values_list(*fields):
        assert "lorem" not in " ".join(row).lower()


def test_invented_links_point_to_example_domains(demo):
    real_repositories = {
        e["repository_url"] for e in all_entries() if "github.com" in e.get("repository_url", "")
    }
    link_fields = [
        "repository_url",
        "api_specification_url",
        "api_base_url",
        "documentation_url",
        "demo_url",
        "website_url",
    ]
    for row in Solution.objects.values_list(*link_fields):
        for url in filter(None, row):
            host = urlsplit(url).hostname
            assert url in real_repositories or host == "example.fi" or host.endswith(".example.fi"), url
    for email in Contact.objects.values_list("email", flat=True):
        assert email.endswith("@example.fi") or email.endswith(".example.fi"), email


def test_dates_spread_over_two_years_and_stable(demo):
    dates = sorted(Solution.objects.values_list("published_at", flat=True))
    assert (dates[-1] - dates[0]).days > 500
    assert len({(d.year, d.month) for d in dates}) >= 15
    assert Solution.objects.get(slug="evaka").published_at == published_at_for("evaka")


def test_coordinator_wellbeing_county_and_joint_authority_publish(demo):
    for slug, kind in [
        ("kuntaliitto", OrganisationKind.COORDINATOR),
        ("pohjanmaan-hyvinvointialue", OrganisationKind.WELLBEING_COUNTY),
        ("hsl", OrganisationKind.JOINT_AUTHORITY),
    ]:
        org = Organisation.objects.get(slug=slug)
        assert org.kind == kind
        assert org.solutions.published().exists()
    assert Organisation.objects.get(slug="hsl").region.code == "01"


def test_real_projects_keep_their_repository_facts(demo):
    if not SHARED_CSV.exists():
        pytest.skip("reference data not available")
    with SHARED_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_repository = {s.repository_url: s for s in Solution.objects.select_related("organisation")}
    for row in rows:
        solution = by_repository[row["repository_url"]]
        assert solution.title == row["name"]
        assert solution.kind == (SolutionKind.API if row["kind"] == "API" else SolutionKind.SOFTWARE)
        if row["municipality_code"]:
            assert solution.organisation.code == row["municipality_code"]
        if row["licence"] == "not stated":
            assert solution.licence == ""
        else:
            assert solution.licence.split()[0] in row["licence"] or solution.licence.startswith("BSD")
        retired = any(word in row["notes"].lower() for word in ("deprecated", "archived", "superseded"))
        assert (solution.lifecycle == Lifecycle.RETIRED) == retired, row["name"]


def test_superseded_project_names_its_successor(demo):
    assert Solution.objects.get(slug="respa").successor.slug == "tilavarauspalvelu"


def test_moderation_state_is_published_everywhere(demo):
    assert not Solution.objects.exclude(moderation_state=ModerationState.PUBLISHED).exists()
