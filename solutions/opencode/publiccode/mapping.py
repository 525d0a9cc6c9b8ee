"""Between a publiccode.yml document and the catalogue's content dict (solutions.services.publishing).

`to_data(document)` gives the data dict of a software solution and the list of what the catalogue's
fields cannot hold (kept in the stored document, and exported again). `to_document(solution,
stored)` gives the document of a solution: the stored one where the catalogue still says the same,
the catalogue's value where an editor changed it — so import → export → import loses nothing.

Categories and intended-audience scopes map to top-level Suomi.fi (PTV) service classes through
CATEGORY_SERVICE_CLASSES and SCOPE_SERVICE_CLASSES; the mapping is many-to-one, so the document's own
categories are the ones exported.
"""

import copy

from solutions.models import Lifecycle, SolutionKind

# The catalogue's content languages, in the order one is chosen as the solution's language.
CONTENT_LANGUAGES = ("fi", "sv", "en")

STATUS_TO_LIFECYCLE = {
    "concept": Lifecycle.IDEA,
    "development": Lifecycle.PILOT,
    "beta": Lifecycle.PILOT,
    "stable": Lifecycle.PRODUCTION,
    "obsolete": Lifecycle.RETIRED,
}
LIFECYCLE_TO_STATUS = {
    Lifecycle.IDEA: "concept",
    Lifecycle.PILOT: "beta",
    Lifecycle.PRODUCTION: "stable",
    Lifecycle.RETIRED: "obsolete",
}

# publiccode.yml categories → PTV service classes (ptvserclass2, top level).
_GENERAL_ADMINISTRATION = "P9"
CATEGORY_SERVICE_CLASSES = {
    "geographic-information-systems": "P18",
    "accounting": "P14",
    "billing-and-invoicing": "P14",
    "budgeting": "P14",
    "financial-reporting": "P14",
    "taxes-management": "P14",
    "grant-management": "P14",
    "payroll": "P12",
    "hr": "P12",
    "employee-management": "P12",
    "applicant-tracking": "P12",
    "talent-management": "P12",
    "learning-management-system": "P6",
    "fleet-management": "P16",
    "facility-management": "P2",
    "property-management": "P2",
    "real-estate-management": "P2",
    "communications": "P26",
    "social-media-management": "P26",
    "blog": "P26",
    "email-marketing": "P26",
    "instant-messaging": "P26",
    "video-conferencing": "P26",
    "web-conferencing": "P26",
    "online-community": "P8",
    "survey": "P8",
    "feedback-and-reviews-management": "P8",
    "digital-citizenship": "P8",
    "it-security": "P19",
    "document-management": _GENERAL_ADMINISTRATION,
    "content-management": _GENERAL_ADMINISTRATION,
    "knowledge-management": _GENERAL_ADMINISTRATION,
    "data-collection": _GENERAL_ADMINISTRATION,
    "data-analytics": _GENERAL_ADMINISTRATION,
    "data-visualization": _GENERAL_ADMINISTRATION,
    "business-intelligence": _GENERAL_ADMINISTRATION,
    "e-signature": _GENERAL_ADMINISTRATION,
    "identity-management": _GENERAL_ADMINISTRATION,
    "appointment-scheduling": _GENERAL_ADMINISTRATION,
    "online-booking": _GENERAL_ADMINISTRATION,
    "customer-service-and-support": _GENERAL_ADMINISTRATION,
    "help-desk": _GENERAL_ADMINISTRATION,
    "service-desk": _GENERAL_ADMINISTRATION,
    "workflow-management": _GENERAL_ADMINISTRATION,
    "business-process-management": _GENERAL_ADMINISTRATION,
    "procurement": _GENERAL_ADMINISTRATION,
}
SCOPE_SERVICE_CLASSES = {
    "healthcare": "P5",
    "education": "P6",
    "justice": "P7",
    "government": _GENERAL_ADMINISTRATION,
    "local-authorities": _GENERAL_ADMINISTRATION,
    "society": "P8",
    "employment": "P10",
    "manufacturing": "P11",
    "finance-and-economic-development": "P14",
    "transportation": "P16",
    "tourism": "P17",
    "security": "P19",
    "emergency-services": "P19",
    "environment": "P23",
    "agriculture": "P24",
    "energy": "P24",
    "culture": "P25",
    "sport": "P27",
    "welfare": "P4",
}

