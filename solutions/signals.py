"""Signal handlers of the catalogue: the search index follows every change of what it copies.

A solution's index entry (solutions/search/index.py) holds its own text, its tags, the names of its
service classes, life events and organisation. Each handler refreshes the entries affected, in the
same transaction as the change, so a rolled-back edit leaves the index as it was.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from municipalities.models import Organisation
from solutions.models import LifeEvent, ServiceClass, Solution, TagNames
from solutions.search import index

# What each of these lends to the index entries of its solutions. A save that changes none of it (a
# vocabulary loaded again, an organisation's population updated) rewrites no entry: at 100,000
# solutions a service class saved unchanged rewrote thousands of rows.
INDEXED_FIELDS = {
    ServiceClass: ("name_fi", "name_sv", "name_en", "parent_id"),
    LifeEvent: ("name_fi", "name_sv", "name_en"),
    Organisation: ("name_fi", "name_sv", "name_en"),
}


@receiver(pre_save, sender=ServiceClass)
@receiver(pre_save, sender=LifeEvent)
@receiver(pre_save, sender=Organisation)
def remember_indexed_fields(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    fields = INDEXED_FIELDS[sender]
    stored = sender._default_manager.filter(pk=instance.pk).values_list(*fields).first()
    instance._index_unchanged = stored == tuple(getattr(instance, name) for name in fields)


def _indexed_fields_changed(instance) -> bool:
    return not getattr(instance, "_index_unchanged", False)


def _reindex(ids):
    ids = list(ids)
    if ids:
        index.update(ids)


def _tagged_solution_ids(tag):
    return list(
        TaggedItem.objects.filter(
            tag=tag, content_type__app_label="solutions", content_type__model="solution"
        ).values_list("object_id", flat=True)
    )


@receiver(post_save, sender=Solution)
def solution_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _reindex([instance.pk])


@receiver(post_delete, sender=Solution)
def solution_deleted(sender, instance, **kwargs):
    _reindex([instance.pk])


@receiver(m2m_changed, sender=Solution.tags.through)
@receiver(m2m_changed, sender=Solution.service_classes.through)
@receiver(m2m_changed, sender=Solution.life_events.through)
def classification_changed(sender, instance, action, reverse=False, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Solution):
        _reindex([instance.pk])
    elif pk_set:
        _reindex(pk_set)


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
    if not created and not raw and _indexed_fields_changed(instance):
        _reindex(instance.solutions.values_list("pk", flat=True))


@receiver(post_save, sender=ServiceClass)
@receiver(post_save, sender=LifeEvent)
def vocabulary_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    index.update_concepts([instance])
    if not created and _indexed_fields_changed(instance):
        _reindex(instance.solutions.values_list("pk", flat=True))


@receiver(post_save, sender=TagNames)
@receiver(post_delete, sender=TagNames)
def tag_names_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    index.update_concepts([instance])
    _reindex(_tagged_solution_ids(instance.tag))
