"""Filtering, facet counts and sorting of the solution list.

Every facet accepts several values (checkboxes send the parameter once per ticked box); values of one
facet are alternatives (OR), different facets narrow each other (AND). The counts beside a facet's
values are computed with every filter applied except that facet's own, so a count tells what ticking
the box would add. The facets without a selection share one query of grouped counts over the
matches; each facet with a selection counts in one more, over the matches of the other filters. For a
search, both cover its first MAX_COUNTED matches, whatever the size of the catalogue.

Reuse: "used by organisations like mine" is two facets, `used_in_region` (a region code) and
`used_by_size` (a size class), matching solutions that an organisation of that region or size pilots
or uses. A visitor picks any region or size; a member is offered those of their own organisations.
Sorting by reuse orders by the reuse count (piloting and in use), and relevance gets a small bonus
for it, so that among equally good matches the proven solution comes first.
"""

# SQL below is assembled from model metadata and this module's constants; values are parameters.
# ruff: noqa: S608

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, Least
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from municipalities.models import (
    SIZE_CLASS_BOUNDS,
    Organisation,
    Region,
    SizeClass,
    population_in,
    size_class_for,
)
from municipalities.permissions import roles
from solutions.cache import cached
from solutions.community.models import REUSE_STATUSES, Adoption
from solutions.models import Lifecycle, LifeEvent, ServiceClass, Solution, SolutionKind, TagNames
from solutions.search import get_backend
from solutions.search import index as search_index
from solutions.search.base import RowSQL

# Counting every match of a broad search costs more than it tells: past this many, the page says
# "over 5,000" and the facets count the first MAX_COUNTED matches. At 100,000 solutions, counting up
# to 10,000 made the broadest searches' facet query the slowest part of the page (search p95 162 ms
# against 129 ms with 5,000, in the same run).
MAX_COUNTED = 5_000
# A query string is user input: a cap keeps a crafted URL from building a huge IN (...) list.
MAX_VALUES_PER_FACET = 50
# Relevance is the text rank of the search backend, multiplied by gentle boosts (a factor, so the
# same on PostgreSQL's ts_rank and SQLite's bm25 scales): enough to order near-equal matches, too
# little to lift a poor match over a good one.
# - reuse: +4 % per organisation that pilots or uses the solution, up to REUSE_BOOST_CAP of them;
# - freshness: +2 % when published within FRESH_DAYS.
# Completeness (a description, a licence, a repository or documentation link) orders matches of equal
# rank, after the boosts: it says how reusable a solution is, not what it is about. As a boost
# (+3 % each, freshness +5 %) it overrode the text: among 10,000 generated solutions a solution
# titled with the very words searched for lost its place to longer texts that only had a licence
# and a repository link more (success@3 of the judged queries 0.79 then, 0.89 with completeness
# as the tie-breaker, on PostgreSQL; 0.66 and 0.91 on SQLite).
# Retired solutions come after all active ones; then ties go to the newest, then the highest id.
# The index's rank order (RUM: field weights, no length normalisation, so long texts that repeat a
# word come first) differs from the exact ranking. A search whose matches are all counted (up to
# RANK_ALL_UP_TO = MAX_COUNTED) ranks every match exactly; only one with more ("over 5,000") takes
# its best RERANK_DEPTH matches in the index's order and ranks those (a deeper page takes
# RERANK_MARGIN more than it shows). Measured on the judged corpus among 100,000 generated solutions,
# where a service area matches 3,000 to 6,000: success@3 0.74 with the index's order from 2,000
# matches up, 0.89 ranking up to 5,000 exactly, 0.96 ranking everything (at ten times the time for
# the broadest searches, which match two thirds of the catalogue). Ranking 5,000 matches exactly
# costs about as much as asking the index for its best 300 of them.
# The pass that counts a search's matches also ranks them and keeps the best TOP_IN_COUNTS ids, so a
# page within them reads its rows by id instead of reading every match a second time to rank it.
TOP_IN_COUNTS = 100
RERANK_DEPTH = 300
RERANK_MARGIN = 100
RANK_ALL_UP_TO = MAX_COUNTED
REUSE_BOOST = 0.04
REUSE_BOOST_CAP = 5
FRESHNESS_BOOST = 0.02
FRESH_DAYS = 730


