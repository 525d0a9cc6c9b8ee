"""Demo joint development initiatives, one in every state, and procurement documents to link.

Made through the initiatives' own services by demo people of five municipalities, so the partner
lists, the updates, both discussions and the notifications look as they would in use. The delivered
one becomes a solution of Kuhmo with Sotkamo as co-publisher, approved by a demo coordinator, and so
counts in both exchange balances. Running it again changes nothing: an initiative whose title
exists is skipped.
"""

from django.utils import timezone

from municipalities.models import Membership, MembershipRole, MembershipState, Organisation, User
from solutions.demo.seeding import seed
from solutions.initiatives.models import Initiative
from solutions.initiatives.services import discussion, initiatives, partners
from solutions.models import ItemKind, ItemState, ModerationItem, Solution, SolutionKind
from solutions.services import publishing

DOMAIN = "hankkeet.kuntajako.example"

PEOPLE = [
    # (local part, name, organisation code or slug, role)
    ("paula.kuhmo", "Paula Kemppainen", "290", MembershipRole.ADMIN),
    ("heikki.sotkamo", "Heikki Tolonen", "765", MembershipRole.ADMIN),
    ("eeva.inari", "Eeva Magga", "148", MembershipRole.ADMIN),
    ("tuula.kauhava", "Tuula Rinta", "233", MembershipRole.EDITOR),
    ("kaija.kuntaliitto", "Kaija Lehtinen", "kuntaliitto", MembershipRole.COORDINATOR),
]

PROCUREMENT_DOCUMENTS = [
    {
        "slug": "kuntaliitto-tarjouspyyntopohja-tilavaraus",
        "title": "Tarjouspyyntöpohja: sähköinen tilavarausjärjestelmä",
        "org": "kuntaliitto",
        "partners": ["233"],
        "kind": SolutionKind.PROCUREMENT,
        "summary": "Tarjouspyynnön ja vaatimusmäärittelyn pohja kunnan tilojen sähköiselle varaamiselle, "
        "avoimen lähdekoodin ja rajapintojen vaatimuksin.",
        "description": [
            "Pohja sisältää tarjouspyynnön rungon, vaatimustaulukon (pakolliset ja pisteytettävät "
            "vaatimukset) sekä sopimusliitteen lähdekoodin luovutuksesta.",
            "Vaatimuksissa on huomioitu saavutettavuus (WCAG 2.1 AA), maksaminen verkossa ja avoin "
            "varausrajapinta, jotta muut kunnat voivat käyttää samaa järjestelmää.",
        ],
        "licence": "CC-BY-4.0",
        "tags": ["hankinnat", "tarjouspyyntö", "tilavaraus"],
        "service_classes": ["P14.5"],
    },
    {
        "slug": "kuntaliitto-rajapintojen-yhteentoimivuusvaatimukset",
        "title": "Yhteentoimivuusvaatimukset kuntien rajapinnoille",
        "org": "kuntaliitto",
        "kind": SolutionKind.PROCUREMENT,
        "summary": "Hankintoihin liitettävät vaatimukset avoimista rajapinnoista, tietomalleista ja "
        "tunnistautumisesta.",
        "description": [
            "Vaatimukset on kirjoitettu niin, että ne voi liittää sellaisenaan tarjouspyyntöön: "
            "OpenAPI-kuvaus, kansalliset koodistot ja Suomi.fi-tunnistus.",
        ],
        "licence": "CC-BY-4.0",
        "tags": ["hankinnat", "rajapinnat", "yhteentoimivuus"],
    },
]

GATHERING = {
    "title": "Koulujen liikuntasalien vuorovaraus verkossa",
    "problem": "Urheiluseurat varaavat koulujen liikuntasaleja puhelimella ja sähköpostilla. Haluamme "
    "yhteisen verkkopalvelun, jossa vapaat vuorot näkyvät ja varauksen voi maksaa heti.\n\n"
    "Pohjaksi sopivat Kauhavan prosessikuvaus ja Kuntaliiton tarjouspyyntöpohja.",
    "licence": "EUPL-1.2",
    "budget_class": "medium",
    "service_classes": ["P2.5"],
    "linked_solutions": ["kauhava-tilavarauksen-prosessi", "kuntaliitto-tarjouspyyntopohja-tilavaraus"],
}
AGREED = {
    "title": "Kirjastoauton reaaliaikainen sijainti",
    "problem": "Kirjastoauton asiakkaat haluavat tietää, milloin auto on pysäkillä. Laajennetaan Inarin "
    "aikataulurajapintaa reaaliaikaisella sijainnilla.",
    "licence": "MIT",
    "budget_class": "small",
    "linked_solutions": ["inari-kirjastoauton-aikataulut-api"],
}
IN_DEVELOPMENT = {
    "title": "Varhaiskasvatuksen paikkatilanne avoimena datana",
    "problem": "Perheet ja palveluohjaus tarvitsevat ajantasaisen tiedon vapaista "
    "varhaiskasvatuspaikoista. Julkaistaan paikkatilanne avoimena rajapintana.",
    "licence": "EUPL-1.2",
    "budget_class": "large",
    "service_classes": ["P3.4"],
    "linked_solutions": ["kuntaliitto-rajapintojen-yhteentoimivuusvaatimukset"],
}
DELIVERED = {
    "title": "Avustushakemusten yhteinen lomakepohja",
    "problem": "Pienet kunnat tarvitsevat kevyen tavan ottaa vastaan yhdistysten avustushakemuksia "
    "verkossa ilman omaa kehitystiimiä.",
    "licence": "EUPL-1.2",
    "budget_class": "small",
}
CLOSED = {
    "title": "Yhteinen chatbot kunnan neuvontaan",
    "problem": "Neuvontapalvelun yleisimpiin kysymyksiin vastaava keskustelubotti kaikille kumppaneille.",
    "budget_class": "unknown",
}


