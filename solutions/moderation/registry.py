"""What the moderation queue knows about the kinds of things other apps put in it.

The queue is one list of ModerationItems pointing at their targets through a generic relation. To
show a page of it in a fixed number of queries, every kind of target is fetched by one query with
what its row shows. The catalogue registers its solutions and revisions here; apps above it (the
community's comments, help requests and answers) register theirs from their AppConfig.ready().
"""

TARGET_QUERYSETS = {}


def register_target(queryset) -> None:
    """Fetch queue targets of `queryset.model` with this queryset (one query per model and page)."""
    TARGET_QUERYSETS[queryset.model] = queryset


def target_querysets() -> list:
    return list(TARGET_QUERYSETS.values())