def ids_in(ids):
    """A condition: the row's id is one of ``ids`` (one array parameter on PostgreSQL)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        # IN (unnest) is a hashed lookup; "= ANY(array)" as a row filter would scan the array per row.
        sql = "__ROW__.id IN (SELECT unnest(%s::integer[]))"
        return Q(RowSQL(sql, [list(ids)], output_field=BooleanField()))
    return Q(pk__in=list(ids))


def _present(field_name):
    return Case(When(~Q(**{field_name: ""}), then=Value(1)), default=Value(0), output_field=IntegerField())


def relevance():
    """The ranking expression of a searched queryset annotated with ``search_rank`` and ``reuse_count``."""
    from datetime import timedelta

    from django.utils import timezone

    reuse = Cast(Least(F("reuse_count"), Value(REUSE_BOOST_CAP)), FloatField()) * Value(REUSE_BOOST)
    fresh = Case(
        When(published_at__gte=timezone.now() - timedelta(days=FRESH_DAYS), then=Value(FRESHNESS_BOOST)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    return F("search_rank") * (Value(1.0) + reuse + fresh)


def completeness():
    """How many of a description, a licence and a repository or documentation link a solution has."""
    linked = Case(
        When(~Q(repository_url="") | ~Q(documentation_url=""), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return _present("description") + _present("licence") + linked


def retired_last():
    return Case(
        When(lifecycle=Lifecycle.RETIRED, then=Value(1)), default=Value(0), output_field=IntegerField()
    )


class SORT:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    TITLE = "title"
    REUSE = "reuse"


SORT_CHOICES = [
    (SORT.RELEVANCE, _("Relevance")),
    (SORT.NEWEST, _("Newest first")),
    (SORT.REUSE, _("Most reused")),
    (SORT.TITLE, _("Title A–Ö")),
]


class ValueListField(forms.MultipleChoiceField):
    """Any list of short strings: the values a facet offers come from the data, not a fixed list.

    An unknown value simply matches nothing, which the empty-result page explains.
    """

    widget = forms.MultipleHiddenInput

    def valid_value(self, value):
        return 0 < len(value) <= 100

    def clean(self, value):
        # PostgreSQL refuses a NUL character in a string; such a value matches nothing either way.
        return [item.replace("\x00", "\ufffd") for item in super().clean(value)[:MAX_VALUES_PER_FACET]]


class ValueListFilter(django_filters.Filter):
    field_class = ValueListField

    def __init__(self, *args, through=False, **kwargs):
        # Many-to-many lookups go through a subquery so that a solution never appears twice.
        self.through = through
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q(**{f"{self.field_name}__in": value})
        if self.through:
            return qs.filter(pk__in=Solution.objects.filter(condition).values("pk"))
        return qs.filter(condition)


class SolutionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_search", label=_("Search"))
    kind = ValueListFilter(field_name="kind", label=_("Kind"))
    organisation = ValueListFilter(field_name="organisation__slug", label=_("Organisation"))
    region = ValueListFilter(field_name="organisation__region__code", label=_("Region"))
    size = ValueListFilter(method="filter_size", label=_("Organisation size"))
    tag = ValueListFilter(field_name="tags__slug", through=True, label=_("Tag"))
    service_class = ValueListFilter(method="filter_service_class", label=_("Service class"))
    life_event = ValueListFilter(field_name="life_events__code", through=True, label=_("Life event"))
    lifecycle = ValueListFilter(field_name="lifecycle", label=_("Lifecycle"))
    licence = ValueListFilter(field_name="licence", label=_("Licence"))
    used_in_region = ValueListFilter(method="filter_used_in_region", label=_("Used in the region"))
    used_by_size = ValueListFilter(method="filter_used_by_size", label=_("Used by organisations of the size"))
    sort = django_filters.ChoiceFilter(choices=SORT_CHOICES, method="filter_nothing", label=_("Sort"))

    class Meta:
        model = Solution
        fields: list[str] = []

    FACETS = (
        "kind", "organisation", "region", "size", "tag",
        "service_class", "life_event", "lifecycle", "licence", "used_in_region", "used_by_size",
    )  # fmt: skip

    def filter_nothing(self, qs, name, value):
        # Sorting is applied by `results()`, after filtering, so that facet counts ignore it.
        return qs

    def filter_search(self, qs, name, value):
        value = value.strip()
        if not value:
            return qs
        backend = get_backend()
        # Facet counts run this again with other filters: the query is analysed (and its typos
        # corrected) once, and whether it must be relaxed is decided once, on the full filters.
        if getattr(self, "search_plan", None) is None:
            plan = backend.plan(value)
            found = backend.search_plan(qs, plan)
            if plan.guessed_compounds and not backend.any_match(found):
                # A word read as a known compound may still be a typo (`etälunta`: "etä" + "lunta"
                # for "etäluenta"): look up every word not in the vocabulary whole.
                strict = backend.plan(value, strict=True, vocabulary=plan.vocabulary)
                if strict.corrections and backend.any_match(retry := backend.search_plan(qs, strict)):
                    plan, found = strict, retry
            if len(plan.groups) > 1:
                # The estimate also tells whether a search of several words is sure to be capped
                # (see `shared_counts`), which the vocabulary's counts say only for one word.
                estimate = backend.match_estimate(found)
                if backend.any_match(found, estimate):
                    plan.estimated_matches = estimate
                else:
                    # No solution has every word (`library booking` when only the class is named in
                    # English): any of the words will do, best matches first, and the page says so.
                    plan = plan.any_word()
                    found = backend.search_plan(qs, plan)
            self.search_plan = plan
            return found
        return backend.search_plan(qs, self.search_plan)

    def filter_size(self, qs, name, value):
        condition = population_in(value, "organisation__population")
        return qs.filter(condition) if condition else qs.none()

    def filter_service_class(self, qs, name, value):
        # A top-level class also finds solutions classified under its subclasses.
        matching = Solution.objects.filter(
            Q(service_classes__code__in=value) | Q(service_classes__parent__code__in=value)
        )
        return qs.filter(pk__in=matching.values("pk"))

    def filter_used_in_region(self, qs, name, value):
        users = Adoption.objects.counted().filter(organisation__region__code__in=value)
        return qs.filter(pk__in=users.values("solution_id"))

    def filter_used_by_size(self, qs, name, value):
        condition = population_in(value, "organisation__population")
        if not condition:
            return qs.none()
        return qs.filter(pk__in=Adoption.objects.counted().filter(condition).values("solution_id"))

    def own_organisations(self) -> list[Organisation]:
        """The organisations of a logged-in member, whose region and size "like mine" refers to."""
        if not hasattr(self, "_own_organisations"):
            user = getattr(self.request, "user", None)
            ids = list(roles(user)) if user is not None else []
            self._own_organisations = (
                list(Organisation.objects.filter(pk__in=ids).select_related("region").order_by("name_fi"))
                if ids
                else []
            )
        return self._own_organisations

    # -- what the view asks for --------------------------------------------------------------------

    @property
    def query(self) -> str:
        # An invalid value elsewhere (say ?sort=sideways) must not lose the search words.
        self.errors  # noqa: B018 -- validates the form, filling cleaned_data
        return (self.form.cleaned_data.get("q") or "").strip()

    @property
    def sort_order(self) -> str:
        self.errors  # noqa: B018
        chosen = self.form.cleaned_data.get("sort") or ""
        if chosen == SORT.RELEVANCE and not self.query:
            chosen = ""
        return chosen or (SORT.RELEVANCE if self.query else SORT.NEWEST)

    def selected(self, name) -> list[str]:
        if not self.is_bound:
            return []
        self.errors  # noqa: B018 -- validates the form, filling cleaned_data
        return list(self.form.cleaned_data.get(name) or [])

    @property
    def active_filters(self) -> dict[str, list[str]]:
        return {name: self.selected(name) for name in self.FACETS if self.selected(name)}

    def results(self, upto: int | None = None):
        """The matching solutions in the chosen order.

        ``upto``: how many of the first results the caller will show (the list page: up to the end of
        the requested page). A search then ranks exactly only the best matches by the index's own
        rank order (RERANK_DEPTH of them, or more for a deep page) rather than every match; without
        ``upto`` (the API and exports) every match is ranked.
        """
        qs = self.qs
        order = self.sort_order
        if order == SORT.RELEVANCE:
            plan = getattr(self, "search_plan", None)
            if not (plan and plan.groups):
                # Nothing to rank by (only quotes, dashes, emoji, or only excluded words): ranking
                # the whole catalogue at an equal rank would order 100,000 rows to show the newest.
                return qs.order_by("-published_at", "-pk")
            depth = max(RERANK_DEPTH, upto + RERANK_MARGIN) if upto is not None else None
            if depth is not None:
                shared = self.shared_counts()
                top = shared.top_ids
                if shared.total > max(depth, RANK_ALL_UP_TO):
                    ids = get_backend().ranked_ids(qs, plan, depth, share=RANK_ALL_UP_TO)
                    if ids is not None:
                        qs = qs.filter(ids_in(ids))
                elif top is not None and (upto <= len(top) or shared.total <= len(top)):
                    # Ranked already, in the counting pass; the order below is the same expression.
                    qs = qs.filter(ids_in(top))
            return qs.annotate(ranking=relevance(), retired=retired_last(), complete=completeness()).order_by(
                "retired", "-ranking", "-complete", "-published_at", "-pk"
            )
        if order == SORT.REUSE:
            return qs.order_by("-reuse_count", "-published_at", "-pk")
        if order == SORT.TITLE:
            return qs.order_by("title", "pk")
        return qs.order_by("-published_at", "-pk")

    def match_count(self) -> int | None:
        """How many solutions match a search (capped at MAX_COUNTED + 1); None without search words.

        It comes with the facet counts, from the same single pass over the matches.
        """
        return self.shared_counts().total if self.query else None

    @property
    def count_is_capped(self) -> bool:
        return bool(self.query) and self.match_count() > MAX_COUNTED

    def queryset_without(self, facet: str | None):
        """The queryset with every filter applied except ``facet`` (every filter with None)."""
        if facet is None or not self.selected(facet):
            return self.qs.order_by()
        qs = self.queryset.all()
        if self.is_bound:
            self.errors  # noqa: B018
            for name, value in self.form.cleaned_data.items():
                if name != facet:
                    qs = self.filters[name].filter(qs, value)
        return qs.order_by()

    def counts_for(self, facet: str) -> "SharedCounts":
        """The counts ``facet`` shows: over the matches of every filter, or, when the facet has a
        selection of its own, of every filter but its own (what ticking another of its boxes would
        add). Either is one pass over the matches, capped like the total for a search."""
        if not self.selected(facet):
            return self.shared_counts()
        if not hasattr(self, "_counts_without"):
            self._counts_without: dict[str, SharedCounts] = {}
        if facet not in self._counts_without:
            self._counts_without[facet] = SharedCounts.of(
                self.queryset_without(facet),
                limit=MAX_COUNTED + 1 if self.query else None,
                parts=FACET_PARTS[facet],
            )
        return self._counts_without[facet]

    def facets(self) -> list["Facet"]:
        return [build(self) for build in FACET_BUILDERS]

    def use_shared_counts(self, counts: "SharedCounts") -> None:
        """Counts of the matches of every filter, computed elsewhere (``catalogue_counts()`` for a
        list without search words or filters)."""
        self._shared_counts = counts

    def shared_counts(self) -> "SharedCounts":
        """Counts of the column facets over the matching solutions, in one grouped query.

        Facets without a selection of their own all count the same solutions (every filter
        applies), so kind, lifecycle, licence, organisation, region and size come from one GROUP BY
        over the matching rows; a facet with a selection counts on its own, without its filter.
        """
        if not hasattr(self, "_shared_counts"):
            # A search counts its first MAX_COUNTED + 1 matches ("over 10,000"); a list without search
            # words counts every solution it shows.
            matches = self.queryset_without(None)  # reads the query, so search_plan is known after
            plan = getattr(self, "search_plan", None)
            ranked = bool(plan) and self.sort_order == SORT.RELEVANCE
            if ranked and not self.active_filters and plan.surely_over(MAX_COUNTED):
                # Sure to be capped: the best matches will come from the ranked index, so ranking
                # the 5,001 rows read would be wasted (20-55 ms at 100,000 solutions). Should it
                # not be capped after all, the page ranks every match itself, as without a hint.
                ranked = False
            self._shared_counts = SharedCounts.of(
                matches,
                limit=MAX_COUNTED + 1 if self.query else None,
                top=TOP_IN_COUNTS if ranked else None,
            )
        return self._shared_counts


def catalogue_counts() -> "SharedCounts":
    """Every facet's counts over the whole published catalogue, with its publishers.

    The same for every visitor, whatever their language, until the catalogue changes: computed once
    per catalogue version for the unfiltered list (its total and facets) and the front page. At
    100,000 solutions the pass over them takes about 0.4 s, which the list, the front page and each
    signed-in visitor's list paid apart before.
    """

    def compute():
        counts = SharedCounts.of(Solution.objects.published())
        counts.organisations  # noqa: B018 -- read now, to be kept with the counts
        return counts

    return cached("catalogue-counts", compute, per_language=False)


def _unnest_counts(column: str, name: str) -> str:
    """SQL counting the matches ``m`` per id in their array ``column`` (one of index.FACET_COLUMNS).

    unnest in the select list (one pass over ``m``), not as a lateral join (a function scan per
    row): for a broad search's 5,001 matches the three facets take 8 ms instead of 13."""
    return f"SELECT {name}, COUNT(*) AS n FROM (SELECT unnest(m.{column}) AS {name} FROM m) u GROUP BY {name}"  # noqa: S608


