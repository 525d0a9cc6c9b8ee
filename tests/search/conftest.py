import pytest
from django.db import connection

from solutions.models import Solution
from solutions.search import get_backend


@pytest.fixture(autouse=True)
def _postgres_only(request):
    # The database in use is known only once Django is set up, so the skip happens at run time.
    if request.node.get_closest_marker("postgres_only"):
        request.getfixturevalue("db")
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL")


@pytest.fixture
def search(db):
    """Titles of the solutions a query finds, best first."""

    def run(query, queryset=None):
        queryset = Solution.objects.all() if queryset is None else queryset
        found = get_backend().search(queryset, query).order_by("-search_rank", "title")
        return list(found.values_list("title", flat=True))

    return run
