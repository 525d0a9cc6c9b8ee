"""Savings add up per year from adoptions (estimated unless described otherwise) and finished
experiments (measured), per solution, organisation, region and service class, and in the balance."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from solutions.community.models import Adoption, AdoptionStatus
from solutions.community.reuse import panels
from solutions.experiments.models import ExperimentStatus, SavingMethod
from solutions.experiments.services import savings
from tests import factories


@pytest.fixture
def published(other_organisation, service_class):
    solution = factories.SolutionFactory(organisation=other_organisation, title="Lupapiste")
    solution.service_classes.set([service_class])
    return solution


@pytest.fixture
def adoption(organisation, published):
    this_year = timezone.localdate().year
    return Adoption.objects.create(
        organisation=organisation,
        solution=published,
        status=AdoptionStatus.IN_USE,
        since=date(this_year - 1, 3, 1),
        savings_euros_per_year=Decimal("1000"),
        savings_hours_per_year=50,
    )


@pytest.fixture
def finished(make_experiment, organisation, service_class):
    experiment = make_experiment(
        organisation,
        status=ExperimentStatus.FINISHED,
        service_classes=[service_class],
        period_end=date(timezone.localdate().year, 1, 31),
    )
    experiment.measured_result = Decimal("30")
    experiment.savings_euros_per_year = Decimal("5000")
    experiment.savings_hours_per_year = 200
    experiment.save()
    return experiment


def test_adoption_counts_every_year_in_use_and_experiment_once(adoption, finished):
    this_year = timezone.localdate().year
    result = savings.totals(savings.entries())
    per_year = dict(result["per_year"])
    assert list(per_year) == [this_year - 1, this_year]
    assert per_year[this_year - 1].estimated == Decimal(1000)
    assert per_year[this_year - 1].measured == 0
    assert per_year[this_year].estimated == Decimal(1000)
    assert per_year[this_year].measured == Decimal(5000)
    assert result["total"].euros == Decimal(7000)
    assert result["total"].hours == 300


def test_totals_per_region_organisation_and_service_class(adoption, finished, organisation, service_class):
    by_region = savings.totals(savings.entries(), by="region")["groups"]
    assert [group.label for group, _cells in by_region] == [organisation.region.name]
    by_class = savings.totals(savings.entries(service_class=service_class), by="service_class")
    assert by_class["total"].euros == Decimal(7000)
    elsewhere = factories.ServiceClassFactory(code="P99")
    assert savings.totals(savings.entries(service_class=elsewhere))["total"].euros == 0


def test_described_method_period_and_currency_are_used(adoption, editor):
    savings.describe_adoption_saving(
        adoption,
        editor,
        method=SavingMethod.MEASURED,
        period_start=date(2020, 1, 1),
        period_end=date(2021, 12, 31),
    )
    result = savings.totals(savings.entries())
    assert [year for year, _cell in result["per_year"]] == [2020, 2021]
    assert result["total"].measured == Decimal(2000)
    savings.describe_adoption_saving(adoption, editor, method=SavingMethod.ESTIMATED, currency="sek")
    result = savings.totals(savings.entries())
    assert result["total"].euros == 0
    assert result["other_currencies"] == ["SEK"]


def test_potential_per_service_class_from_measured_experiments(
    finished, make_experiment, organisation, service_class
):
    second = make_experiment(organisation, status=ExperimentStatus.FINISHED, service_classes=[service_class])
    second.measured_result = Decimal("36")
    second.save()
    [row] = savings.potential()
    assert row.service_class == service_class
    assert (row.count, row.low, row.high) == (2, Decimal(-25), Decimal(-10))


def test_the_balance_on_the_organisation_page_counts_measured_savings(finished, organisation, client_for):
    rows = panels.organisation_panel(organisation)["balance"]["sources"]
    figures = {label: number for _key, label, number in rows if _key.startswith("experiment_")}
    assert figures == {
        "Savings its experiments measured, euros a year": 5000,
        "Working hours a year its experiments measured saving": 200,
    }
    page = client_for(None).get(organisation.get_absolute_url())
    assert "Savings its experiments measured, euros a year" in page.content.decode()


def test_savings_page_shows_chart_and_table(adoption, finished, client_for, organisation):
    page = client_for(None).get(reverse("experiments:savings"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    assert "<table" in html
    assert "7,000" in html or "7 000" in html
    assert "measured in 1 experiment" in html
    by_org = client_for(None).get(
        reverse("experiments:savings") + f"?by=organisation&organisation={organisation.slug}"
    )
    assert organisation.name in by_org.content.decode()


def test_savings_page_queries_do_not_grow(
    django_assert_num_queries, make_experiment, client_for, service_class
):
    client = client_for(None)
    url = reverse("experiments:savings") + "?by=region"

    def add(n):
        for _ in range(n):
            organisation = factories.OrganisationFactory(region=factories.RegionFactory())
            experiment = make_experiment(
                organisation, status=ExperimentStatus.FINISHED, service_classes=[service_class]
            )
            experiment.savings_euros_per_year = Decimal(100)
            experiment.measured_result = Decimal(20)
            experiment.save()

    add(2)
    with CaptureQueriesContext(connection) as few:
        assert "2" in client.get(url).content.decode()
    add(8)
    with django_assert_num_queries(len(few)):
        page = client.get(url)
    assert page.content.decode().count('<th scope="row"><a href="/en/regions/') == 10


def test_adoption_saving_form(adoption, editor, member, client_for):
    url = reverse("experiments:adoption_saving", args=[adoption.pk])
    assert client_for(member).get(url).status_code == 403
    bad = client_for(editor).post(
        url,
        {"method": "measured", "currency": "EUR", "period_start": "2025-05-01", "period_end": "2025-01-01"},
    )
    assert bad.status_code == 400
    assert 'value="2025-05-01"' in bad.content.decode()
    done = client_for(editor).post(
        url, {"method": "measured", "currency": "EUR", "period_start": "2025-01-01"}
    )
    assert done.status_code == 302
    assert adoption.saving_details.method == SavingMethod.MEASURED


def test_solution_savings_page_links_editors_to_describing_their_saving(adoption, editor, member, client_for):
    url = reverse("experiments:savings_solution", args=[adoption.solution.slug])
    describe = reverse("experiments:adoption_saving", args=[adoption.pk])
    assert describe in client_for(editor).get(url).content.decode()
    assert describe not in client_for(member).get(url).content.decode()
    by_solution = client_for(None).get(reverse("experiments:savings") + "?by=solution").content.decode()
    assert f'href="{url}"' in by_solution