def _size_case(column: str) -> tuple[str, list]:
    """SQL giving the size class of a population column (the classes' bounds as parameters)."""
    whens, params = [], []
    for size_class, (low, high) in SIZE_CLASS_BOUNDS.items():
        if high is None:
            whens.append(f"WHEN {column} >= %s THEN %s")
            params += [low, size_class.value]
        else:
            whens.append(f"WHEN {column} >= %s AND {column} < %s THEN %s")
            params += [low, high, size_class.value]
    return "CASE " + " ".join(whens) + " ELSE '' END", params


@dataclass
class SharedCounts:
    """Every facet's counts over the matching solutions, read in one query.

    ``counts[facet][value]`` is how many of the solutions have that value; ``names[facet][value]``
    the (fi, sv, en) names of a class, life event or tag; ``organisations`` the organisations that
    published any of them (for their names, regions and sizes: one solution has one publisher, so
    region and size counts are sums over organisations). The query materialises the matching ids
    once and groups them per facet with UNION ALL (a search's matches are read once, capped), by id
    first and named afterwards. A solution has a class, a life event or a tag at most once, so those
    counts need no DISTINCT.
    """

    total: int
    counts: dict[str, dict[str, int]]
    names: dict[str, dict[str, tuple]]
    # With ``top``: the ids of the best matches in relevance order, when every match was counted.
    top_ids: list[int] | None = None

    @cached_property
    def organisations(self) -> dict[int, "Publisher"]:
        """The publishers of the matches, read when a facet asks for them."""
        every = Publisher.every()
        return {pk: every[pk] for pk in map(int, self.counts.get("organisation", {})) if pk in every}

    @classmethod
    def of(cls, solutions, limit: int | None = None, top: int | None = None, parts=None):
        """The counts over ``solutions`` (a queryset), or over its first ``limit`` rows.

        ``top``: ``solutions`` is a search (annotated with ``search_rank``); rank the rows read and
        keep the best ``top`` ids (``top_ids``), unless there were more than ``limit`` - 1 of them.
        ``parts``: the names of the counts wanted (FACET_PARTS), every one when None.
        """
        cast = "TEXT" if connection.vendor == "sqlite" else "VARCHAR"
        columns = ["pk", "kind", "lifecycle", "licence", "organisation_id"]
        rows = solutions.order_by()
        ranked = ""
        if top:
            rows = rows.annotate(ranking=relevance(), retired=retired_last(), complete=completeness())
            columns += ["ranking", "retired", "complete", "published_at"]
            # Every row read is ranked with the list's own order; the best few come out as 'top'.
            ranked = f"""
            SELECT 'top', CAST(t.id AS {cast}), 0,
                   NULL, NULL, NULL, t.position, NULL
            FROM (
                SELECT m.id, ROW_NUMBER() OVER (
                    ORDER BY m.retired, m.ranking DESC, m.complete DESC, m.published_at DESC, m.id DESC
                ) AS position
                FROM m
            ) t WHERE t.position <= %s"""  # noqa: S608 -- constants only; the number is a parameter
        # On PostgreSQL the index keeps each solution's class (with parents), tag and life event ids
        # beside its entry (created with it after every migrate): counting them is an unnest of what
        # the row read already holds.
        arrays = connection.vendor == "postgresql"
        if arrays:
            rows = rows.annotate(
                **{
                    column: RowSQL(f"__ROW__.{column}", [], output_field=ArrayField(IntegerField()))
                    for column in search_index.FACET_COLUMNS
                }
            )
            columns += list(search_index.FACET_COLUMNS)
        rows = rows.values(*columns)
        try:
            chosen, params = (rows[:limit] if limit else rows).query.sql_with_params()
        except EmptyResultSet:  # a filter nothing can match, e.g. an unknown size class
            return cls(0, {}, {}, [] if top else None)
        classes = ServiceClass._meta.db_table
        class_links = Solution.service_classes.through._meta.db_table
        events = LifeEvent._meta.db_table
        event_links = Solution.life_events.through._meta.db_table
        event_column = Solution.life_events.through._meta.get_field("lifeevent").column
        adoptions = Adoption._meta.db_table
        tag_names = TagNames._meta.db_table
        organisations = Organisation._meta.db_table
        regions = Region._meta.db_table
        size_sql, size_params = _size_case("o.population")
        statuses = [str(status) for status in REUSE_STATUSES]
        status_marks = ", ".join(["%s"] * len(statuses))
        content_type = ContentType.objects.get_for_model(Solution).pk
        # Table and column names below come from model metadata and this module; values are parameters.
        if arrays:
            class_counts = _unnest_counts("search_class_ids", "class_id")
            event_counts = _unnest_counts("search_event_ids", "event_id")
            tag_counts = _unnest_counts("search_tag_ids", "tag_id")
            tag_params = []
            class_links_cte = ""
        else:
            class_counts = f"""
                SELECT pairs.class_id, COUNT(*) AS n FROM (
                    SELECT ml.solution_id, ml.class_id FROM ml
                    UNION
                    SELECT ml.solution_id, p.parent_id FROM ml
                    JOIN {classes} p ON p.id = ml.class_id WHERE p.parent_id IS NOT NULL
                ) pairs
                GROUP BY pairs.class_id"""  # noqa: S608
            event_counts = f"""
                SELECT l.{event_column} AS event_id, COUNT(*) AS n FROM {event_links} l
                JOIN m ON m.id = l.solution_id GROUP BY l.{event_column}"""  # noqa: S608
            tag_counts = """
                SELECT i.tag_id, COUNT(*) AS n FROM taggit_taggeditem i JOIN m ON m.id = i.object_id
                WHERE i.content_type_id = %s GROUP BY i.tag_id"""
            tag_params = [content_type]
            class_links_cte = f""",
            ml (solution_id, class_id) AS (
                SELECT l.solution_id, l.serviceclass_id FROM {class_links} l JOIN m ON m.id = l.solution_id
            )"""  # noqa: S608
        # Every part gives (facet, value, count, name_fi, name_sv, name_en, position, parent).
        # Every part gives (facet, value, count, name_fi, name_sv, name_en, position, parent). Table
        # and column names come from model metadata and this module; values travel as parameters.
        available = {
            "kind": (
                "SELECT 'kind', m.kind, COUNT(*), NULL, NULL, NULL, NULL, NULL FROM m GROUP BY m.kind",
                [],
            ),
            "lifecycle": (
                "SELECT 'lifecycle', m.lifecycle, COUNT(*), NULL, NULL, NULL, NULL, NULL"
                " FROM m GROUP BY m.lifecycle",
                [],
            ),
            "licence": (
                "SELECT 'licence', m.licence, COUNT(*), NULL, NULL, NULL, NULL, NULL"
                " FROM m GROUP BY m.licence",
                [],
            ),
            "organisation": (
                f"SELECT 'organisation', CAST(m.organisation_id AS {cast}), COUNT(*), NULL, NULL, NULL, NULL,"
                " NULL FROM m GROUP BY m.organisation_id",
                [],
            ),
            "service_class": (
                f"""SELECT 'service_class', c.code, x.n, c.name_fi, c.name_sv, c.name_en, c.position,
                       parent.code
                FROM ({class_counts}) x JOIN {classes} c ON c.id = x.class_id
                LEFT JOIN {classes} parent ON parent.id = c.parent_id""",
                [],
            ),
            "life_event": (
                f"""SELECT 'life_event', e.code, x.n, e.name_fi, e.name_sv, e.name_en, e.position, NULL
                FROM ({event_counts}) x JOIN {events} e ON e.id = x.event_id""",
                [],
            ),
            "tag": (
                f"""SELECT 'tag', t.slug, x.n, COALESCE(NULLIF(names.name_fi, ''), t.name), names.name_sv,
                       names.name_en, NULL, NULL
                FROM ({tag_counts}) x
                JOIN taggit_tag t ON t.id = x.tag_id LEFT JOIN {tag_names} names ON names.tag_id = t.id""",
                tag_params,
            ),
            "used_in_region": (
                f"""SELECT 'used_in_region', r.code, COUNT(DISTINCT a.solution_id), r.name_fi, r.name_sv,
                       r.name_en, NULL, NULL
                FROM {adoptions} a JOIN m ON m.id = a.solution_id
                JOIN {organisations} o ON o.id = a.organisation_id JOIN {regions} r ON r.id = o.region_id
                WHERE a.status IN ({status_marks}) AND a.organisation_id <> m.organisation_id
                GROUP BY r.code, r.name_fi, r.name_sv, r.name_en""",
                statuses,
            ),
            "used_by_size": (
                f"""SELECT 'used_by_size', sizes.size_class, COUNT(DISTINCT sizes.solution_id), NULL, NULL,
                       NULL, NULL, NULL
                FROM (
                    SELECT a.solution_id, {size_sql} AS size_class
                    FROM {adoptions} a JOIN m ON m.id = a.solution_id
                    JOIN {organisations} o ON o.id = a.organisation_id
                    WHERE a.status IN ({status_marks}) AND a.organisation_id <> m.organisation_id
                ) sizes
                GROUP BY sizes.size_class""",
                [*size_params, *statuses],
            ),
        }
        chosen_parts = [
            ("SELECT 'total', '', COUNT(*), NULL, NULL, NULL, CAST(NULL AS INTEGER), NULL FROM m", []),
            *(part for name, part in available.items() if parts is None or name in parts),
        ]
        if top:
            chosen_parts.append((ranked, [top]))
        sql = f"WITH m ({', '.join(['id', *columns[1:]])}) AS ({chosen}){class_links_cte}\n" + (
            "\nUNION ALL\n".join(part for part, _ in chosen_parts)
        )
        all_params = [*params, *(value for _, part_params in chosen_parts for value in part_params)]
        counts: dict[str, dict[str, int]] = {}
        names: dict[str, dict[str, tuple]] = {}
        best: list[tuple[int, int]] = []
        with connection.cursor() as cursor:
            cursor.execute(sql, all_params)
            for facet, value, n, name_fi, name_sv, name_en, position, parent in cursor.fetchall():
                if value is None:
                    continue
                if facet == "top":
                    best.append((position, int(value)))
                    continue
                value = str(value)
                counts.setdefault(facet, {})[value] = n
                if name_fi is not None:
                    names.setdefault(facet, {})[value] = (name_fi, name_sv, name_en, position, parent)
        total = counts.pop("total", {}).get("", 0)
        top_ids = [pk for _, pk in sorted(best)] if top and (limit is None or total < limit) else None
        return cls(total, counts, names, top_ids)

    def of_facet(self, facet) -> dict[str, int]:
        return self.counts.get(facet, {})


