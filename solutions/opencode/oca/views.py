"""JSON answers of the Open Catalog API, read-only (see the package docstring)."""

import uuid
from datetime import UTC, datetime
from pathlib import Path

from django.db.models import Prefetch, Q
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt

from municipalities.models import Organisation
from solutions.community.models import Adoption
from solutions.community.models.reuse import REUSE_STATUSES
from solutions.models import ModerationState, Solution
from solutions.opencode.models import HarvestLog, HarvestSource
from solutions.opencode.oca.pagination import BadRequest, paginate
from solutions.opencode.publiccode import dump
from solutions.opencode.services.importing import export_document

CACHE_CONTROL = "public, max-age=60"
SCHEMA = Path(__file__).with_name("openapi.yaml")
READ_METHODS = ("GET", "HEAD")


def _problem(status: int, title: str, detail: str) -> JsonResponse:
    response = JsonResponse({"title": title, "detail": detail, "status": status}, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def _ok(body) -> JsonResponse:
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def api(resource: str, *, writable=()):
    """Answer GET; answer the writes the description defines as a read-only instance does (401),
    anything else 405."""

    def wrap(view):
        @csrf_exempt
        def handle(request, *args, **kwargs):
            if request.method in READ_METHODS:
                try:
                    return view(request, *args, **kwargs)
                except BadRequest as error:
                    return _problem(422, f"can't get {resource}", error.detail)
            if request.method in writable:
                return _problem(
                    401,
                    "token authentication failed",
                    "This catalogue is read-only: changes go through Kuntajako's editors and moderation.",
                )
            response = _problem(405, "method not allowed", f"{request.method} is not allowed here")
            response["Allow"] = ", ".join((*READ_METHODS, *writable))
            return response

        handle.__name__ = view.__name__
        return handle

    return wrap


def _time_filters(request, field: str) -> Q:
    condition = Q()
    for name, op in (("from", "gt"), ("to", "lt")):
        raw = request.GET.get(name)
        if raw is None:
            continue
        try:
            moment = parse_datetime(raw) if raw else None
            # Offsets such as -21:11 are valid RFC 3339 but not for the database: compare in UTC.
            moment = moment.astimezone(UTC) if moment is not None and moment.tzinfo is not None else None
        except (ValueError, OverflowError):
            moment = None
        if moment is None:
            raise BadRequest("invalid date time format (RFC 3339 needed)")
        condition &= Q(**{f"{field}__{op}": moment})
    return condition


def _uuid(value: str):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


# Software


def software_queryset(include_inactive=False):
    states = (
        (ModerationState.PUBLISHED, ModerationState.ARCHIVED)
        if include_inactive
        else (ModerationState.PUBLISHED,)
    )
    return Solution.objects.filter(moderation_state__in=states, published_at__isnull=False).exclude(
        repository_url=""
    )


def software_json(request, solution) -> dict:
    page = request.build_absolute_uri(solution.get_absolute_url())
    return {
        "id": str(solution.uuid),
        "url": solution.repository_url[:255],
        "active": solution.moderation_state == ModerationState.PUBLISHED,
        "publiccodeYml": dump(export_document(solution, page)),
        "createdAt": _rfc3339(solution.published_at),
        "updatedAt": _rfc3339(max(solution.updated_at, solution.published_at)),
    }


def _bool(raw: str | None) -> bool:
    if raw in (None, "", "false", "0"):
        return False
    if raw in ("true", "1"):
        return True
    raise BadRequest("all must be a boolean")


@api("Software", writable=("POST",))
def software_list(request):
    queryset = software_queryset(_bool(request.GET.get("all"))).select_related("organisation")
    url = request.GET.get("url")
    if url is not None:
        queryset = queryset.filter(repository_url=url)
    queryset = queryset.filter(_time_filters(request, "published_at"))
    items, links = paginate(queryset, request.GET, time_field="published_at", id_field="uuid")
    return _ok({"data": [software_json(request, s) for s in items], "links": links})


def _software_or_none(software_id):
    identifier = _uuid(software_id)
    if identifier is None:
        return None
    return (
        software_queryset(include_inactive=True)
        .select_related("organisation")
        .filter(uuid=identifier)
        .first()
    )


@api("Software", writable=("PATCH", "DELETE"))
def software_detail(request, software_id):
    solution = _software_or_none(software_id)
    if solution is None:
        return _problem(404, "can't get Software", "Software was not found")
    return _ok(software_json(request, solution))


@api("Software")
def software_used_by(request, software_id):
    solution = _software_or_none(software_id)
    if solution is None:
        return _problem(404, "can't get Software", "Software was not found")
    adoptions = (
        Adoption.objects.filter(solution=solution, status__in=REUSE_STATUSES)
        .select_related("organisation")
        .order_by("organisation__name_fi", "pk")
    )
    return _ok(
        {
            "data": [
                {
                    "publisherId": str(a.organisation.uuid),
                    "name": a.organisation.name_fi,
                    "alternativeId": a.organisation.code or None,
                    "uri": f"urn:x-fi-municipality:{a.organisation.code}" if a.organisation.code else None,
                    "status": a.status,
                    "since": a.since.isoformat() if a.since else None,
                }
                for a in adoptions
            ]
        }
    )


# Logs


def log_json(log) -> dict:
    source = log.source
    solution = source.solution
    if solution is not None and solution.moderation_state in (
        ModerationState.PUBLISHED,
        ModerationState.ARCHIVED,
    ):
        entity = f"/software/{solution.uuid}"
    else:
        entity = f"/publishers/{source.organisation.uuid}"
    errors = [m for m in log.messages if m.get("level") == "error"]
    message = f"{source.raw_url}: {log.get_outcome_display()}"
    if errors:
        message += "; " + "; ".join(f"{m['line']}:{m['column']} {m['key']}: {m['text']}" for m in errors[:10])
    return {
        "id": str(log.uuid),
        "createdAt": _rfc3339(log.created_at),
        "updatedAt": _rfc3339(log.created_at),
        "message": message[:2048],
        "entity": entity,
    }


def _logs(request, queryset):
    queryset = queryset.select_related("source__organisation", "source__solution").filter(
        _time_filters(request, "created_at")
    )
    items, links = paginate(queryset, request.GET, time_field="created_at", id_field="uuid", descending=True)
    return _ok({"data": [log_json(log) for log in items], "links": links})


@api("Log", writable=("POST",))
def log_list(request):
    return _logs(request, HarvestLog.objects.all())


@api("Log", writable=("POST",))
def software_logs(request, software_id):
    solution = _software_or_none(software_id)
    if solution is None:
        return _problem(404, "can't get Software", "Software was not found")
    return _logs(request, HarvestLog.objects.filter(source__solution=solution))


# Publishers


def publisher_queryset():
    software = software_queryset()
    return (
        Organisation.objects.filter(Q(harvest_sources__isnull=False) | Q(solutions__in=software))
        .distinct()
        .prefetch_related(
            Prefetch("harvest_sources", queryset=HarvestSource.objects.order_by("created_at", "pk")),
            Prefetch("solutions", queryset=software.order_by("published_at", "pk"), to_attr="software"),
        )
    )


def publisher_json(organisation) -> dict:
    hosting, seen = [], set()
    for source in organisation.harvest_sources.all():
        hosting.append((source.url, source.created_at, source.last_read_at or source.created_at))
    for solution in organisation.software:
        hosting.append((solution.repository_url, solution.published_at, solution.updated_at))
    code_hosting = []
    for url, created, updated in hosting:
        if url in seen:
            continue
        seen.add(url)
        code_hosting.append(
            {"url": url[:255], "group": False, "createdAt": _rfc3339(created), "updatedAt": _rfc3339(updated)}
        )
    body = {
        "id": str(organisation.uuid),
        "codeHosting": code_hosting,
        "description": organisation.name_fi[:255],
        "active": True,
        "createdAt": _rfc3339(organisation.created_at),
        "updatedAt": _rfc3339(organisation.updated_at),
    }
    if organisation.code:
        body["alternativeId"] = organisation.code
    return body


@api("Publisher", writable=("POST",))
def publisher_list(request):
    _bool(request.GET.get("all"))
    queryset = publisher_queryset().filter(_time_filters(request, "created_at"))
    items, links = paginate(queryset, request.GET, time_field="created_at", id_field="uuid")
    return _ok({"data": [publisher_json(o) for o in items], "links": links})


@api("Publisher", writable=("PATCH", "DELETE"))
def publisher_detail(request, publisher_id):
    identifier = _uuid(publisher_id)
    condition = Q(uuid=identifier) if identifier else Q(code=publisher_id)
    organisation = publisher_queryset().filter(condition).first() if publisher_id else None
    if organisation is None:
        return _problem(404, "can't get Publisher", "Publisher was not found")
    return _ok(publisher_json(organisation))


# Monitoring and the description


@api("status")
def status(request):
    return HttpResponse(status=204)


@api("schema")
def schema(request):
    text = SCHEMA.read_text(encoding="utf-8").replace(
        "SERVER_URL", request.build_absolute_uri(reverse("oca:status"))[: -len("/status")]
    )
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    response["Cache-Control"] = CACHE_CONTROL
    return response
