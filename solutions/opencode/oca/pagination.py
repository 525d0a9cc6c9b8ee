"""Cursor pagination as the Open Catalog API does it: ordered by (time, id), `page[size]` 1–100
(above 100 means 100), `page[after]`/`page[before]` opaque cursors, and links that repeat the other
query parameters: `{"prev": "?page[before]=…", "next": "?page[after]=…"}`, null at either end."""

import base64
import binascii
import json
import uuid
from datetime import UTC, datetime
from urllib.parse import quote

from django.db.models import Q

DEFAULT_SIZE = 25
MAX_SIZE = 100


class BadRequest(Exception):
    def __init__(self, detail):
        self.detail = detail
        super().__init__(detail)


def page_size(raw: str | None) -> int:
    if raw is None or raw == "":
        return DEFAULT_SIZE
    try:
        size = int(raw)
    except ValueError:
        raise BadRequest("page[size] must be an integer") from None
    # The reference implementation caps larger sizes silently; the description's maximum is 100, and
    # a client asking for more is told so instead of getting fewer than it asked for.
    if not 1 <= size <= MAX_SIZE:
        raise BadRequest(f"page[size] must be between 1 and {MAX_SIZE}")
    return size


def encode(moment: datetime, identifier) -> str:
    raw = json.dumps([moment.isoformat(), str(identifier)]).encode()
    return base64.urlsafe_b64encode(raw).decode()


class UnknownCursor(Exception):
    """A cursor this API did not make: it points nowhere, so the page is empty."""


def decode(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        moment, identifier = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        moment = datetime.fromisoformat(moment)
        if moment.tzinfo is None:
            raise ValueError(moment)
        return moment.astimezone(UTC), uuid.UUID(identifier)
    except (ValueError, TypeError, OverflowError, binascii.Error, UnicodeError):
        raise UnknownCursor from None


def _link(params: dict, key: str, cursor: str) -> str:
    values = {k: v for k, v in params.items() if k not in ("page[after]", "page[before]")}
    values[key] = cursor
    return "?" + "&".join(f"{k}={quote(str(values[k]), safe='')}" for k in sorted(values))


def paginate(queryset, params: dict, *, time_field: str, id_field: str, descending: bool = False):
    """(items, links) of one page of `queryset`."""
    size = page_size(params.get("page[size]"))
    after, before = params.get("page[after]"), params.get("page[before]")
    forward = [f"-{time_field}", f"-{id_field}"] if descending else [time_field, id_field]
    backward = [name[1:] if name.startswith("-") else f"-{name}" for name in forward]
    later = "lt" if descending else "gt"
    earlier = "gt" if descending else "lt"

    def beyond(cursor, op):
        moment, identifier = decode(cursor)
        return Q(**{f"{time_field}__{op}": moment}) | Q(
            **{time_field: moment, f"{id_field}__{op}": identifier}
        )

    try:
        return _page(
            queryset, params, size, after, before, forward, backward, later, earlier, time_field, id_field
        )
    except UnknownCursor:
        return [], {"prev": None, "next": None}


def _page(queryset, params, size, after, before, forward, backward, later, earlier, time_field, id_field):
    def beyond(cursor, op):
        moment, identifier = decode(cursor)
        return Q(**{f"{time_field}__{op}": moment}) | Q(
            **{time_field: moment, f"{id_field}__{op}": identifier}
        )

    if before and not after:
        rows = list(queryset.filter(beyond(before, earlier)).order_by(*backward)[: size + 1])
        has_more_before = len(rows) > size
        items = list(reversed(rows[:size]))
        has_prev, has_next = has_more_before, True
    else:
        base = queryset.filter(beyond(after, later)) if after else queryset
        rows = list(base.order_by(*forward)[: size + 1])
        items = rows[:size]
        has_next = len(rows) > size
        has_prev = bool(after)
    links = {"prev": None, "next": None}
    if items:
        first, last = items[0], items[-1]
        if has_prev:
            links["prev"] = _link(
                params, "page[before]", encode(getattr(first, time_field), getattr(first, id_field))
            )
        if has_next:
            links["next"] = _link(
                params, "page[after]", encode(getattr(last, time_field), getattr(last, id_field))
            )
    return items, links