class Publisher(NamedTuple):
    """What the organisation, region and size facets show of an organisation that published matches.

    Plain tuples: a search at 100,000 solutions has some 300 publishers, and two model instances
    each (the organisation and its region) were a tenth of the page's Python time.
    """

    slug: str
    population: int | None
    names: tuple[str, str, str]
    region_code: str | None
    region_names: tuple[str, str, str]

    @classmethod
    def every(cls) -> dict[int, "Publisher"]:
        """Every organisation, kept once per catalogue version (a few hundred to a few thousand
        rows; a search's facets name some 300 of them at 100,000 solutions)."""
        return cached("publishers", cls.read, per_language=False)

    @classmethod
    def read(cls) -> dict[int, "Publisher"]:
        rows = Organisation.objects.values_list(
            "pk", "slug", "population", "name_fi", "name_sv", "name_en",
            "region__code", "region__name_fi", "region__name_sv", "region__name_en",
        )  # fmt: skip
        return {
            pk: cls(slug, population, (fi, sv, en), region, (region_fi, region_sv, region_en))
            for pk, slug, population, fi, sv, en, region, region_fi, region_sv, region_en in rows
        }


def _language_index() -> int:
    """Where the active language's name is in a (fi, sv, en) tuple."""
    return {"sv": 1, "en": 2}.get((get_language() or "fi")[:2], 0)


