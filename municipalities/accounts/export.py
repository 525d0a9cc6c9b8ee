"""A person's own data as one JSON document (the right of access and to data portability).

Each app adds what it keeps about a person by registering a section:

    from municipalities.accounts.export import export_section

    @export_section("comments")
    def comments(user):
        return [{"solution": c.solution.title, "text": c.text} for c in user.comments.all()]

A section returns anything JSON can hold (dates become ISO 8601 strings); the document has one key
per section, in registration order.
"""

from collections.abc import Callable

from django.utils import timezone

SECTIONS: dict[str, Callable] = {}


def export_section(name: str):
    def register(function):
        SECTIONS[name] = function
        return function

    return register


def export_user_data(user) -> dict:
    document = {"exported_at": timezone.now().isoformat()}
    for name, section in SECTIONS.items():
        document[name] = section(user)
    return document


def _iso(value):
    return value.isoformat() if value else None


@export_section("profile")
def profile(user):
    return {
        "email": user.email,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "date_joined": _iso(user.date_joined),
        "email_confirmed_at": _iso(user.email_confirmed_at),
        "last_login": _iso(user.last_login),
    }


@export_section("memberships")
def memberships(user):
    return [
        {
            "organisation": membership.organisation.name_fi,
            "organisation_slug": membership.organisation.slug,
            "role": membership.role,
            "state": membership.state,
            "request_message": membership.request_message,
            "decision_message": membership.decision_message,
            "created_at": _iso(membership.created_at),
            "decided_at": _iso(membership.decided_at),
        }
        for membership in user.memberships.select_related("organisation").order_by("created_at")
    ]
