import pytest

from solutions.community.models import Comment, HelpRequest
from solutions.demo.discussion import PEOPLE, seed_discussion
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_discussion_is_created_once_with_one_solved_request():
    for _, _, code in PEOPLE:
        factories.OrganisationFactory(code=code)
    factories.SolutionFactory(slug="kauhava-tilavarauksen-prosessi")
    factories.SolutionFactory(slug="inari-kirjastoauton-aikataulut-api")
    seed_discussion()
    counts = (Comment.objects.count(), HelpRequest.objects.count())
    assert counts == (4, 3)
    assert Comment.objects.filter(parent__isnull=False).count() == 2
    solved = HelpRequest.objects.solved().get()
    assert solved.accepted_answer.solutions.get().slug == "kauhava-tilavarauksen-prosessi"
    seed_discussion()
    assert (Comment.objects.count(), HelpRequest.objects.count()) == counts
