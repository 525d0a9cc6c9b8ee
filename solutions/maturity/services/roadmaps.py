"""Every change of a roadmap: adding, editing and removing items of an organisation or a region."""

from django.db import transaction

from kuntajako.events import bus
from municipalities.models import Region
from municipalities.permissions import require
from solutions.maturity.models import RoadmapItem

FIELDS = ("life_event", "service_class", "title", "description", "year", "quarter", "status", "budget_class")


class StaleEdit(Exception):
    """Someone else saved the item after this person opened it."""

    def __init__(self, current):
        super().__init__("stale roadmap item")
        self.current = current


def add_item(*, owner, user, data: dict) -> RoadmapItem:
    require(user, "edit_roadmap", owner)
    owner_field = "region" if isinstance(owner, Region) else "organisation"
    with transaction.atomic():
        item = RoadmapItem.objects.create(
            **{owner_field: owner}, updated_by=user, **{field: data.get(field) for field in FIELDS}
        )
        bus.record("roadmap.item_added", target=item, actor=user)
    return item


def update_item(*, item, user, data: dict, seen_version: int) -> RoadmapItem:
    with transaction.atomic():
        locked = (
            RoadmapItem.objects.select_for_update(of=("self",))
            .select_related("organisation", "region")
            .get(pk=item.pk)
        )
        require(user, "edit_roadmap", locked.owner)
        if locked.version != seen_version:
            raise StaleEdit(locked)
        changed = [field for field in FIELDS if getattr(locked, field) != data.get(field)]
        if not changed:
            return locked
        for field in changed:
            setattr(locked, field, data.get(field))
        locked.version += 1
        locked.updated_by = user
        locked.save(update_fields=[*changed, "version", "updated_by", "updated_at"])
        bus.record("roadmap.item_changed", target=locked, actor=user, fields=changed)
    return locked


def remove_item(*, item, user) -> None:
    with transaction.atomic():
        locked = (
            RoadmapItem.objects.select_for_update(of=("self",))
            .select_related("organisation", "region")
            .get(pk=item.pk)
        )
        require(user, "edit_roadmap", locked.owner)
        bus.record("roadmap.item_removed", target=locked, actor=user, title=locked.title)
        locked.delete()
