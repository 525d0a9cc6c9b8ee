"""The benchmark seeder: many varied, published, searchable solutions."""

from io import StringIO

import pytest
from django.core.management import call_command

from municipalities.models import Organisation
from solutions.models import ModerationState, Solution
from solutions.search import get_backend
from tests import factories


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_bench", *args, stdout=out)
    return out.getvalue()


def bench():
    return Solution.objects.filter(slug__startswith="bench-").order_by("slug")


@pytest.fixture
def seeded(db):
    return seed("--solutions", "30", "--seed", "3")


def test_seeds_published_solutions_on_an_empty_database(seeded):
    solutions = list(bench().prefetch_related("tags", "service_classes", "life_events"))
    assert len(solutions) == 30
    assert Organisation.objects.municipalities().count() == 308
    assert all(s.moderation_state == ModerationState.PUBLISHED and s.published_at for s in solutions)
    assert len({s.slug for s in solutions}) == 30
    assert all(s.title and s.summary and s.description for s in solutions)
    assert all(s.tags.all() and s.service_classes.all() for s in solutions)
    assert "Created 30 bench solutions" in seeded
    assert "Time:" in seeded


def test_solutions_vary_like_a_real_catalogue(seeded):
    solutions = list(bench().prefetch_related("tags", "life_events"))
    assert len({s.kind for s in solutions}) >= 4
    assert len({s.lifecycle for s in solutions}) >= 3
    assert len({s.licence for s in solutions}) >= 3
    assert len({s.organisation_id for s in solutions}) >= 15
    assert len({s.title for s in solutions}) >= 25
    assert len({tag.name for s in solutions for tag in s.tags.all()}) >= 20
    assert any(s.life_events.all() for s in solutions)
    assert len({s.published_at.date() for s in solutions}) >= 25
    # Municipal vocabulary, so that search benchmarks exercise Finnish stems and compounds.
    text = " ".join(s.title + " " + s.summary for s in solutions).lower()
    assert any(word in text for word in ("järjestelmä", "palvelu", "rajapinta", "malli"))


def test_same_seed_gives_the_same_solutions(seeded):
    first = list(bench().values_list("slug", "title", "summary", "kind", "organisation__code"))
    output = seed("--solutions", "30", "--seed", "3", "--replace")
    assert "Removed 30 earlier bench solutions." in output
    assert list(bench().values_list("slug", "title", "summary", "kind", "organisation__code")) == first


def test_rerun_adds_new_solutions_and_replace_keeps_real_ones(seeded):
    real = factories.SolutionFactory(slug="kirjaston-varausjarjestelma")
    first_slugs = set(bench().values_list("slug", flat=True))

    seed("--solutions", "30", "--seed", "3")
    slugs = set(bench().values_list("slug", flat=True))
    assert len(slugs) == 60
    assert first_slugs < slugs

    seed("--solutions", "5", "--replace")
    assert bench().count() == 5
    assert Solution.objects.filter(pk=real.pk).exists()


def test_seeded_solutions_are_found_by_search(seeded):
    solution = bench().filter(language="fi").first()
    found = get_backend().search(Solution.objects.published(), solution.title)
    assert solution in found