# The catalogue's fields that hold a document's values (see _catalogue_view).
MAPPED_FIELDS = (
    "title",
    "summary",
    "description",
    "kind",
    "lifecycle",
    "licence",
    "language",
    "repository_url",
    "website_url",
    "documentation_url",
    "api_specification_url",
    "service_classes",
    "contacts",
)


def content_language(document: dict) -> str:
    languages = list((document.get("description") or {}).keys())
    for language in CONTENT_LANGUAGES:
        if language in languages:
            return language
    for tag in languages:
        if tag.split("-")[0].lower() in CONTENT_LANGUAGES:
            return tag
    return languages[0] if languages else "en"


def _language_code(tag: str) -> str:
    code = tag.split("-")[0].lower()
    return code if code in CONTENT_LANGUAGES else "en"


def to_data(document: dict) -> tuple[dict, list[str]]:
    """The catalogue's data dict for a valid document, and what only the stored document keeps."""
    tag = content_language(document)
    description = (document.get("description") or {}).get(tag) or {}
    contacts = []
    maintenance = document.get("maintenance") or {}
    for contact in maintenance.get("contacts") or []:
        contacts.append(
            {
                "name": str(contact.get("name", ""))[:150],
                "role": str(contact.get("affiliation") or "")[:150],
                "email": str(contact.get("email") or "")[:254],
            }
        )
    classes = set()
    for category in document.get("categories") or []:
        if category in CATEGORY_SERVICE_CLASSES:
            classes.add(CATEGORY_SERVICE_CLASSES[category])
    for scope in (document.get("intendedAudience") or {}).get("scope") or []:
        if scope in SCOPE_SERVICE_CLASSES:
            classes.add(SCOPE_SERVICE_CLASSES[scope])
    data = {
        "title": str(description.get("localisedName") or document.get("name") or "")[:200],
        "summary": str(description.get("shortDescription") or "").strip()[:300],
        "description": str(description.get("longDescription") or "").strip(),
        "kind": SolutionKind.SOFTWARE.value,
        "lifecycle": STATUS_TO_LIFECYCLE.get(document.get("developmentStatus"), Lifecycle.PRODUCTION).value,
        "licence": str((document.get("legal") or {}).get("license") or "")[:64],
        "language": _language_code(tag),
        "repository_url": str(document.get("url") or "")[:500],
        "website_url": str(document.get("landingURL") or "")[:500],
        "documentation_url": str(description.get("documentation") or "")[:500],
        "api_specification_url": str(description.get("apiDocumentation") or "")[:500],
        "service_classes": sorted(classes),
        "contacts": contacts,
    }
    kept = [language for language in (document.get("description") or {}) if language != tag]
    notes = []
    if kept:
        notes.append(
            "description in " + ", ".join(kept) + " (kept with the publiccode.yml, not shown on the page)"
        )
    for key in ("features", "screenshots", "videos", "awards"):
        if description.get(key):
            notes.append(f"description.{tag}.{key} (kept with the publiccode.yml)")
    for key in ("platforms", "softwareType", "dependsOn", "releaseDate", "softwareVersion", "logo", "usedBy"):
        if document.get(key):
            notes.append(f"{key} (kept with the publiccode.yml)")
    if maintenance.get("contractors"):
        notes.append("maintenance.contractors (kept with the publiccode.yml)")
    return data, notes


def _catalogue_view(data: dict) -> dict:
    return {name: data.get(name) for name in MAPPED_FIELDS}


