"""Demo people network: four of the demo discussion's people list their expertise; one does not.

Runs after the discussion's seeding, whose people it lists (accounts on an example domain that nobody
logs in as). A person already listed is left as they are, so running it again changes nothing; a
missing person or service class is skipped quietly: the demo may have been loaded only in part.
"""

from django.db import transaction

from municipalities.models import User
from solutions.models import ServiceClass
from solutions.people.models import Profile
from solutions.people.services import profiles

# The demo discussion's people (solutions.demo.discussion, which seeds them first).
DOMAIN = "keskustelu.kuntajako.example"

# (local part, job title, about, service classes, keywords, languages). Liisa Korhonen of
# Pelkosenniemi, who asks for help in the demo discussion, is not listed: the directory shows only
# those who opted in.
PEOPLE = [
    (
        "anna.kuhmo",
        "Digikehittäjä",
        "Olen ottanut Kuhmossa käyttöön tilavarauksen prosessin ja sähköisiä lomakkeita. Autan mielelläni "
        "pieniä kuntia, joilla ei ole omaa IT-henkilöstöä.",
        ["P27", "P9"],
        ["tilavaraus", "liikunta", "sähköinen asiointi"],
        ["fi", "en"],
    ),
    (
        "mikko.inari",
        "Kirjastotoimenjohtaja",
        "Inarin kirjastoauton aikataulut ovat avoimena rajapintana. Puhun myös pohjoissaamea.",
        ["P25", "P18"],
        ["kirjasto", "avoin data", "rajapinnat"],
        ["fi", "se", "en"],
    ),
    (
        "sari.sotkamo",
        "Varhaiskasvatuksen palvelupäällikkö",
        "Varhaiskasvatuksen sähköinen haku ja sen integraatiot asiakastietojärjestelmään.",
        ["P3", "P6"],
        ["varhaiskasvatus", "sähköinen asiointi"],
        ["fi", "sv"],
    ),
    (
        "juha.kauhava",
        "Prosessiasiantuntija",
        "Kuvaan palveluprosesseja BPMN-muodossa. Kauhavan tilavarauksen prosessikuvaus on tehty täällä.",
        ["P27", "P9"],
        ["tilavaraus", "prosessit"],
        ["fi", "sv"],
    ),
]


def seed_people() -> str:
    """List the demo people who are not listed yet; return a one-line summary."""
    listed = 0
    classes = {sc.code: sc for sc in ServiceClass.objects.filter(parent__isnull=True)}
    with transaction.atomic():
        for local, title, bio, codes, keywords, languages in PEOPLE:
            user = User.objects.filter(email=f"{local}@{DOMAIN}").first()
            if user is None or Profile.objects.filter(user=user).exists():
                continue
            data = {
                "title": title,
                "bio": bio,
                "service_classes": [classes[code] for code in codes if code in classes],
                "tags": keywords,
                "languages": languages,
            }
            profiles.save_profile(user, data)
            listed += 1
    return f"{listed} people listed in the people network"
