"""The summary at the top of the solution page ("at a glance"): who uses it, "we use this" for the
reader's own organisation, contact, licence and code, for each kind of reader."""

import pytest
from django.urls import reverse

from municipalities.models import MembershipRole
from solutions.community.reuse import panels
from solutions.community.templatetags import reuse
from solutions.models import Contact, ItemKind, ModerationItem
from solutions.services import publishing as workflow
from tests import factories
from tests.conftest import member_of


@pytest.fixture
def shared(solution):
    solution.licence = "EUPL-1.2"
    solution.repository_url = "https://github.com/example/varaus"
    solution.save()
    Contact.objects.create(solution=solution, name="Digitiimi", email="digi@example.fi")
    return solution


def glance(client, solution):
    html = client.get(solution.get_absolute_url()).content.decode()
    start = html.index('<section class="glance"')
    return html[start : html.index("</section>", start)]


def test_everyone_sees_contact_licence_and_code(client, shared):
    summary = glance(client, shared)
    assert "EUPL-1.2" in summary
    assert 'href="https://github.com/example/varaus"' in summary
    assert "digi@example.fi" in summary


def test_a_visitor_is_asked_to_log_in_to_mark_the_use(client, shared):
    summary = glance(client, shared)
    assert f'href="/fi/account/login/?next=/fi/solutions/{shared.slug}/"' in summary
    assert "data-we-use-this" not in summary


def test_a_member_of_another_organisation_gets_the_button(client_for, shared, other_organisation):
    reader = member_of(other_organisation, MembershipRole.MEMBER)
    summary = glance(client_for(reader), shared)
    assert f'href="/fi/solutions/{shared.slug}/use/salla/"' in summary
    assert "Käytämme tätä: merkitse organisaatiolle Salla" in summary


def test_a_signed_in_person_without_an_organisation_gets_neither(client_for, shared):
    summary = glance(client_for(factories.UserFactory()), shared)
    assert "data-we-use-this" not in summary
    assert "/account/login/" not in summary


def test_the_reuse_panel_is_worked_out_once_per_page(client_for, shared, other_organisation, monkeypatch):
    calls = []

    def counted(solution, user):
        calls.append(solution.pk)
        return panels.solution_panel(solution, user)

    monkeypatch.setattr(reuse, "solution_panel", counted)
    reader = member_of(other_organisation, MembershipRole.MEMBER)
    html = client_for(reader).get(shared.get_absolute_url()).content.decode()
    assert 'id="reuse"' in html
    assert "data-we-use-this" in html
    assert calls == [shared.pk]


def test_the_review_page_offers_no_we_use_this(client_for, coordinator, editor, shared):
    data = {**workflow.solution_data(shared), "summary": "Uusi tiivistelmä."}
    revision = workflow.propose_revision(shared, editor, data)
    item = ModerationItem.objects.get(kind=ItemKind.REVISION, object_id=revision.pk)
    html = (
        client_for(coordinator).get(reverse("solutions:moderation_review", args=[item.pk])).content.decode()
    )
    assert '<section class="glance"' in html
    assert "data-we-use-this" not in html