def to_document(solution_data: dict, *, stored: dict | None, url: str, organisation_name: str) -> dict:
    """The publiccode.yml document of a solution whose content is `solution_data`.

    Starts from the stored document (if the solution came from one) and writes over it only the
    parts whose catalogue value differs from what that document maps to.
    """
    document = copy.deepcopy(stored) if stored else {}
    before = _catalogue_view(to_data(stored)[0]) if stored else {}
    now = _catalogue_view(solution_data)
    changed = {name for name in MAPPED_FIELDS if before.get(name) != now.get(name)}
    if (
        stored
        and "service_classes" in changed
        and set(before["service_classes"]) <= set(now["service_classes"])
    ):
        changed.discard("service_classes")
    document.setdefault("publiccodeYmlVersion", "0")
    tag = content_language(stored) if stored else solution_data.get("language") or "fi"
    if stored and "language" in changed:
        tag = solution_data["language"]
    descriptions = document.setdefault("description", {})
    description = descriptions.setdefault(tag, {})
    if "title" in changed:
        if description.get("localisedName"):
            description["localisedName"] = solution_data["title"]
        else:
            document["name"] = solution_data["title"]
    document.setdefault("name", solution_data["title"])
    if "repository_url" in changed:
        document["url"] = solution_data["repository_url"]
    if "website_url" in changed:
        _set_or_drop(document, "landingURL", solution_data.get("website_url"))
    if "lifecycle" in changed or "developmentStatus" not in document:
        document["developmentStatus"] = LIFECYCLE_TO_STATUS[Lifecycle(solution_data["lifecycle"])]
    document.setdefault("softwareType", "standalone/web")
    document.setdefault("platforms", ["web"])
    if "summary" in changed or "shortDescription" not in description:
        description["shortDescription"] = _short(solution_data.get("summary") or solution_data["title"])
    if "description" in changed or "longDescription" not in description:
        description["longDescription"] = _long(solution_data, url, organisation_name)
    if "documentation_url" in changed:
        _set_or_drop(description, "documentation", solution_data.get("documentation_url"))
    if "api_specification_url" in changed:
        _set_or_drop(description, "apiDocumentation", solution_data.get("api_specification_url"))
    if not description.get("features"):
        description["features"] = [_short(tag_name, 100) for tag_name in solution_data.get("tags") or []] or [
            _short(solution_data["title"], 100)
        ]
    legal = document.setdefault("legal", {})
    if "licence" in changed or "license" not in legal:
        legal["license"] = solution_data.get("licence") or "LicenseRef-not-stated"
    maintenance = document.setdefault("maintenance", {})
    if "contacts" in changed or "type" not in maintenance:
        contacts = [
            {
                k: v
                for k, v in (("name", c["name"]), ("email", c.get("email")), ("affiliation", c.get("role")))
                if v
            }
            for c in solution_data.get("contacts") or []
            if c.get("name")
        ]
        if contacts:
            maintenance["contacts"] = contacts
            if maintenance.get("type") not in ("internal", "community", "contract"):
                maintenance["type"] = "internal"
        else:
            maintenance.pop("contacts", None)
            if maintenance.get("type") in ("internal", "community"):
                maintenance["type"] = "none"
            maintenance.setdefault("type", "none")
    localisation = document.setdefault("localisation", {})
    localisation.setdefault("localisationReady", False)
    available = localisation.setdefault("availableLanguages", [])
    if not available:
        available.extend(descriptions.keys())
    return document


def _set_or_drop(mapping, key, value):
    if value:
        mapping[key] = value
    else:
        mapping.pop(key, None)


def _short(text: str, limit: int = 150) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _long(solution_data: dict, url: str, organisation_name: str) -> str:
    """The long description, at least the 150 characters the standard asks for: a short text is
    followed by where the solution is listed."""
    text = (solution_data.get("description") or solution_data.get("summary") or "").strip()
    if len(text) < 150:
        footer = f"{solution_data['title']} – {organisation_name}. Kuntajako: {url}"
        text = f"{text}\n\n{footer}".strip()
    while len(text) < 150:
        text = f"{text}\n\n{solution_data.get('summary') or solution_data['title']}"
    return text[:10000]