def localized_name(names: tuple, index: int | None = None) -> str:
    """The name in the active language (``index``: ``_language_index()``, for a loop over many),
    falling back to Finnish."""
    if index is None:
        index = _language_index()
    return names[index] or names[0]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False
    depth: int = 0


@dataclass
class Facet:
    name: str
    legend: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


def _facet(filterset, name, rows) -> Facet:
    """Options from (value, label, count, depth) rows, keeping selected values even when now empty."""
    selected = filterset.selected(name)
    options = [
        FacetOption(value=value, label=label, count=count, selected=value in selected, depth=depth)
        for value, label, count, depth in rows
        if value
    ]
    present = {option.value for option in options}
    # A ticked value that nothing matches any more stays visible, so that it can be unticked.
    missing = [value for value in dict.fromkeys(selected) if value not in present]
    labels = _labels_of(name, missing) if missing else {}
    options += [
        FacetOption(value=value, label=labels.get(value, value), count=0, selected=True) for value in missing
    ]
    return Facet(name=name, legend=str(filterset.filters[name].label), options=options)


def _labels_of(name: str, values: list[str]) -> dict[str, str]:
    """Names of facet values in the active language, for ticked values that now match nothing."""
    choices = {"kind": SolutionKind, "lifecycle": Lifecycle, "size": SizeClass, "used_by_size": SizeClass}
    if name in choices:
        return {value: str(label) for value, label in choices[name].choices if value in values}
    models = {
        "organisation": (Organisation, "slug"),
        "region": (Region, "code"),
        "used_in_region": (Region, "code"),
        "service_class": (ServiceClass, "code"),
        "life_event": (LifeEvent, "code"),
        "tag": (Tag, "slug"),
    }
    if name not in models:
        return {}  # e.g. a licence, whose value is its name
    model, key = models[name]
    found = model.objects.filter(**{f"{key}__in": values})
    return {getattr(item, key): str(item.name) for item in found}


