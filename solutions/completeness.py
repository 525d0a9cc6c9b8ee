"""Which recommended facts a solution still lacks, so its editor knows what would help readers.

Nothing here blocks saving or submitting: it is advice. Every kind shares a common set, and each kind
adds what a reader of that kind looks for first (a licence and a repository for software, a
specification for an API, a process document for a process description, and so on).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from solutions.models import SolutionKind

COMMON = [
    ("description", _("Description")),
    ("service_classes", _("Service classes")),
    ("life_events", _("Life events")),
    ("tags", _("Tags")),
    ("contacts", _("Contacts")),
    ("adoption_conditions", _("Conditions for adoption")),
]
BY_KIND = {
    SolutionKind.SOFTWARE: [("repository_url", _("Source code repository")), ("licence", _("Licence"))],
    SolutionKind.API: [
        ("api_specification_url", _("API specification")),
        ("api_base_url", _("API base address")),
        ("documentation_url", _("Documentation")),
    ],
    SolutionKind.PROCESS: [("attachments", _("A process document, such as a BPMN or PDF file"))],
    SolutionKind.INTEGRATION: [("connected_systems", _("Connected systems"))],
    SolutionKind.PRACTICE: [
        ("context", _("Context")),
        ("results", _("Results")),
        ("lessons_learned", _("Lessons learned")),
    ],
    SolutionKind.EXPERIENCE: [
        ("context", _("Context")),
        ("results", _("Results")),
        ("lessons_learned", _("Lessons learned")),
    ],
    # The document itself, and a licence that lets others reuse it in their own procurement.
    SolutionKind.PROCUREMENT: [
        ("attachments", _("The document, such as a PDF or an editable file")),
        ("licence", _("Licence")),
    ],
}


@dataclass(frozen=True)
class Missing:
    name: str
    label: str


def recommended(kind: str) -> list[tuple[str, str]]:
    return [*BY_KIND.get(kind, []), *COMMON]


def missing(data: dict, kind: str, attachment_count: int = 0) -> list[Missing]:
    """The recommended fields that are empty in `data` (the workflow's content dict)."""
    result = []
    for name, label in recommended(kind):
        value = attachment_count if name == "attachments" else data.get(name)
        if name == "contacts":
            value = [contact for contact in value or [] if contact.get("name")]
        if not value:
            result.append(Missing(name, str(label)))
    return result
