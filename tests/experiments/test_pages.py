"""The pages of calls and experiments: lists and filters, the forms with their errors, the actions,
the moderation queue row, the feed, and who sees what."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from solutions.experiments.models import Call, Experiment, ExperimentStatus, ReviewState
from solutions.experiments.services import experiments
from solutions.models import Solution
from tests import factories


def test_coordinator_opens_a_call_others_may_not(coordinator, editor, client_for, service_class):
    url = reverse("experiments:open_call")
    assert client_for(None).get(url).status_code == 302
    assert client_for(editor).get(url).status_code == 403
    data = {
        "title": "Asiointi verkossa",
        "theme": "Teema",
        "support_offered": "Rahaa",
        "deadline": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "service_classes": [service_class.pk],
    }
    refused = client_for(coordinator).post(url, data)
    assert refused.status_code == 400
    assert "The deadline cannot be in the past." in refused.content.decode()
    assert 'value="Asiointi verkossa"' in refused.content.decode()
    data["deadline"] = (timezone.localdate() + timedelta(days=10)).isoformat()
    done = client_for(coordinator).post(url, data)
    call = Call.objects.get(title="Asiointi verkossa")
    assert done.status_code == 302
    assert done["Location"] == call.get_absolute_url()
    assert list(call.service_classes.all()) == [service_class]


def test_editor_submits_an_experiment_and_it_waits_for_review(call, editor, member, client_for, organisation):
    url = reverse("experiments:submit", args=[call.slug])
    assert client_for(member).get(url).status_code == 403
    data = {
        "organisation": organisation.pk,
        "title": "Ajanvaraus chatissa",
        "hypothesis": "Chat vähentää puheluita.",
        "service_changed": "Neuvonta",
        "measure": "puhelut",
        "unit": "kpl/viikko",
        "baseline": "120",
        "target": "80",
        "period_start": "2026-05-01",
        "period_end": "2026-03-01",
    }
    refused = client_for(editor).post(url, data)
    assert refused.status_code == 400
    assert "The period must end on or after the day it starts." in refused.content.decode()
    assert "Chat vähentää puheluita." in refused.content.decode()
    data["period_end"] = "2026-10-31"
    done = client_for(editor).post(url, data)
    experiment = Experiment.objects.get(title="Ajanvaraus chatissa")
    assert done.status_code == 302
    assert experiment.review_state == ReviewState.SUBMITTED
    # Not public yet: the call page lists it only to its organisation.
    assert "Ajanvaraus chatissa" not in client_for(None).get(call.get_absolute_url()).content.decode()
    assert "Ajanvaraus chatissa" in client_for(member).get(call.get_absolute_url()).content.decode()
    assert client_for(None).get(experiment.get_absolute_url()).status_code == 404


def test_the_queue_lists_the_experiment_and_the_coordinator_decides_on_its_page(
    submitted, coordinator, client_for
):
    client = client_for(coordinator)
    queue = client.get(reverse("solutions:moderation_queue")).content.decode()
    assert submitted.title in queue
    assert "Experiment" in queue
    filtered = client.get(reverse("solutions:moderation_queue") + "?kind=experiment").content.decode()
    assert submitted.title in filtered
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert "Record the decision" in page
    refused = client.post(reverse("experiments:review", args=[submitted.slug]), {"review-decision": "reject"})
    assert refused.status_code == 400
    assert "Write the reason" in refused.content.decode()
    client.post(reverse("experiments:review", args=[submitted.slug]), {"review-decision": "approve"})
    submitted.refresh_from_db()
    assert submitted.is_published
    assert client_for(None).get(submitted.get_absolute_url()).status_code == 200


def test_editor_runs_the_experiment_from_its_page(submitted, coordinator, editor, client_for):
    experiments.approve(submitted, coordinator)
    client = client_for(editor)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert "Start the experiment" in page
    version = submitted.version
    client.post(reverse("experiments:start", args=[submitted.slug]), {"start-version": version})
    submitted.refresh_from_db()
    assert submitted.status == ExperimentStatus.RUNNING
    # A second tab with the old page does not silently act again.
    stale = client.post(
        reverse("experiments:stop", args=[submitted.slug]), {"stop-version": version, "stop-lesson": "x"}
    )
    assert stale.status_code == 400
    assert "Someone else changed this experiment" in stale.content.decode()
    finish = reverse("experiments:finish", args=[submitted.slug])
    missing = client.post(
        finish, {"finish-version": submitted.version, "finish-savings_euros_per_year": "900"}
    )
    assert missing.status_code == 400
    assert 'value="900"' in missing.content.decode()
    client.post(
        finish,
        {
            "finish-version": submitted.version,
            "finish-measured_result": "30",
            "finish-savings_euros_per_year": "900",
        },
    )
    submitted.refresh_from_db()
    assert submitted.status == ExperimentStatus.FINISHED
    made = client.post(
        reverse("experiments:make_solution", args=[submitted.slug]), {"solution-kind": "experience"}
    )
    solution = Solution.objects.get(experiments=submitted)
    assert made["Location"] == reverse("solutions:solution_detail", args=[solution.slug])
    assert submitted.get_absolute_url() in solution.description


def test_others_see_no_action_forms(submitted, coordinator, member, outsider_admin, client_for):
    experiments.approve(submitted, coordinator)
    for user in (None, member, outsider_admin):
        page = client_for(user).get(submitted.get_absolute_url()).content.decode()
        assert "Start the experiment" not in page
    denied = client_for(outsider_admin).post(
        reverse("experiments:start", args=[submitted.slug]), {"start-version": 1}
    )
    assert denied.status_code == 403


def test_lists_filter_by_call_region_and_service_class(
    make_experiment, call, closed_call, client_for, service_class
):
    north = factories.RegionFactory(name_fi="Lappi", name_en="Lapland")
    in_call = make_experiment(
        factories.OrganisationFactory(region=north), title="Lapin kokeilu", service_classes=[service_class]
    )
    make_experiment(factories.OrganisationFactory(), title="Muu kokeilu", call=closed_call)
    client = client_for(None)
    base = reverse("experiments:index")
    assert "Lapin kokeilu" in (page := client.get(base).content.decode())
    assert "Muu kokeilu" in page
    for query in (f"?call={call.slug}", f"?region={north.code}", f"?service_class={service_class.code}"):
        page = client.get(base + query).content.decode()
        assert in_call.title in page, query
        assert "Muu kokeilu" not in page, query


def test_list_queries_do_not_grow(make_experiment, client_for, django_assert_num_queries, service_class):
    client = client_for(None)
    for _ in range(2):
        make_experiment(
            factories.OrganisationFactory(region=factories.RegionFactory()), service_classes=[service_class]
        )
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("experiments:index"))
    for _ in range(10):
        make_experiment(
            factories.OrganisationFactory(region=factories.RegionFactory()), service_classes=[service_class]
        )
    with django_assert_num_queries(len(few)):
        page = client.get(reverse("experiments:index"))
    assert "12 experiments" in page.content.decode()


def test_feed_lists_published_experiments_of_the_filter(make_experiment, organisation, call, client_for):
    make_experiment(organisation, title="Julkaistu kokeilu")
    make_experiment(organisation, title="Odottava kokeilu", review_state=ReviewState.SUBMITTED)
    feed = client_for(None).get(reverse("experiments:feed") + f"?call={call.slug}")
    body = feed.content.decode()
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Julkaistu kokeilu" in body
    assert "Odottava kokeilu" not in body


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_answer_in_every_language(language, make_experiment, organisation, call, client_for):
    experiment = make_experiment(organisation, status=ExperimentStatus.FINISHED, measured_result=Decimal(30))
    client = client_for(None)
    for path in (
        "experiments/",
        f"experiments/calls/{call.slug}/",
        f"experiments/{experiment.slug}/",
        "savings/",
    ):
        assert client.get(f"/{language}/{path}").status_code == 200, path
