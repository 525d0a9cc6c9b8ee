"""The maturity model: what an organisation assesses, and what the levels 0–4 mean.

A dimension is one area assessed on the levels 0–4. There are three kinds: each PTV service class
group (a top-level service class, "P8 Building"), each top-level PTV life event ("KE1 Having a
child"), and a few cross-cutting dimensions defined here. A dimension is named by a key such as
"sc:P8", "le:KE1" or "x:data"; answers store the key, so the vocabularies may grow without a
migration here. The same five levels, described in plain language, apply to every dimension.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from solutions.models import LifeEvent, ServiceClass

LEVELS = (0, 1, 2, 3, 4)

LEVEL_NAMES = {
    0: _("Not started"),
    1: _("First steps"),
    2: _("Partly digital"),
    3: _("Digital"),
    4: _("Digital by default"),
}

LEVEL_DESCRIPTIONS = {
    0: _("The service is handled on paper, by phone or in person. Nothing digital is planned yet."),
    1: _(
        "There is information on the web site and some forms to print or e-mail, "
        "but staff type everything in by hand."
    ),
    2: _(
        "People can do part of the matter online, but much is still done by hand "
        "and the systems do not talk to each other."
    ),
    3: _(
        "The whole matter can be done online, data moves between the systems, "
        "and most people choose the online way."
    ),
    4: _(
        "Online is the first choice for nearly everyone; the service is improved from its data "
        "together with other organisations."
    ),
}

# The level at or under which a dimension counts as a weak area on the result page.
WEAK_AT_MOST = 1

SERVICE_CLASS = "sc"
LIFE_EVENT = "le"
CROSS_CUTTING = "x"

KIND_NAMES = {
    SERVICE_CLASS: _("Service class groups"),
    LIFE_EVENT: _("Life events"),
    CROSS_CUTTING: _("Across all services"),
}

CROSS_CUTTING_DIMENSIONS = {
    "eservices": (_("E-services"), _("How many of your services people can use online, at any time.")),
    "data": (
        _("Data and interoperability"),
        _("Whether your systems share data through interfaces instead of by hand."),
    ),
    "skills": (
        _("Digital skills"),
        _("Whether staff have the skills and support to work digitally and help residents."),
    ),
    "leadership": (
        _("Leadership"),
        _("Whether digitalisation has goals, an owner and a budget in your organisation."),
    ),
    "security": (
        _("Information security"),
        _("Whether risks, data protection and continuity are managed on purpose."),
    ),
}


@dataclass(frozen=True)
class Dimension:
    key: str
    kind: str
    name: str
    description: str = ""
    code: str = ""
    vocabulary_id: int | None = None

    @property
    def kind_name(self):
        return KIND_NAMES[self.kind]


def all_dimensions() -> list[Dimension]:
    """Every dimension in the order of the form and the result page (two queries)."""
    dimensions = [
        Dimension(
            key=f"{SERVICE_CLASS}:{group.code}",
            kind=SERVICE_CLASS,
            name=group.name,
            code=group.code,
            vocabulary_id=group.pk,
        )
        for group in ServiceClass.objects.filter(parent__isnull=True)
    ]
    dimensions += [
        Dimension(
            key=f"{LIFE_EVENT}:{event.code}",
            kind=LIFE_EVENT,
            name=event.name,
            code=event.code,
            vocabulary_id=event.pk,
        )
        for event in LifeEvent.objects.filter(parent__isnull=True)
    ]
    dimensions += [
        Dimension(key=f"{CROSS_CUTTING}:{code}", kind=CROSS_CUTTING, name=name, description=description)
        for code, (name, description) in CROSS_CUTTING_DIMENSIONS.items()
    ]
    return dimensions