def _choice_facet(name, choices):
    labels = dict(choices)

    def build(filterset):
        counts = filterset.counts_for(name).of_facet(name)
        rows = [(value, labels[value], counts[value], 0) for value in labels if counts.get(value)]
        return _facet(filterset, name, rows)

    return build


def _licence_facet(filterset):
    counts = filterset.counts_for("licence").of_facet("licence")
    rows = sorted((licence, n) for licence, n in counts.items() if licence)
    return _facet(filterset, "licence", [(licence, licence, n, 0) for licence, n in rows])


def _organisation_facet(filterset):
    language = _language_index()
    shared = filterset.counts_for("organisation")
    counts = shared.of_facet("organisation")
    options = sorted(
        (
            (org.slug, localized_name(org.names, language), counts[str(pk)], 0)
            for pk, org in shared.organisations.items()
        ),
        key=lambda option: option[1].lower(),
    )
    return _facet(filterset, "organisation", options)


def _region_facet(filterset):
    language = _language_index()
    shared = filterset.counts_for("region")
    counts, named = {}, {}
    for pk, org in shared.organisations.items():
        if org.region_code:
            counts[org.region_code] = (
                counts.get(org.region_code, 0) + shared.of_facet("organisation")[str(pk)]
            )
            named[org.region_code] = localized_name(org.region_names, language)
    return _facet(filterset, "region", [(code, named[code], counts[code], 0) for code in sorted(counts)])


