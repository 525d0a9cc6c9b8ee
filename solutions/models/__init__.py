from solutions.models.moderation import (
    Decision,
    ItemKind,
    ItemState,
    ModerationDecision,
    ModerationItem,
)
from solutions.models.revision import Revision, RevisionState
from solutions.models.search import SearchConcept, SearchLexeme
from solutions.models.solution import (
    PUBLIC_STATES,
    Attachment,
    Contact,
    ContentLanguage,
    Lifecycle,
    ModerationState,
    Solution,
    SolutionKind,
)
from solutions.models.vocabulary import LifeEvent, ServiceClass, TagNames

__all__ = [
    "SearchConcept",
    "SearchLexeme",
    "PUBLIC_STATES",
    "Decision",
    "ItemKind",
    "ItemState",
    "ModerationDecision",
    "ModerationItem",
    "Revision",
    "RevisionState",
    "Attachment",
    "Contact",
    "ContentLanguage",
    "LifeEvent",
    "Lifecycle",
    "ModerationState",
    "ServiceClass",
    "Solution",
    "SolutionKind",
    "TagNames",
]
