"""What the moderation queue knows about the kinds of things other apps put in it.

The queue is one list of ModerationItems pointing at their targets through a generic relation. To
show a page of it in a fixed number of queries, every kind of target is fetched by one query with
what its row shows. The catalogue registers its solutions and revisions here; apps above it (the
community's comments, help requests and answers) register theirs from their AppConfig.ready().
"""

TARGET_QUERYSETS = {}
# Kinds of items that apps above the catalogue add to the queue: {value: label}.
EXTRA_KINDS = {}


def register_target(queryset) -> None:
    """Fetch queue targets of `queryset.model` with this queryset (one query per model and page)."""
    TARGET_QUERYSETS[queryset.model] = queryset


def target_querysets() -> list:
    return list(TARGET_QUERYSETS.values())


def register_kind(value: str, label) -> None:
    """A kind of queue item an app above the catalogue adds (its rows use the template
    solutions/moderation/kinds/<value>.html and link to where the app decides them)."""
    EXTRA_KINDS[value] = label


def extra_kinds() -> list[tuple[str, str]]:
    return list(EXTRA_KINDS.items())
