import pytest

from municipalities.accounts.export import export_user_data
from solutions.community.models import Answer, HelpRequest
from tests.discussion.helpers import comment_on

pytestmark = pytest.mark.django_db


def test_a_persons_export_holds_what_they_wrote(member, organisation, solution):
    comment_on(solution, member, "Oma kommentti")
    help_request = HelpRequest.objects.create(
        author=member, organisation=organisation, title="Oma kysymys", question="?"
    )
    Answer.objects.create(
        help_request=help_request, author=member, organisation=organisation, body="Oma vastaus"
    )
    document = export_user_data(member)
    assert [comment["text"] for comment in document["comments"]] == ["Oma kommentti"]
    assert [request["title"] for request in document["help_requests"]] == ["Oma kysymys"]
    assert [answer["text"] for answer in document["answers"]] == ["Oma vastaus"]


def test_no_one_elses_posts(member, editor, solution):
    comment_on(solution, editor, "Toisen kommentti")
    assert export_user_data(member)["comments"] == []