def _people():
    people = {}
    refs = [ref for _local, _name, ref, _role in PEOPLE]
    organisations = {org.code: org for org in Organisation.objects.filter(code__in=refs)}
    organisations.update({org.slug: org for org in Organisation.objects.filter(slug__in=refs)})
    for local, name, ref, role in PEOPLE:
        organisation = organisations.get(ref)
        if organisation is None:
            continue
        user, created = User.objects.get_or_create(
            email=f"{local}@{DOMAIN}", defaults={"display_name": name, "email_confirmed_at": timezone.now()}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(
            user=user, organisation=organisation, defaults={"role": role, "state": MembershipState.ACTIVE}
        )
        people[local] = (user, organisation)
    return people


def _data(spec):
    data = {key: value for key, value in spec.items() if key != "linked_solutions"}
    data["linked_solutions"] = list(
        Solution.objects.published()
        .filter(slug__in=spec.get("linked_solutions", []))
        .values_list("pk", flat=True)
    )
    return data


def _commit(demo_people, initiative, local, **commitment):
    user, organisation = demo_people[local]
    return partners.join(initiative, organisation, user, commitment)


def seed_initiatives() -> str:
    """Create the demo initiatives that are missing; return a one-line summary."""
    seed(PROCUREMENT_DOCUMENTS)
    people = _people()
    needed = {"paula.kuhmo", "heikki.sotkamo", "eeva.inari", "tuula.kauhava"}
    if not needed <= people.keys():
        return "skipped (demo municipalities missing)"
    paula, kuhmo = people["paula.kuhmo"]
    heikki, sotkamo = people["heikki.sotkamo"]
    eeva, inari = people["eeva.inari"]
    created = 0

    def propose(spec, local):
        nonlocal created
        if Initiative.objects.filter(title=spec["title"]).exists():
            return None
        user, organisation = people[local]
        created += 1
        return initiatives.propose(organisation, user, _data(spec))

    if initiative := propose(GATHERING, "paula.kuhmo"):
        _commit(
            people,
            initiative,
            "heikki.sotkamo",
            piloting=True,
            requirements=True,
            commitment="Pilotoimme kolmessa koulussa ja kirjoitamme seurojen vaatimukset.",
        )
        _commit(
            people,
            initiative,
            "tuula.kauhava",
            people=True,
            commitment="Prosessikuvauksen tekijät mukaan määrittelyyn, noin 10 henkilötyöpäivää.",
        )
        discussion.post_message(
            initiative, heikki, sotkamo, "Sotkamo on mukana! Kenellä on kokemusta maksunvälityksestä?"
        )

    if initiative := propose(AGREED, "eeva.inari"):
        _commit(
            people,
            initiative,
            "paula.kuhmo",
            money=True,
            money_euros=15000,
            commitment="Rahoitamme paikannuslaitteet kahteen autoon.",
        )
        initiatives.agree(initiative, eeva)

    if initiative := propose(IN_DEVELOPMENT, "heikki.sotkamo"):
        _commit(people, initiative, "paula.kuhmo", people=True, piloting=True, commitment="Pilotti Kuhmossa.")
        _commit(people, initiative, "eeva.inari", requirements=True, commitment="Saamenkieliset tekstit.")
        initiatives.agree(initiative, heikki)
        initiatives.start_development(initiative, heikki)
        discussion.post_update(initiative, heikki, sotkamo, "Rajapinnan **ensimmäinen versio** on testissä.")
        discussion.post_update(initiative, paula, kuhmo, "Kuhmon päiväkodit mukana testissä syyskuusta.")
        discussion.post_message(
            initiative, paula, kuhmo, "Sovitaanko seuraava palaveri viikolle 40?", partners_only=True
        )

    if initiative := propose(DELIVERED, "paula.kuhmo"):
        _commit(
            people,
            initiative,
            "heikki.sotkamo",
            people=True,
            money=True,
            money_euros=8000,
            commitment="Puolet kehityskuluista ja testaus.",
        )
        initiatives.agree(initiative, paula)
        initiatives.start_development(initiative, paula)
        solution = initiatives.deliver(
            initiative,
            paula,
            {"kind": SolutionKind.SOFTWARE, "summary": "Kevyt verkkolomake yhdistysten avustushakemuksille."},
        )
        if "kaija.kuntaliitto" in people:
            coordinator = people["kaija.kuntaliitto"][0]
            item = ModerationItem.objects.get(
                kind=ItemKind.SUBMISSION, object_id=solution.pk, state=ItemState.OPEN
            )
            publishing.approve(item, coordinator, "Yhteiskehittämishankkeen tulos.")

    if initiative := propose(CLOSED, "paula.kuhmo"):
        _commit(people, initiative, "eeva.inari", requirements=True, commitment="Saamenkieliset vastaukset.")
        initiatives.close(
            initiative,
            paula,
            "Valtakunnallinen neuvontapalvelu kattaa tarpeen, joten erillistä bottia ei kehitetä.",
        )
    return f"{created} created"
