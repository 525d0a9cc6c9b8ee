"""The initiative pages are valid HTML in every language, with their forms and their errors."""

import pytest
from django.urls import reverse
from django.utils import translation

from municipalities.models import MembershipRole
from solutions.initiatives.services import discussion, initiatives, partners
from tests import factories
from tests.checks import validate_html
from tests.conftest import member_of


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_initiative_pages_are_valid_html(
    client_for,
    language,
    initiative,
    editor,
    member,
    organisation,
    other_organisation,
    salla_editor,
    outsider_admin,
):
    partners.join(
        initiative, other_organisation, salla_editor, {"people": True, "commitment": "Kaksi kehittäjää"}
    )
    discussion.post_message(initiative, member, organisation, "Tervetuloa mukaan")
    discussion.post_message(initiative, member, organisation, "Vain meille", partners_only=True)
    discussion.post_update(initiative, member, organisation, "Työpaja **pidetty**")
    documents = {}
    with translation.override(language):
        detail = initiative.get_absolute_url()
        for name, user, url in [
            ("list", None, reverse("initiatives:list")),
            ("detail visitor", None, detail),
            ("detail proposer", editor, detail),
            ("detail admin to confirm", outsider_admin, detail),
            ("propose", editor, reverse("initiatives:propose")),
            ("suggestions", None, reverse("initiatives:suggest") + "?title=school+premises+booking"),
        ]:
            response = client_for(user).get(url)
            assert response.status_code == 200, name
            documents[name] = response.content.decode()
        third = factories.OrganisationFactory(name_fi="Suomussalmi", slug="suomussalmi")
        third_admin = member_of(third, MembershipRole.ADMIN)
        documents["detail with join form"] = client_for(third_admin).get(detail).content.decode()
        assert "join-money" in documents["detail with join form"]
        refused_offer = client_for(third_admin).post(
            reverse("initiatives:join", args=[initiative.slug]), {"organisation": third.pk, "commitment": "?"}
        )
        assert refused_offer.status_code == 400
        documents["join refused"] = refused_offer.content.decode()
        checked = client_for(editor).post(
            reverse("initiatives:propose"),
            {
                "title": "School premises",
                "problem": "x",
                "budget_class": "small",
                "organisation": organisation.pk,
                "action": "check",
            },
        )
        assert checked.status_code == 200
        documents["propose checked"] = checked.content.decode()
        refused = client_for(editor).post(
            reverse("initiatives:status", args=[initiative.slug, "close"]), {"version": 1, "reason": ""}
        )
        assert refused.status_code == 400
        documents["close refused"] = refused.content.decode()
        initiatives.close(initiative, editor, "Ei rahoitusta")
        documents["closed"] = client_for(None).get(detail).content.decode()
    # The suggestions are a fragment put into the propose page; check it inside a page of its own.
    documents["suggestions"] = (
        '<!DOCTYPE html><html lang="fi"><head><title>x</title></head><body>'
        + documents["suggestions"]
        + "</body></html>"
    )
    errors = validate_html(documents)
    assert not errors, "\n".join(errors)
