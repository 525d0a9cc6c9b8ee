"""What a person gave to maturity assessments and roadmaps, in their data export."""

from municipalities.accounts.export import export_section
from solutions.maturity.models import Answer, RoadmapItem


@export_section("maturity_answers")
def maturity_answers(user):
    answers = Answer.objects.filter(answered_by=user).select_related("assessment__organisation")
    return [
        {
            "organisation": answer.assessment.organisation.name_fi,
            "assessment_started": answer.assessment.created_at.isoformat(),
            "dimension": answer.dimension,
            "level": answer.level,
            "note": answer.note,
            "answered_at": answer.answered_at.isoformat(),
        }
        for answer in answers.order_by("answered_at", "pk")
    ]


@export_section("roadmap_items")
def roadmap_items(user):
    items = RoadmapItem.objects.filter(updated_by=user).for_listing().order_by("updated_at", "pk")
    return [
        {
            "owner": item.owner.name_fi,
            "title": item.title,
            "description": item.description,
            "updated_at": item.updated_at.isoformat(),
        }
        for item in items
    ]
