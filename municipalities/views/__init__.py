"""Pages about organisations and regions, and the pages where organisations manage their people."""

from municipalities.views.edit import edit_organisation
from municipalities.views.members import (
    change_role,
    decide,
    join,
    leave,
    manage_members,
    people,
    remove_member,
)
from municipalities.views.public import (
    localized_name_order,
    organisation_detail,
    organisation_list,
    region_detail,
    region_list,
)

__all__ = [
    "change_role",
    "decide",
    "edit_organisation",
    "join",
    "leave",
    "localized_name_order",
    "manage_members",
    "organisation_detail",
    "organisation_list",
    "people",
    "region_detail",
    "region_list",
    "remove_member",
]
