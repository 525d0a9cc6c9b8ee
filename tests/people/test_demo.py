"""The demo lists four of the demo discussion's people, once, and leaves the asker out."""

from django.utils import timezone

from municipalities.models import MembershipRole
from solutions.people.demo import DOMAIN, PEOPLE, seed_people
from solutions.people.models import Profile
from tests import factories
from tests.conftest import member_of


def test_the_demo_lists_its_people_once(db):
    factories.ServiceClassFactory(code="P27")
    organisation = factories.OrganisationFactory()
    for local, *_ in PEOPLE:
        member_of(organisation, MembershipRole.MEMBER, email=f"{local}@{DOMAIN}")
    asker = factories.UserFactory(email=f"liisa.pelkosenniemi@{DOMAIN}", email_confirmed_at=timezone.now())
    assert seed_people() == "4 people listed in the people network"
    assert seed_people() == "0 people listed in the people network"
    assert Profile.objects.listed().count() == 4
    assert not Profile.objects.filter(user=asker).exists()
    anna = Profile.objects.get(user__email=f"anna.kuhmo@{DOMAIN}")
    assert [sc.code for sc in anna.service_classes.all()] == ["P27"]
    assert anna.version == 1
