"""The coordinators' pages are valid HTML in every language, with and without form errors."""

from django.urls import reverse

from tests import factories
from tests.checks import validate_html


def test_moderation_pages_are_valid_html(coordinator, client_for, submit, propose, organisation):
    submission = submit(title="Tilavarausjärjestelmä")
    revision_item = propose(factories.SolutionFactory(organisation=organisation), summary="Uusi tiivistelmä")
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
