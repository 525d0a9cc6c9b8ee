"""What a person wrote in discussions, for their own data export (municipalities.accounts.export)."""

from municipalities.accounts.export import export_section
from solutions.community.models import Answer, Comment, HelpRequest, Report


def _iso(value):
    return value.isoformat() if value else None


@export_section("comments")
def comments(user):
    return [
        {
            "solution": comment.solution.title,
            "organisation": comment.organisation.name_fi,
            "reply_to": comment.parent_id,
            "text": comment.body,
            "state": comment.state,
            "created_at": _iso(comment.created_at),
            "edited_at": _iso(comment.edited_at),
            "deleted_at": _iso(comment.deleted_at),
        }
        for comment in Comment.objects.filter(author=user).select_related("solution", "organisation")
    ]


@export_section("help_requests")
def help_requests(user):
    return [
        {
            "title": help_request.title,
            "question": help_request.question,
            "organisation": help_request.organisation.name_fi,
            "tags": sorted(tag.name for tag in help_request.tags.all()),
            "state": help_request.state,
            "solved": help_request.is_solved,
            "created_at": _iso(help_request.created_at),
        }
        for help_request in HelpRequest.objects.filter(author=user)
        .select_related("organisation")
        .prefetch_related("tags")
    ]


@export_section("answers")
def answers(user):
    return [
        {
            "help_request": answer.help_request.title,
            "text": answer.body,
            "organisation": answer.organisation.name_fi,
            "solutions": [solution.title for solution in answer.solutions.all()],
            "state": answer.state,
            "created_at": _iso(answer.created_at),
        }
        for answer in Answer.objects.filter(author=user)
        .select_related("help_request", "organisation")
        .prefetch_related("solutions")
    ]


@export_section("reports")
def reports(user):
    """What the person reported to the moderators, and why."""
    return [
        {
            "about": f"{report.content_type.model} #{report.object_id}",
            "reason": report.reason,
            "created_at": _iso(report.created_at),
            "resolved_at": _iso(report.resolved_at),
        }
        for report in Report.objects.filter(reporter=user).select_related("content_type")
    ]
