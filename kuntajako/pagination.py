"""One way to paginate a list page, shared by every app."""

from django.conf import settings
from django.core.paginator import Paginator


def paginate(request, queryset, per_page=None, count=None):
    """A page of `queryset` by the `page` parameter; out-of-range numbers give the nearest page.

    ``count``, when the caller knows it already, saves the COUNT query.
    """
    paginator = Paginator(queryset, per_page or settings.SOLUTIONS_PAGE_SIZE)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    page = paginator.get_page(request.GET.get("page"))
    page.elided_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page
