from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone, translation

from solutions.experiments.models import Call, Experiment, ExperimentStatus, ReviewState
from solutions.experiments.services import calls, experiments
from tests import factories


@pytest.fixture(autouse=True)
def english_pages():
    """URLs reversed in the tests point at the English pages, whose texts the tests read."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _postgres_only(request):
    # The database in use is known only once Django is set up, so the skip happens at run time.
    if request.node.get_closest_marker("postgres_only"):
        request.getfixturevalue("transactional_db")
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL (row locks)")


@pytest.fixture
def service_class(db):
    return factories.ServiceClassFactory(
        code="P10", name_fi="Rakentaminen", name_sv="Byggande", name_en="Building"
    )


@pytest.fixture
def call(coordinator, service_class):
    return calls.open_call(
        coordinator,
        {
            "title": "Digitaaliset lupapalvelut 2026",
            "theme": "Lupien käsittely verkossa.",
            "deadline": timezone.localdate() + timedelta(days=30),
            "support_offered": "Asiantuntija-apua ja 20 000 euroa.",
            "service_classes": [service_class],
        },
    )


@pytest.fixture
def closed_call(db, service_class):
    return Call.objects.create(
        title="Vanha haku",
        slug="vanha-haku",
        theme="Teema",
        deadline=timezone.localdate() - timedelta(days=1),
        support_offered="Tukea",
    )


def experiment_data(**overrides):
    data = {
        "title": "Rakennuslupa verkossa",
        "hypothesis": "Sähköinen hakemus lyhentää käsittelyaikaa.",
        "service_changed": "Rakennuslupa",
        "measure": "käsittelyaika",
        "unit": "päivää",
        "baseline": Decimal("40"),
        "target": Decimal("28"),
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 6, 30),
        "service_classes": [],
        "partners": [],
    }
    data.update(overrides)
    return data


@pytest.fixture
def submitted(call, organisation, editor, service_class):
    """An experiment of `organisation` waiting for review."""
    return experiments.submit(call, organisation, editor, experiment_data(service_classes=[service_class]))


@pytest.fixture
def make_experiment(call):
    """An experiment straight in the database, in any state (without the services)."""

    def make(organisation, *, status=ExperimentStatus.PLANNED, review_state=ReviewState.PUBLISHED, **fields):
        service_classes = fields.pop("service_classes", [])
        in_call = fields.pop("call", call)
        data = experiment_data(**fields)
        data.pop("service_classes"), data.pop("partners")
        experiment = Experiment.objects.create(
            call=in_call,
            organisation=organisation,
            slug=f"koe-{Experiment.objects.count() + 1}",
            status=status,
            review_state=review_state,
            submitted_at=timezone.now(),
            published_at=timezone.now() if review_state == ReviewState.PUBLISHED else None,
            **data,
        )
        experiment.service_classes.set(service_classes)
        return experiment

    return make
