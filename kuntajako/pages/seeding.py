"""The first version of each page, written after every `migrate` when the page does not exist yet.

The texts are the Markdown files in content/ (`<kind>.<language>.md`). A page that exists is never
touched again: from then on the text is the coordinators', edited in the admin.
"""

from pathlib import Path

from django.apps import apps as global_apps

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("fi", "sv", "en")
TITLES = {
    "about": {"fi": "Tietoa palvelusta", "sv": "Om tjänsten", "en": "About the service"},
    "accessibility": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "privacy": {"fi": "Tietosuojaseloste", "sv": "Dataskyddsbeskrivning", "en": "Privacy notice"},
    "terms": {
        "fi": "Käyttöehdot julkaisijoille",
        "sv": "Användarvillkor för publicerare",
        "en": "Terms of use for publishers",
    },
}


def initial_fields(kind: str) -> dict[str, str]:
    fields = {}
    for language in LANGUAGES:
        fields[f"title_{language}"] = TITLES[kind][language]
        fields[f"body_{language}"] = (CONTENT / f"{kind}.{language}.md").read_text(encoding="utf-8")
    return fields


def create_missing_pages(sender=None, apps=None, using="default", **kwargs):
    """post_migrate receiver: write the pages that do not exist yet. `migrate` passes the models as
    they are after the migrations; `flush` (between transactional tests) passes none."""
    Page = (apps or global_apps).get_model("pages", "Page")
    existing = set(Page.objects.using(using).values_list("kind", flat=True))
    for kind in TITLES:
        if kind not in existing:
            Page.objects.using(using).create(kind=kind, **initial_fields(kind))
