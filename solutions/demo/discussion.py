"""Demo discussion: comments on a few solutions and help requests between municipalities.

The people are demo accounts on an example domain without a usable password (nobody logs in as them).
Everything is found by natural keys before it is created, so running the seeding again adds nothing.
"""

from django.db import transaction
from django.utils import timezone

from municipalities.models import Membership, MembershipRole, MembershipState, Organisation, User
from solutions.community.models import Answer, Comment, HelpRequest, PostState
from solutions.models import Solution

DOMAIN = "keskustelu.kuntajako.example"

# (local part, display name, municipality code)
PEOPLE = [
    ("anna.kuhmo", "Anna Heikkinen", "290"),
    ("mikko.inari", "Mikko Aikio", "148"),
    ("sari.sotkamo", "Sari Kinnunen", "765"),
    ("juha.kauhava", "Juha Mäkelä", "233"),
    ("liisa.pelkosenniemi", "Liisa Korhonen", "583"),
]

COMMENTS = [
    # (solution slug, author, text, reply to the comment with this text)
    (
        "kauhava-tilavarauksen-prosessi",
        "anna.kuhmo",
        "Otimme prosessikuvauksen pohjaksi Kuhmossa. Kuittausviestin mallipohja säästi paljon aikaa.",
        None,
    ),
    (
        "kauhava-tilavarauksen-prosessi",
        "juha.kauhava",
        "Hienoa kuulla! Päivitimme juuri avainten luovutuksen vaiheen, katsokaa uusin BPMN-tiedosto.",
        "Otimme prosessikuvauksen pohjaksi Kuhmossa. Kuittausviestin mallipohja säästi paljon aikaa.",
    ),
    (
        "inari-kirjastoauton-aikataulut-api",
        "sari.sotkamo",
        "Onko rajapinnalle tulossa pysäkkien koordinaatit? Haluaisimme näyttää kirjastoauton kartalla.",
        None,
    ),
    (
        "inari-kirjastoauton-aikataulut-api",
        "mikko.inari",
        "Koordinaatit ovat jo mukana kentässä location. Lisäämme esimerkin dokumentaatioon.",
        "Onko rajapinnalle tulossa pysäkkien koordinaatit? Haluaisimme näyttää kirjastoauton kartalla.",
    ),
]

HELP_REQUESTS = [
    {
        "author": "liisa.pelkosenniemi",
        "title": "Miten hoidatte liikuntavuorojen varaukset pienessä kunnassa?",
        "question": (
            "Meillä liikuntasalien vuorot varataan vielä **puhelimella ja sähköpostilla**. Kunnassa ei ole "
            "omaa IT-henkilöstöä.\n\n- Onko kokemuksia valmiista varausjärjestelmistä?\n"
            "- Mitä käyttöönotto maksoi?"
        ),
        "tags": ["tilavaraus", "liikunta"],
        "answers": [
            (
                "anna.kuhmo",
                "Kuhmossa käytämme Kauhavan kuvaamaa tilavarausprosessia. Aloittakaa prosessista, "
                "järjestelmä valitaan sen jälkeen.",
                ["kauhava-tilavarauksen-prosessi"],
            ),
            ("juha.kauhava", "Voimme esitellä prosessimme etäyhteydellä, ottakaa yhteyttä.", []),
        ],
        "accepted": 0,
    },
    {
        "author": "sari.sotkamo",
        "title": "Kokemuksia kirjastoauton aikataulujen julkaisemisesta avoimena datana?",
        "question": "Haluaisimme julkaista kirjastoauton pysäkit ja aikataulut rajapintana. Mistä aloittaa?",
        "tags": ["kirjasto", "avoin data"],
        "answers": [
            (
                "mikko.inari",
                "Inarin rajapinta on avoimen lähdekoodin, voitte ottaa sen käyttöön sellaisenaan.",
                ["inari-kirjastoauton-aikataulut-api"],
            ),
        ],
        "accepted": None,
    },
    {
        "author": "mikko.inari",
        "title": "Saamenkielinen asiointi verkkolomakkeilla",
        "question": "Onko jollain kunnalla saamenkielisiä sähköisiä lomakkeita? Etsimme mallia käännöksille.",
        "tags": ["kielet", "lomakkeet"],
        "answers": [],
        "accepted": None,
    },
]


def _people():
    people = {}
    organisations = {org.code: org for org in Organisation.objects.filter(code__in=[p[2] for p in PEOPLE])}
    for local, name, code in PEOPLE:
        organisation = organisations.get(code)
        if organisation is None:
            continue
        user, created = User.objects.get_or_create(
            email=f"{local}@{DOMAIN}",
            defaults={"display_name": name, "email_confirmed_at": timezone.now()},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(
            user=user,
            organisation=organisation,
            defaults={"role": MembershipRole.MEMBER, "state": MembershipState.ACTIVE},
        )
        people[local] = (user, organisation)
    return people


def seed_discussion() -> str:
    """Create the demo comments and help requests that are missing; return a one-line summary."""
    created = {"comments": 0, "help requests": 0, "answers": 0}
    with transaction.atomic():
        people = _people()
        solutions = {
            s.slug: s for s in Solution.objects.published().filter(slug__in=[c[0] for c in COMMENTS])
        }
        for slug, local, text, reply_to in COMMENTS:
            if slug not in solutions or local not in people:
                continue
            user, organisation = people[local]
            parent = (
                Comment.objects.filter(solution=solutions[slug], body=reply_to).first() if reply_to else None
            )
            _, new = Comment.objects.get_or_create(
                solution=solutions[slug],
                author=user,
                body=text,
                defaults={"organisation": organisation, "parent": parent, "state": PostState.PUBLISHED},
            )
            created["comments"] += new
        for entry in HELP_REQUESTS:
            if entry["author"] not in people:
                continue
            user, organisation = people[entry["author"]]
            help_request, new = HelpRequest.objects.get_or_create(
                author=user,
                title=entry["title"],
                defaults={
                    "organisation": organisation,
                    "question": entry["question"],
                    "state": PostState.PUBLISHED,
                },
            )
            created["help requests"] += new
            if new:
                help_request.tags.set(entry["tags"])
            answers = []
            for local, text, slugs in entry["answers"]:
                if local not in people:
                    continue
                answerer, answer_org = people[local]
                answer, new = Answer.objects.get_or_create(
                    help_request=help_request,
                    author=answerer,
                    body=text,
                    defaults={"organisation": answer_org, "state": PostState.PUBLISHED},
                )
                if new:
                    answer.solutions.set(Solution.objects.published().filter(slug__in=slugs))
                created["answers"] += new
                answers.append(answer)
            if entry["accepted"] is not None and answers and not help_request.accepted_answer_id:
                help_request.accepted_answer = answers[entry["accepted"]]
                help_request.solved_at = timezone.now()
                help_request.save(update_fields=["accepted_answer", "solved_at"])
    return ", ".join(f"{count} {name}" for name, count in created.items()) + " created"
