"""Signal handlers of the catalogue.

The search index follows a solution's own columns through database triggers (migration 0002), so
saving a solution needs no handler here. What the triggers cannot see is text the index copies from
other tables: tags (taggit) and organisation names. These handlers refresh the affected solutions.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from municipalities.models import Organisation
from solutions.models import Solution
from solutions.search import get_backend


def _reindex(ids):
    get_backend().reindex(ids)


def _tagged_solution_ids(tag):
    return list(
        TaggedItem.objects.filter(
            tag=tag, content_type__app_label="solutions", content_type__model="solution"
        ).values_list("object_id", flat=True)
    )


@receiver(m2m_changed, sender=Solution.tags.through)
def tags_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Solution):
        _reindex([instance.pk])


@receiver(post_save, sender=Tag)
def tag_renamed(sender, instance, created, raw=False, **kwargs):
    if not created:
        _reindex(_tagged_solution_ids(instance))


@receiver(pre_delete, sender=Tag)
def tag_deleting(sender, instance, **kwargs):
    # The tagged items are gone by post_delete; remember whom they tagged.
    instance._search_solution_ids = _tagged_solution_ids(instance)


@receiver(post_delete, sender=Tag)
def tag_deleted(sender, instance, **kwargs):
    _reindex(getattr(instance, "_search_solution_ids", []))


@receiver(post_save, sender=Organisation)
def organisation_renamed(sender, instance, created, raw=False, **kwargs):
    if not created:
        _reindex(instance.solutions.values_list("pk", flat=True))
