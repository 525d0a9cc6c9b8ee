import pytest
from django.utils import timezone

from municipalities.models import MembershipRole
from solutions.models import ModerationState
from solutions.services import publishing as workflow
from tests import factories
from tests.conftest import member_of


@pytest.fixture
def other_coordinator(coordinating_organisation):
    return member_of(coordinating_organisation, MembershipRole.COORDINATOR, display_name="Ville Valvoja")


@pytest.fixture
def submit(editor):
    """A solution of `editor`'s organisation sent to the queue; returns its ModerationItem."""

    def make(organisation=None, by=None, **fields):
        by = by or editor
        solution = factories.SolutionFactory(
            organisation=organisation or editor.memberships.get().organisation,
            moderation_state=ModerationState.DRAFT,
            published_at=None,
            **fields,
        )
        return workflow.submit(solution, by)

    return make


@pytest.fixture
def propose(editor):
    """A pending revision of a published solution; returns its ModerationItem."""

    def make(solution, **changes):
        data = {**workflow.solution_data(solution), **changes}
        revision = workflow.propose_revision(solution, editor, data)
        return revision_item(revision)

    return make


def revision_item(revision):
    from solutions.models import ItemKind, ModerationItem

    return ModerationItem.objects.get(kind=ItemKind.REVISION, object_id=revision.pk)


def age(item, days):
    item.submitted_at = timezone.now() - timezone.timedelta(days=days)
    item.save(update_fields=["submitted_at"])
    return item
