from solutions.models.discussion import Comment, PostState, Report
from solutions.models.follow import DigestEntry, EmailChoice, NotificationPreference, Subscription
from solutions.models.help import Answer, HelpRequest, TaggedHelpRequest
from solutions.models.moderation import (
    Decision,
    ItemKind,
    ItemState,
    ModerationDecision,
    ModerationItem,
)
from solutions.models.notification import Notification
from solutions.models.reuse import (
    Adoption,
    AdoptionEvent,
    AdoptionStatus,
    Referent,
    ReferentMessage,
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
from solutions.models.vocabulary import LifeEvent, ServiceClass

__all__ = [
    "SearchConcept",
    "SearchLexeme",
    "DigestEntry",
    "EmailChoice",
    "NotificationPreference",
    "Subscription",
    "PUBLIC_STATES",
    "Answer",
    "Comment",
    "HelpRequest",
    "PostState",
    "Report",
    "TaggedHelpRequest",
    "Adoption",
    "AdoptionEvent",
    "AdoptionStatus",
    "Referent",
    "ReferentMessage",
    "Decision",
    "ItemKind",
    "ItemState",
    "ModerationDecision",
    "ModerationItem",
    "Notification",
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
]