def _size_facet(filterset):
    shared = filterset.counts_for("size")
    counts: dict = {}
    for pk, org in shared.organisations.items():
        size = size_class_for(org.population) or ""
        counts[size] = counts.get(size, 0) + shared.of_facet("organisation")[str(pk)]
    rows = [(value, label, counts[value], 0) for value, label in SizeClass.choices if counts.get(value)]
    return _facet(filterset, "size", rows)


def _tag_facet(filterset):
    language = _language_index()
    # The most used first, as a tag cloud would, named in the reader's language where named so.
    shared = filterset.counts_for("tag")
    names = shared.names.get("tag", {})
    rows = sorted(
        ((slug, localized_name(names[slug][:3], language), n) for slug, n in shared.of_facet("tag").items()),
        key=lambda row: (-row[2], row[1]),
    )
    return _facet(filterset, "tag", [(slug, name, n, 0) for slug, name, n in rows])


class _CountedClass:
    """A service class as the shared counts give it (the attributes the facet reads)."""

    def __init__(self, code, n, names, language):
        name_fi, name_sv, name_en, position, parent = names
        self.pk = self.code = code
        self.parent_id = parent
        self.name = localized_name((name_fi, name_sv, name_en), language)
        self.solution_count = n
        self.position = position or 0


def _service_class_facet(filterset):
    language = _language_index()
    shared = filterset.counts_for("service_class")
    names = shared.names.get("service_class", {})
    classes = sorted(
        (
            _CountedClass(code, n, names[code], language)
            for code, n in shared.of_facet("service_class").items()
        ),
        key=lambda item: (item.position, item.code),
    )
    # Children are listed under their parent, indented; a child whose parent has no count stands alone.
    by_parent: dict = {}
    for service_class in classes:
        by_parent.setdefault(service_class.parent_id, []).append(service_class)
    shown_ids = {service_class.pk for service_class in classes}
    rows = []
    for service_class in classes:
        if service_class.parent_id in shown_ids:
            continue
        rows.append((service_class.code, service_class.name, service_class.solution_count, 0))
        for child in by_parent.get(service_class.pk, []):
            rows.append((child.code, child.name, child.solution_count, 1))
    return _facet(filterset, "service_class", rows)


