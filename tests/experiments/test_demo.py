"""The demo's experiments: two calls (one open, one closed) with experiments in every state, and
savings that add up, the same on every run."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from solutions.experiments.demo import seed_experiments
from solutions.experiments.models import AdoptionSaving, Call, Experiment, ExperimentStatus, ReviewState
from solutions.experiments.services import experiments, savings
from solutions.models import ItemState, ModerationItem


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


def test_two_calls_one_open_with_experiments_in_every_state(demo):
    assert "experiments: 2 calls, 7 experiments created" in demo
    assert [call.is_open for call in Call.objects.order_by("deadline")] == [False, True]
    assert set(Experiment.objects.values_list("status", flat=True)) == set(ExperimentStatus.values)
    assert set(Experiment.objects.values_list("review_state", flat=True)) == set(ReviewState.values)
    waiting = Experiment.objects.get(review_state=ReviewState.SUBMITTED)
    assert (
        ModerationItem.objects.get(kind=experiments.QUEUE_KIND, object_id=waiting.pk).state == ItemState.OPEN
    )


def test_savings_add_up_from_adoptions_and_experiments(demo):
    assert AdoptionSaving.objects.count() >= 3
    result = savings.totals(savings.entries(), by="region")
    assert result["total"].measured > 0
    assert result["total"].estimated > 0
    assert len(result["groups"]) >= 3
    assert len(savings.potential()) >= 2
    page = Client().get("/fi/savings/")
    assert "mitattu 1 kokeilussa" in page.content.decode()


def test_running_again_changes_nothing_twice(demo):
    before = Experiment.objects.count(), AdoptionSaving.objects.count(), ModerationItem.objects.count()
    assert "0 experiments created" in seed_experiments()
    assert (
        Experiment.objects.count(),
        AdoptionSaving.objects.count(),
        ModerationItem.objects.count(),
    ) == before
