"""What a revision changes in a published solution, field by field, as escaped HTML.

Texts are compared word by word with difflib; every piece of text is escaped before it is wrapped in
<ins> or <del>, so whatever an editor wrote shows as text and never as markup. Relations (tags,
partners, vocabularies, contacts) are compared as lists of readable items.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from municipalities.models import Organisation
from solutions.models import LifeEvent, ServiceClass, Solution
from solutions.services.publishing import CONTACT_FIELDS, SCALAR_FIELDS, solution_data

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    html: SafeString


def text_diff(old: str, new: str) -> SafeString:
    """`new` with the words removed since `old` in <del> and the words added in <ins>."""
    old_tokens = _TOKENS.findall(old or "")
    new_tokens = _TOKENS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = escape("".join(old_tokens[old_start:old_end]))
        added = escape("".join(new_tokens[new_start:new_end]))
        if operation == "equal":
            parts.append(added)
            continue
        if removed:
            parts.append(f"<del>{removed}</del>")
        if added:
            parts.append(f"<ins>{added}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 -- every piece above is escaped


def list_diff(old: list[str], new: list[str]) -> SafeString:
    """Items of both lists in order: removed ones in <del>, added ones in <ins>."""
    items = []
    for item in old:
        items.append(f"<li>{escape(item)}</li>" if item in new else f"<li><del>{escape(item)}</del></li>")
    for item in new:
        if item not in old:
            items.append(f"<li><ins>{escape(item)}</ins></li>")
    return mark_safe(f'<ul class="diff-list">{"".join(items)}</ul>')  # noqa: S308 -- escaped above


def revision_diff(solution: Solution, proposed: dict) -> list[FieldDiff]:
    """The fields `proposed` (a revision's data) changes in the published `solution`."""
    current = solution_data(solution)
    diffs = []
    for name in SCALAR_FIELDS:
        if name not in proposed or (current.get(name) or "") == (proposed.get(name) or ""):
            continue
        field = Solution._meta.get_field(name)
        if field.choices:
            choices = dict(field.flatchoices)
            old, new = str(choices.get(current[name], current[name])), str(choices.get(proposed[name], ""))
            html = mark_safe(f"<del>{escape(old)}</del> <ins>{escape(new)}</ins>")  # noqa: S308
        else:
            html = text_diff(str(current.get(name) or ""), str(proposed.get(name) or ""))
        diffs.append(FieldDiff(name, str(field.verbose_name), html))
    for name, label, readable in _relations():
        if name not in proposed:
            continue
        old, new = readable(current.get(name) or []), readable(proposed.get(name) or [])
        if old != new:
            diffs.append(FieldDiff(name, label, list_diff(old, new)))
    return diffs


def _relations():
    meta = Solution._meta
    return [
        ("successor", str(meta.get_field("successor").verbose_name), _solution_titles),
        ("partners", str(meta.get_field("partners").verbose_name), _organisation_names),
        ("service_classes", str(meta.get_field("service_classes").verbose_name), _names(ServiceClass)),
        ("life_events", str(meta.get_field("life_events").verbose_name), _names(LifeEvent)),
        ("tags", str(meta.get_field("tags").verbose_name), lambda names: sorted(str(n) for n in names)),
        ("contacts", str(meta.get_field("contacts").related_model._meta.verbose_name_plural), _contacts),
    ]


def _solution_titles(value):
    if not value:
        return []
    return list(Solution.objects.filter(pk=value).values_list("title", flat=True))


def _organisation_names(ids):
    return sorted(organisation.name for organisation in Organisation.objects.filter(pk__in=ids))


def _names(model):
    def readable(codes):
        return [f"{item.code} {item.name}" for item in model.objects.filter(code__in=codes).order_by("code")]

    return readable


def _contacts(contacts):
    return [", ".join(str(c.get(field) or "") for field in CONTACT_FIELDS if c.get(field)) for c in contacts]
