"""Demo reuse: which demo organisations pilot or use which demo solutions, with their experiences.

Organisations are referred to by municipality code; adoptions are written by (organisation,
solution), so running the demo again changes nothing twice. A missing organisation or solution is
skipped quietly: the demo may have been loaded only in part.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction

from municipalities.models import Organisation
from solutions.community.models import Adoption, AdoptionEvent, AdoptionStatus
from solutions.models import Solution

IN_USE, PILOTING, INTERESTED, STOPPED = (
    AdoptionStatus.IN_USE,
    AdoptionStatus.PILOTING,
    AdoptionStatus.INTERESTED,
    AdoptionStatus.STOPPED,
)

# (solution slug, municipality code, status, since, experience, euros a year, hours a year)
ADOPTIONS = [
    ("kauhava-tilavarauksen-prosessi", "743", IN_USE, date(2024, 2, 1),
     "Otimme prosessikuvauksen pohjaksi omalle tilavaraukselle. Kuvaus säästi meiltä arviolta kuukauden "
     "suunnittelutyön, ja hinnoitteluosuus oli suoraan käyttökelpoinen.", Decimal("8000"), 160),
    ("kauhava-tilavarauksen-prosessi", "005", PILOTING, date(2025, 8, 15),
     "Kokeilemme mallia koulujen liikuntasaleissa syyslukukauden ajan.", None, None),
    ("kauhava-tilavarauksen-prosessi", "564", INTERESTED, None, "", None, None),
    ("sotkamo-varhaiskasvatuksen-haku", "290", IN_USE, date(2023, 9, 1),
     "Sama palvelu toimii meillä pienellä muokkauksella. Hakemusten käsittelyaika lyheni viikosta kahteen "
     "päivään.", Decimal("4500"), 220),
    ("sotkamo-varhaiskasvatuksen-haku", "205", PILOTING, date(2025, 3, 1),
     "Pilotti kahdessa päiväkodissa. Integraatio asiakastietojärjestelmään vaati eniten työtä.", None, 60),
    ("ylojarvi-ruokalistarajapinta", "837", IN_USE, date(2022, 11, 1),
     "Rajapinta syöttää ruokalistat koulujen infonäytöille ja kaupungin sovellukseen.", None, 300),
    ("ylojarvi-ruokalistarajapinta", "536", IN_USE, date(2024, 1, 10),
     "Käyttöönotto oli helppo: avoin lisenssi ja selkeä dokumentaatio.", Decimal("2000"), None),
    ("ylojarvi-ruokalistarajapinta", "604", STOPPED, date(2023, 5, 1),
     "Siirryimme ruokapalvelutoimittajan omaan rajapintaan kilpailutuksen jälkeen.", None, None),
    ("inari-kirjastoauton-aikataulut-api", "698", IN_USE, date(2024, 6, 1),
     "Kirjastoauton pysäkit näkyvät nyt reittioppaassa. Asiakkaat löytävät pysäkit paremmin.", None, 80),
    ("inari-kirjastoauton-aikataulut-api", "320", INTERESTED, None,
     "Selvitämme, sopiiko rajapinta seutukirjastomme järjestelmään.", None, None),
    ("kempele-palaute-asianhallintaan", "564", PILOTING, date(2025, 1, 20),
     "Kokeilu palautteen ohjauksesta suoraan asianhallintaan. Ensimmäiset kokemukset ovat hyviä.",
     None, None),
    ("kempele-palaute-asianhallintaan", "425", IN_USE, date(2023, 4, 1),
     "Palautteet eivät enää huku sähköpostiin, ja vastausaika on puolittunut.", Decimal("6000"), 400),
    ("kemijarvi-avustushaku-verkkoon", "732", IN_USE, date(2024, 2, 15),
     "Pienessä kunnassa tämä oli juuri sopivan kevyt ratkaisu. Kiitos Kemijärvelle neuvoista!",
     Decimal("1500"), 90),
    ("kemijarvi-avustushaku-verkkoon", "758", PILOTING, date(2025, 9, 1), "", None, None),
    ("hollola-erityisruokavalioilmoitus", "398", IN_USE, date(2023, 8, 1),
     "Erityisruokavalioilmoitukset tulevat nyt suoraan keittiöille, eikä paperilomakkeita tarvita.",
     Decimal("3000"), 250),
    ("pieksamaki-vesimittarin-lukema", "297", INTERESTED, None,
     "Vesilaitoksemme harkitsee samaa mallia ensi vuonna.", None, None),
    ("pieksamaki-vesimittarin-lukema", "178", IN_USE, date(2024, 10, 1),
     "Lukemien ilmoittaminen verkossa vähensi puheluita merkittävästi.", Decimal("2500"), 120),
]  # fmt: skip


def seed_reuse() -> int:
    """Create the demo adoptions that are missing; returns how many were created."""
    solutions = {
        solution.slug: solution
        for solution in Solution.objects.published().filter(slug__in={row[0] for row in ADOPTIONS})
    }
    organisations = {
        org.code: org for org in Organisation.objects.filter(code__in={row[1] for row in ADOPTIONS})
    }
    created_count = 0
    with transaction.atomic():
        for slug, code, status, since, experience, euros, hours in ADOPTIONS:
            solution, organisation = solutions.get(slug), organisations.get(code)
            if solution is None or organisation is None or solution.organisation_id == organisation.pk:
                continue
            adoption, created = Adoption.objects.update_or_create(
                organisation=organisation,
                solution=solution,
                defaults={
                    "status": status,
                    "since": since,
                    "experience": experience,
                    "savings_euros_per_year": euros,
                    "savings_hours_per_year": hours,
                },
            )
            if created:
                created_count += 1
                AdoptionEvent.objects.create(adoption=adoption, status=status)
    return created_count
