"""CSV of any search result: the list page's query string, the list page's filter and order."""

import csv

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from solutions.filters import SolutionFilter
from solutions.interfaces.api.views import solution_rows
from solutions.models import Solution

# A spreadsheet runs a cell that starts with one of these as a formula: such cells get a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    def write(self, value):
        return value


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


@require_GET
def solutions_csv(request):
    filterset = SolutionFilter(
        request.GET, queryset=solution_rows(Solution.objects.published()), request=request
    )
    solutions = filterset.results()
    header = [
        _("Title"), _("Address"), _("Kind"), _("Organisation"), _("Lifecycle"), _("Licence"),
        _("Summary"), _("Tags"), _("Service classes"), _("Life events"), _("Organisations reusing it"),
        _("Source code repository"), _("Published"),
    ]  # fmt: skip

    def rows():
        yield header
        for solution in solutions.iterator(chunk_size=500):
            yield [
                solution.title,
                request.build_absolute_uri(solution.get_absolute_url()),
                solution.get_kind_display(),
                solution.organisation.name,
                solution.get_lifecycle_display(),
                solution.licence,
                solution.summary,
                ", ".join(sorted(tag.name for tag in solution.tags.all())),
                ", ".join(service_class.code for service_class in solution.service_classes.all()),
                ", ".join(life_event.code for life_event in solution.life_events.all()),
                solution.reuse_count,
                solution.repository_url,
                solution.published_at.date().isoformat(),
            ]

    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        ("\ufeff" if index == 0 else "") + writer.writerow([_cell(value) for value in row])
        for index, row in enumerate(rows())
    )
    response["Content-Type"] = "text/csv; charset=utf-8"
    response["Content-Disposition"] = 'attachment; filename="kuntajako-solutions.csv"'
    return response
