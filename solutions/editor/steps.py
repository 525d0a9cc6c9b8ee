"""The steps of the editor's guided flow, declared as data.

The editor first chooses the kind of the solution; the flow then holds the steps every kind shares
and the steps declared for that kind only, in the order of `STEPS`. A kind with no step of its own
(a new kind added to the catalogue) simply gets the shared steps; a kind that needs its own fields
registers one step with `register_step`, naming the form fields it adds — nothing else changes.

Every step posts the whole form: the fields of the other steps travel as hidden inputs, so moving
back and forth, previewing, uploading or a failed save never loses anything typed.
"""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from solutions.models import SolutionKind

KIND = "kind"
ATTACHMENTS = "attachments"
CHECK = "check"
ALL = "all"  # not a step: every step of the kind on one page (errors on saving, editing later)


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    fields: tuple[str, ...] = ()
    kinds: frozenset[str] | None = None  # None: every kind
    hint: str = ""
    # Form fields this step adds to the editor's form (a registered kind's own facts).
    form_fields: dict[str, forms.Field] = field(default_factory=dict, compare=False, hash=False)

    def serves(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds


STEPS: list[Step] = [
    Step(KIND, _("Kind"), ("kind",)),
    Step("basics", _("Basic facts"), ("organisation", "title", "summary", "description")),
    Step(
        "software",
        _("Code and licence"),
        ("repository_url", "licence"),
        kinds=frozenset({SolutionKind.SOFTWARE}),
    ),
    Step(
        "api",
        _("API"),
        ("api_specification_url", "api_base_url"),
        kinds=frozenset({SolutionKind.API}),
    ),
    Step(
        "integration",
        _("Integration"),
        ("connected_systems",),
        kinds=frozenset({SolutionKind.INTEGRATION}),
    ),
    Step(
        "experience",
        _("Context and results"),
        ("context", "results", "lessons_learned"),
        kinds=frozenset({SolutionKind.PRACTICE, SolutionKind.EXPERIENCE}),
    ),
    # A procurement document is reused under a licence; the document itself is an attachment.
    Step("procurement", _("Licence"), ("licence",), kinds=frozenset({SolutionKind.PROCUREMENT})),
    Step("links", _("Links"), ("documentation_url", "demo_url", "website_url")),
    Step(
        "classification",
        _("Classification"),
        ("tags", "lifecycle", "language", "service_classes", "life_events"),
    ),
    Step("reuse", _("Reuse"), ("partners", "replaces", "adoption_conditions", "successor")),
    Step("contacts", _("Contacts"), ("contacts",)),
    Step(ATTACHMENTS, _("Attachments")),
    Step(CHECK, _("Check and send")),
]

# What each kind means, shown where the editor chooses it. A kind without an entry shows its name only.
KIND_HINTS = {
    SolutionKind.SOFTWARE: _("A program or service with source code that others can run."),
    SolutionKind.API: _("An interface other systems call, with a specification."),
    SolutionKind.PROCESS: _("A described way of working, for example as a BPMN or PDF document."),
    SolutionKind.INTEGRATION: _("A connection between systems, for example between two products."),
    SolutionKind.PRACTICE: _("A way of working that has proved good, for others to copy."),
    SolutionKind.EXPERIENCE: _("What was tried, what came of it and what was learned."),
    SolutionKind.PROCUREMENT: _(
        "Tender specifications, contract templates or interoperability requirements for others' procurements."
    ),
}


def register_step(step: Step, *, after: str) -> None:
    """Add a step (usually one kind's own) after the step `after`; registering again replaces it."""
    STEPS[:] = [existing for existing in STEPS if existing.key != step.key]
    position = next(i for i, existing in enumerate(STEPS) if existing.key == after)
    STEPS.insert(position + 1, step)


def steps_for(kind: str) -> list[Step]:
    return [step for step in STEPS if step.serves(kind)]


def step_for_field(name: str, kind: str) -> Step | None:
    return next((step for step in steps_for(kind) if name in step.fields), None)


def extra_form_fields() -> dict[str, forms.Field]:
    return {name: form_field for step in STEPS for name, form_field in step.form_fields.items()}