def _life_event_facet(filterset):
    language = _language_index()
    shared = filterset.counts_for("life_event")
    names = shared.names.get("life_event", {})
    rows = sorted(
        (names[code][3] or 0, code, localized_name(names[code][:3], language), n)
        for code, n in shared.of_facet("life_event").items()
    )
    return _facet(filterset, "life_event", [(code, name, n, 0) for _position, code, name, n in rows])


def _used_in_region_facet(filterset):
    shared = filterset.counts_for("used_in_region")
    names = shared.names.get("used_in_region", {})
    counts = shared.of_facet("used_in_region")
    language = _language_index()
    options = [(code, localized_name(names[code][:3], language), counts[code], 0) for code in sorted(counts)]
    own = filterset.own_organisations()
    if own:
        # A member is offered their own organisations' regions, named as such.
        mine = {org.region.code: org for org in own if org.region_id}
        options = [
            (
                code,
                _("%(region)s (region of %(organisation)s)")
                % {"region": label, "organisation": mine[code].name},
                n,
                depth,
            )
            for code, label, n, depth in options
            if code in mine
        ]
    return _facet(filterset, "used_in_region", options)


def _used_by_size_facet(filterset):
    counts = filterset.counts_for("used_by_size").of_facet("used_by_size")
    labels = dict(SizeClass.choices)
    own = filterset.own_organisations()
    if own:
        mine = {}
        for org in own:
            mine.setdefault(size_class_for(org.population), org)
        labels = {
            value: _("%(size)s (like %(organisation)s)") % {"size": label, "organisation": mine[value].name}
            for value, label in labels.items()
            if value in mine
        }
    rows = [(value, label, counts[value], 0) for value, label in labels.items() if counts.get(value)]
    return _facet(filterset, "used_by_size", rows)


# Which of SharedCounts' parts each facet reads, when it counts on its own (with a selection).
FACET_PARTS = {
    "kind": {"kind"},
    "lifecycle": {"lifecycle"},
    "licence": {"licence"},
    "organisation": {"organisation"},
    "region": {"organisation"},
    "size": {"organisation"},
    "tag": {"tag"},
    "service_class": {"service_class"},
    "life_event": {"life_event"},
    "used_in_region": {"used_in_region"},
    "used_by_size": {"used_by_size"},
}

FACET_BUILDERS = [
    _choice_facet("kind", SolutionKind.choices),
    _service_class_facet,
    _life_event_facet,
    _organisation_facet,
    _region_facet,
    _size_facet,
    _tag_facet,
    _choice_facet("lifecycle", Lifecycle.choices),
    _licence_facet,
    _used_in_region_facet,
    _used_by_size_facet,
]
