"""Why a search result matched: the fields and vocabulary names where the query's lexemes were found.

Results can match through text the card does not show: a Swedish or English name of the service
class or life event (`bibliotek`, `library` finding "Kirjaston tilavarausjärjestelmä"), a tag, the
product a solution replaces, the description. ``match_reasons`` says which, in the interface
language, for the few solutions on a page: the title, summary, tags, "replaces", classes and events
it matched in, or else the description (or the organisation's name).
"""

from django.utils.translation import gettext as _

from solutions.search.analysis import text_lexemes
from solutions.search.base import Plan


def _meets(text: str, language: str, lexemes: set[str]) -> bool:
    return not lexemes.isdisjoint(text_lexemes(text, language))


def _name_meets(item, lexemes: set[str]) -> bool:
    return any(_meets(getattr(item, f"name_{code}", "") or "", code, lexemes) for code in ("fi", "sv", "en"))


def match_reasons(solution, plan: Plan | None) -> list[str]:
    """Short phrases such as `service class “Kirjastopalvelut”`; tags (with their names), classes and
    events prefetched."""
    if not plan:
        return []
    lexemes = plan.lexemes()
    language = solution.language or "fi"
    reasons = []
    if _meets(solution.title, language, lexemes):
        reasons.append(_("title"))
    if _meets(solution.summary, language, lexemes):
        reasons.append(_("summary"))
    for tag in solution.tags.all():
        names = getattr(tag, "names", None)  # the tag's names in other languages, if given
        if _meets(tag.name, language, lexemes) or (names is not None and _name_meets(names, lexemes)):
            reasons.append(_("tag “%(name)s”") % {"name": names.name if names is not None else tag.name})
    if solution.replaces and _meets(solution.replaces, language, lexemes):
        reasons.append(_("replaces “%(name)s”") % {"name": solution.replaces})
    for service_class in solution.service_classes.all():
        if _name_meets(service_class, lexemes):
            reasons.append(_("service class “%(name)s”") % {"name": service_class.name})
    for event in solution.life_events.all():
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
