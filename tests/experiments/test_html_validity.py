"""The pages of experiments and savings are valid HTML in every language, with and without errors."""

from decimal import Decimal

from django.urls import reverse

from solutions.community.models import Adoption, AdoptionStatus
from solutions.experiments.models import ExperimentStatus
from solutions.experiments.services import experiments
from tests import factories
from tests.checks import validate_html


def test_experiment_pages_are_valid_html(
    submitted, make_experiment, call, coordinator, editor, organisation, other_organisation, client_for
):
    finished = make_experiment(organisation, status=ExperimentStatus.FINISHED, measured_result=Decimal(30))
    finished.savings_euros_per_year = Decimal(4000)
    finished.save()
    running = make_experiment(organisation, status=ExperimentStatus.RUNNING)
    solution = factories.SolutionFactory(organisation=other_organisation)
    adoption = Adoption.objects.create(
        organisation=organisation, solution=solution, status=AdoptionStatus.IN_USE, savings_euros_per_year=900
    )
    documents = {}
    for language in ("fi", "sv", "en"):
        for who, client in {"visitor": client_for(None), "editor": client_for(editor)}.items():
            for name, path in {
                "index": "experiments/",
                "call": f"experiments/calls/{call.slug}/",
                "finished": f"experiments/{finished.slug}/",
                "running": f"experiments/{running.slug}/",
                "savings": "savings/?by=region",
                "solution savings": f"savings/solutions/{solution.slug}/",
            }.items():
                documents[f"{language} {who} {name}"] = client.get(f"/{language}/{path}").content.decode()
    editor_client = client_for(editor)
    documents["submit form"] = editor_client.get(
        reverse("experiments:submit", args=[call.slug])
    ).content.decode()
    documents["submit with errors"] = editor_client.post(
        reverse("experiments:submit", args=[call.slug]), {"title": "Kokeilu"}
    ).content.decode()
    documents["finish with errors"] = editor_client.post(
        reverse("experiments:finish", args=[running.slug]), {"finish-version": running.version}
    ).content.decode()
    documents["adoption saving"] = editor_client.get(
        reverse("experiments:adoption_saving", args=[adoption.pk])
    ).content.decode()
    coordinator_client = client_for(coordinator)
    documents["open call"] = coordinator_client.get(reverse("experiments:open_call")).content.decode()
    documents["review"] = coordinator_client.get(submitted.get_absolute_url()).content.decode()
    documents["queue"] = coordinator_client.get(reverse("solutions:moderation_queue")).content.decode()
    experiments.approve(submitted, coordinator)
    errors = validate_html(documents)
    assert not errors, "\n".join(errors)
