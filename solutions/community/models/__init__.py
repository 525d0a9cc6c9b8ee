from solutions.community.models.discussion import Comment, PostState, Report
from solutions.community.models.help import Answer, HelpRequest, TaggedHelpRequest
from solutions.community.models.reuse import (
    REUSE_STATUSES,
    Adoption,
    AdoptionEvent,
    AdoptionStatus,
    Referent,
    ReferentMessage,
)

__all__ = [
    "REUSE_STATUSES",
    "Adoption",
    "AdoptionEvent",
    "AdoptionStatus",
    "Answer",
    "Comment",
    "HelpRequest",
    "PostState",
    "Referent",
    "ReferentMessage",
    "Report",
    "TaggedHelpRequest",
]
