"""Why a search result matched: the fields and vocabulary names where the query's lexemes were found.

Results can match through text the card does not show: a Swedish or English name of the service
class or life event (`bibliotek`, `library` finding "Kirjaston tilavarausjärjestelmä"), a tag, the
product a solution replaces, the description. ``match_reasons`` says which, in the interface
language, for the few solutions on a page: the title, summary, tags, "replaces", classes and events
it matched in, or else the description (or the organisation's name). ``vocabulary_of`` reads the
tags, classes and events of a page's solutions for it in one query.
"""

# SQL below is assembled from model metadata; values are parameters.
# ruff: noqa: S608

from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from solutions.models import LifeEvent, ServiceClass, Solution, TagNames
from solutions.search.analysis import text_lexemes
from solutions.search.base import Plan


class Named(NamedTuple):
    """A tag, service class or life event of a solution, as ``match_reasons`` reads it."""

    name_fi: str
    name_sv: str
    name_en: str
    # A tag's own word (its names above are blank unless a coordinator gave them).
    word: str = ""

    @property
    def name(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"name_{language}", "") or self.name_fi or self.word


def vocabulary_of(solution_ids) -> dict[int, dict[str, list[Named]]]:
    """The tags, service classes and life events of these solutions, in one query:
    ``{solution id: {"tag": [...], "class": [...], "event": [...]}}``, classes and events in their
    official order, tags by word. Plain tuples: a page of cards needs names, not model instances
    (three prefetches of them cost a search page about 8 ms of Python)."""
    ids = sorted(set(solution_ids))
    found: dict[int, dict[str, list[Named]]] = {pk: {"tag": [], "class": [], "event": []} for pk in ids}
    if not ids:
        return found
    marks = ", ".join(["%s"] * len(ids))
    class_links = Solution.service_classes.through._meta.db_table
    event_links = Solution.life_events.through._meta.db_table
    event_column = Solution.life_events.through._meta.get_field("lifeevent").column
    sql = f"""
        SELECT l.solution_id, 'class', c.name_fi, c.name_sv, c.name_en, '', c.position
        FROM {class_links} l JOIN {ServiceClass._meta.db_table} c ON c.id = l.serviceclass_id
        WHERE l.solution_id IN ({marks})
        UNION ALL
        SELECT l.solution_id, 'event', e.name_fi, e.name_sv, e.name_en, '', e.position
        FROM {event_links} l JOIN {LifeEvent._meta.db_table} e ON e.id = l.{event_column}
        WHERE l.solution_id IN ({marks})
        UNION ALL
        SELECT i.object_id, 'tag', COALESCE(n.name_fi, ''), COALESCE(n.name_sv, ''),
               COALESCE(n.name_en, ''), t.name, 0
        FROM taggit_taggeditem i JOIN taggit_tag t ON t.id = i.tag_id
        LEFT JOIN {TagNames._meta.db_table} n ON n.tag_id = t.id
        WHERE i.content_type_id = %s AND i.object_id IN ({marks})"""
    content_type = ContentType.objects.get_for_model(Solution).pk
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids, *ids, content_type, *ids])
        rows = cursor.fetchall()
    for solution_id, kind, name_fi, name_sv, name_en, word, _position in sorted(
        rows, key=lambda row: (row[6], row[2] or row[5])
    ):
        found[solution_id][kind].append(Named(name_fi or "", name_sv or "", name_en or "", word))
    return found


def _meets(text: str, language: str, lexemes: set[str]) -> bool:
    return not lexemes.isdisjoint(text_lexemes(text, language))


def _name_meets(item, lexemes: set[str]) -> bool:
    return any(_meets(getattr(item, f"name_{code}", "") or "", code, lexemes) for code in ("fi", "sv", "en"))


def match_reasons(solution, plan: Plan | None, vocabulary: dict[str, list[Named]]) -> list[str]:
    """Short phrases such as `service class “Kirjastopalvelut”`; ``vocabulary`` is the solution's
    entry of ``vocabulary_of``."""
    if not plan:
        return []
    lexemes = plan.lexemes()
    language = solution.language or "fi"
    reasons = []
    if _meets(solution.title, language, lexemes):
        reasons.append(_("title"))
    if _meets(solution.summary, language, lexemes):
        reasons.append(_("summary"))
    for tag in vocabulary["tag"]:
        if _meets(tag.word, language, lexemes) or _name_meets(tag, lexemes):
            reasons.append(_("tag “%(name)s”") % {"name": tag.name})
    if solution.replaces and _meets(solution.replaces, language, lexemes):
        reasons.append(_("replaces “%(name)s”") % {"name": solution.replaces})
    for service_class in vocabulary["class"]:
        if _name_meets(service_class, lexemes):
            reasons.append(_("service class “%(name)s”") % {"name": service_class.name})
    for event in vocabulary["event"]:
        if _name_meets(event, lexemes):
            reasons.append(_("life event “%(name)s”") % {"name": event.name})
    if reasons:
        # The places a card can show or name say enough; the long texts are not read through for
        # every card of every page (each word of them analysed) to add "description" as well.
        return reasons
    # A search result matched somewhere: what is left is the long texts and the organisation's name.
    if _name_meets(solution.organisation, lexemes):
        long_texts = (solution.description, solution.context, solution.results, solution.lessons_learned)
        if not any(_meets(text, language, lexemes) for text in long_texts if text):
            return [_("organisation")]
    return [_("description")]
