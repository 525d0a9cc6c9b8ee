"""The coordinators' pages are valid HTML in every language, with and without form errors."""

from django.urls import reverse

from solutions.models import Attachment
from tests import factories
from tests.checks import validate_html


def test_moderation_pages_are_valid_html(coordinator, client_for, submit, propose, organisation):
    submission = submit(title="Tilavarausjärjestelmä")
    revised = factories.SolutionFactory(organisation=organisation)
    removed = Attachment.objects.create(solution=revised, title="Prosessi 2024", file="a/2024.bpmn", size=9)
    revision_item = propose(revised, summary="Uusi tiivistelmä")
    # The revision also adds a file and removes one: both are listed with the changes.
    Attachment.objects.create(
        solution=revised, revision=revision_item.target, title="Prosessi 2025", file="a/2025.pdf", size=9
    )
    Attachment.objects.filter(pk=removed.pk).update(removed_in=revision_item.target)
    client = client_for(coordinator)
    client.post(reverse("solutions:moderation_claim", args=[submission.pk]))
    documents = {}
    for language in ("fi", "sv", "en"):
        for name, path in {
            "queue": "moderation/",
            "filtered queue": "moderation/?kind=revision&claimed=mine",
            "submission": f"moderation/{submission.pk}/",
            "revision": f"moderation/{revision_item.pk}/",
            "history": f"solutions/{submission.target.slug}/history/",
        }.items():
            documents[f"{language} {name}"] = client.get(f"/{language}/{path}").content.decode()
    invalid = client.post(f"/fi/moderation/{submission.pk}/", {"decision": "reject"})
    documents["decision without a reason"] = invalid.content.decode()
    errors = validate_html(documents)
    assert not errors, "\n".join(errors)
