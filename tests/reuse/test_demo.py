"""The demo's reuse: realistic adoptions between demo organisations, the same on every run."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.test import override_settings

from solutions.community.models import Adoption, AdoptionEvent, AdoptionStatus
from solutions.demo.reuse import ADOPTIONS, seed_reuse


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


def test_demo_has_adoptions_in_every_status(demo):
    assert Adoption.objects.count() == len(ADOPTIONS)
    assert set(Adoption.objects.values_list("status", flat=True)) == set(AdoptionStatus.values)
    assert Adoption.objects.exclude(savings_euros_per_year=None).count() >= 5
    # Publishers never mark their own solutions: their own use is not reuse.
    assert not Adoption.objects.filter(organisation=F("solution__organisation")).exists()


def test_every_demo_adoption_has_its_first_history_entry(demo):
    assert AdoptionEvent.objects.count() == Adoption.objects.count()


def test_seeding_again_changes_nothing(demo):
    before = list(Adoption.objects.order_by("pk").values_list("pk", "status", "experience"))
    assert seed_reuse() == 0
    assert list(Adoption.objects.order_by("pk").values_list("pk", "status", "experience")) == before
    assert f"adoptions created: {len(before)}" in demo
