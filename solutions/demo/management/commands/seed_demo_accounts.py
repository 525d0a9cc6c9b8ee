"""Demo accounts for every role, so the demo can be tried as a member, an editor, an admin and a coordinator.

Every address is on an example domain that can never receive mail. Helsinki gets the demo e-mail
domain `demo-hel.example`, so signing up with an address on it shows membership granted at once.
The command refuses to run unless DEBUG is on: these accounts share one published password.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from municipalities.models import (
    EmailDomain,
    Membership,
    MembershipRole,
    MembershipState,
    Organisation,
    OrganisationKind,
    Region,
    User,
)
from solutions.demo.organisations import EXTRA_ORGANISATIONS
from solutions.demo.workflow import seed_workflow

DEMO_PASSWORD = "kuntajako-demo-2026"  # noqa: S105 - published on purpose, DEBUG only
DEMO_DOMAIN = "demo.kuntajako.example"
HELSINKI_DEMO_EMAIL_DOMAIN = "demo-hel.example"

# (municipality code, short name used in the addresses)
MUNICIPALITIES = [("091", "helsinki"), ("290", "kuhmo"), ("148", "inari")]
COORDINATING_SLUG = "kuntaliitto"

ROLE_NAMES = {
    MembershipRole.ADMIN: ("admin", "Ylläpitäjä"),
    MembershipRole.EDITOR: ("editor", "Editori"),
    MembershipRole.MEMBER: ("member", "Jäsen"),
}


def address(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


class Command(BaseCommand):
    help = (
        "Create the demo accounts (admin, editor and member in Helsinki, Kuhmo and Inari, a coordinator, "
        "an unconfirmed user and a waiting request) with one shared password. Only with DEBUG on; "
        "running it again changes nothing twice."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo_accounts only runs with DEBUG=true: demo accounts share a published password "
                "and must never exist outside the demo."
            )
        organisations = self.organisations()
        rows = []
        with transaction.atomic():
            for code, short in MUNICIPALITIES:
                organisation = organisations[code]
                for role, (word, title) in ROLE_NAMES.items():
                    user = self.account(f"{word}.{short}", f"{title} {organisation.name_fi}")
                    self.membership(user, organisation, role, MembershipState.ACTIVE)
                    rows.append((user.email, role.value, organisation.name_fi))
            coordinating = organisations[COORDINATING_SLUG]
            coordinator = self.account("coordinator", "Koordinaattori Kuntaliitto")
            self.membership(coordinator, coordinating, MembershipRole.COORDINATOR, MembershipState.ACTIVE)
            rows.append((coordinator.email, MembershipRole.COORDINATOR.value, coordinating.name_fi))

            unconfirmed = self.account("unconfirmed", "Vahvistamaton Käyttäjä", confirmed=False)
            rows.append((unconfirmed.email, "address not confirmed", "-"))
            requester = self.account("pending.kuhmo", "Odottava Pyytäjä")
            self.membership(
                requester,
                organisations["290"],
                MembershipRole.MEMBER,
                MembershipState.PENDING,
                request_message="Työskentelen Kuhmon kaupungin asiakaspalvelussa.",
            )
            rows.append((requester.email, "request waiting", organisations["290"].name_fi))

            helsinki = organisations["091"]
            EmailDomain.objects.get_or_create(
                domain=HELSINKI_DEMO_EMAIL_DOMAIN, defaults={"organisation": helsinki}
            )
            editors = {
                code: User.objects.get(email=address(f"editor.{short}")) for code, short in MUNICIPALITIES
            }
            work = seed_workflow(editors)

        self.stdout.write(
            self.style.SUCCESS(f"Demo accounts ready; every one has the password {DEMO_PASSWORD}")
        )
        width = max(len(email) for email, _, _ in rows)
        for email, role, organisation in rows:
            self.stdout.write(f"  {email:<{width}}  {role:<22} {organisation}")
        if work:
            self.stdout.write("Work in progress for the demo: " + "; ".join(work) + ".")
        self.stdout.write(
            f"Sign up with any address @{HELSINKI_DEMO_EMAIL_DOMAIN} to become a member of "
            f"{helsinki.name_fi} at once."
        )

    def organisations(self) -> dict[str, Organisation]:
        codes = [code for code, _ in MUNICIPALITIES]
        if Organisation.objects.filter(code__in=codes).count() < len(codes):
            call_command("load_municipalities", stdout=self.stdout)
        found = {org.code: org for org in Organisation.objects.filter(code__in=codes)}
        missing = sorted(set(codes) - set(found))
        if missing:
            raise CommandError(
                f"Municipalities {', '.join(missing)} are missing even after load_municipalities."
            )
        found[COORDINATING_SLUG] = self.coordinating_organisation()
        return found

    def coordinating_organisation(self) -> Organisation:
        organisation = Organisation.objects.filter(slug=COORDINATING_SLUG).first()
        if organisation is not None:
            return organisation
        values = dict(next(row for row in EXTRA_ORGANISATIONS if row["slug"] == COORDINATING_SLUG))
        region_code = values.pop("region", None)
        values["region"] = Region.objects.filter(code=region_code).first()
        values["kind"] = OrganisationKind.COORDINATOR
        return Organisation.objects.create(**values)

    def account(self, local: str, display_name: str, confirmed: bool = True) -> User:
        user, created = User.objects.get_or_create(
            email=address(local),
            defaults={
                "display_name": display_name,
                "email_confirmed_at": timezone.now() if confirmed else None,
            },
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        return user

    def membership(self, user, organisation, role, state, request_message="") -> Membership:
        membership, _ = Membership.objects.update_or_create(
            user=user,
            organisation=organisation,
            defaults={"role": role, "state": state, "request_message": request_message},
        )
        return membership
