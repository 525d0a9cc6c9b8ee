"""Factories for the test suite: realistic defaults, every object valid on its own."""

import factory
from django.utils import timezone

from municipalities.models import (
    Membership,
    MembershipRole,
    MembershipState,
    Organisation,
    OrganisationKind,
    Region,
    User,
)
from solutions.models import LifeEvent, ModerationState, ServiceClass, Solution, SolutionKind


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{(n % 80) + 20:02d}")
    name_fi = factory.Sequence(lambda n: f"Maakunta {n}")
    name_sv = factory.Sequence(lambda n: f"Landskap {n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fi = factory.Sequence(lambda n: f"Testikunta {n}")
    name_sv = factory.Sequence(lambda n: f"Testkommun {n}")
    slug = factory.Sequence(lambda n: f"testikunta-{n}")
    code = factory.Sequence(lambda n: f"{900 + (n % 99):03d}" if n < 99 else None)
    kind = OrganisationKind.MUNICIPALITY
    region = factory.SubFactory(RegionFactory)
    population = 12_000


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.fi")
    display_name = factory.Sequence(lambda n: f"Käyttäjä {n}")
    password = factory.PostGenerationMethodCall("set_password", "salasana-testi-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class ServiceClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceClass
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"PT{n}")
    name_fi = factory.Sequence(lambda n: f"Palveluluokka {n}")
    name_sv = factory.Sequence(lambda n: f"Serviceklass {n}")
    name_en = factory.Sequence(lambda n: f"Service class {n}")


class LifeEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LifeEvent
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"KT{n}")
    name_fi = factory.Sequence(lambda n: f"Elämäntapahtuma {n}")
    name_sv = factory.Sequence(lambda n: f"Livssituation {n}")
    name_en = factory.Sequence(lambda n: f"Life event {n}")


class SolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Solution
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Ratkaisu {n}")
    slug = factory.Sequence(lambda n: f"ratkaisu-{n}")
    summary = "Kunnan digitaalinen palvelu, jonka muut kunnat voivat ottaa käyttöön."
    description = "Palvelu on ollut käytössä vuodesta 2021."
    kind = SolutionKind.SOFTWARE
    organisation = factory.SubFactory(OrganisationFactory)
    licence = "MIT"
    moderation_state = ModerationState.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.tags.add(*extracted)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.MEMBER
    state = MembershipState.ACTIVE
