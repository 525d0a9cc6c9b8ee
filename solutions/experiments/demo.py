"""Demo content for experiments and savings: two calls (one open, one closed) with experiments in
every state, and the method, period and currency of several adoptions' savings.

Written by slug and by (adoption), so running the demo again changes nothing twice. Organisations
are referred to by municipality code; a missing organisation or vocabulary entry is skipped.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from municipalities.models import Organisation
from solutions.community.models import Adoption
from solutions.experiments.models import (
    AdoptionSaving,
    Call,
    Experiment,
    ExperimentStatus,
    ReviewState,
    SavingMethod,
)
from solutions.experiments.services.experiments import QUEUE_KIND
from solutions.models import LifeEvent, ServiceClass
from solutions.services import publishing

CALLS = [
    {
        "slug": "asiointi-verkossa-2025",
        "title": "Asiointi verkossa 2025: luvat ja hakemukset",
        "theme": "Kokeillaan, miten lupa- ja hakemusasiointi siirtyy verkkoon niin, että käsittelyaika "
        "lyhenee ja neuvontaa tarvitaan vähemmän.",
        "support_offered": "Enintään 40 000 euron valtionavustus ja Kuntaliiton asiantuntijoiden sparraus.",
        "deadline": date(2025, 3, 31),
        "service_classes": ["P2", "P9"],
        "life_events": ["KE6", "KE4.2"],
    },
    {
        "slug": "perheiden-palvelut-digitaalisesti",
        "title": "Perheiden palvelut digitaalisesti",
        "theme": "Lapsiperheiden palvelut yhdestä paikasta: varhaiskasvatus, neuvola ja perhetyö.",
        "support_offered": "Kokeilurahaa 25 000 euroa ja vertaisryhmä muiden kokeilijoiden kanssa.",
        "deadline": None,  # open: 60 days from the day the demo is loaded
        "service_classes": ["P3", "P4"],
        "life_events": ["KE1"],
    },
]

# (slug, call slug, municipality code, title, hypothesis, service, service classes, measure, unit,
#  baseline, target, period, review state, status, result, savings € / h a year, lesson)
EXPERIMENTS = [
    (
        "rakennuslupa-verkossa-kauhava",
        "asiointi-verkossa-2025",
        "743",
        "Rakennuslupa kokonaan verkossa",
        "Kun hakemus ja liitteet tulevat verkossa tarkistettuina, käsittelyaika lyhenee.",
        "Rakennuslupa",
        ["P2"],
        "rakennusluvan käsittelyaika",
        "päivää",
        "42",
        "28",
        (date(2025, 5, 1), date(2025, 12, 31)),
        ReviewState.PUBLISHED,
        ExperimentStatus.FINISHED,
        "30",
        ("18000", 520),
        "Liitteiden tarkistuslista lomakkeessa vähensi täydennyspyyntöjä eniten.",
    ),
    (
        "ilmoitukset-chatbot-sotkamo",
        "asiointi-verkossa-2025",
        "765",
        "Neuvontabotti lupa-asiointiin",
        "Botti vastaa toistuviin kysymyksiin, jolloin puheluita tulee vähemmän.",
        "Lupaneuvonta",
        ["P9"],
        "neuvontapuhelut",
        "kpl viikossa",
        "150",
        "100",
        (date(2025, 5, 1), date(2025, 11, 30)),
        ReviewState.PUBLISHED,
        ExperimentStatus.FINISHED,
        "105",
        ("9500", 300),
        "Botti tarvitsee ylläpitäjän: vastaukset vanhenevat nopeasti.",
    ),
    (
        "maankayttosopimukset-sahkoisesti",
        "asiointi-verkossa-2025",
        "837",
        "Maankäyttösopimusten sähköinen allekirjoitus",
        "Sähköinen allekirjoitus nopeuttaa sopimusten valmistumista.",
        "Maankäyttösopimukset",
        ["P2"],
        "sopimuksen läpimenoaika",
        "päivää",
        "60",
        "30",
        (date(2025, 6, 1), date(2026, 5, 31)),
        ReviewState.PUBLISHED,
        ExperimentStatus.RUNNING,
        None,
        None,
        "",
    ),
    (
        "muuttoilmoitus-yhdessa-paikassa",
        "asiointi-verkossa-2025",
        "536",
        "Muuttoilmoitus kunnan palveluihin",
        "Yksi ilmoitus päivittää jätehuollon, vesilaskutuksen ja varhaiskasvatuksen tiedot.",
        "Muuttaminen kuntaan",
        ["P9"],
        "manuaaliset tietopäivitykset",
        "kpl kuukaudessa",
        "400",
        "150",
        (date(2025, 4, 1), date(2025, 9, 30)),
        ReviewState.PUBLISHED,
        ExperimentStatus.STOPPED,
        None,
        None,
        "Vesilaskutuksen järjestelmään ei saatu rajapintaa kokeilun aikana; kokeilu kannattaa "
        "aloittaa vasta, kun kaikki kolme järjestelmää ovat mukana.",
    ),
    (
        "varhaiskasvatushaku-mobiilissa",
        "perheiden-palvelut-digitaalisesti",
        "290",
        "Varhaiskasvatushaku mobiilissa",
        "Mobiiliin sopiva hakemus tuo hakemukset ajoissa ja vähentää puutteellisia hakemuksia.",
        "Varhaiskasvatukseen haku",
        ["P3"],
        "puutteelliset hakemukset",
        "% hakemuksista",
        "35",
        "15",
        (date(2026, 8, 1), date(2027, 1, 31)),
        ReviewState.PUBLISHED,
        ExperimentStatus.PLANNED,
        None,
        None,
        "",
    ),
    (
        "perhetyon-ajanvaraus",
        "perheiden-palvelut-digitaalisesti",
        "205",
        "Perhetyön ajanvaraus verkossa",
        "Kun perhe varaa ajan itse, perhetyöntekijän aikaa vapautuu asiakastyöhön.",
        "Perhetyö",
        ["P4"],
        "ajanvarauksiin kuluva aika",
        "tuntia viikossa",
        "12",
        "4",
        (date(2026, 9, 1), date(2027, 2, 28)),
        ReviewState.SUBMITTED,
        ExperimentStatus.PLANNED,
        None,
        None,
        "",
    ),
    (
        "neuvola-chat-kokeilu",
        "perheiden-palvelut-digitaalisesti",
        "564",
        "Neuvolan chat-palvelu iltaisin",
        "Iltachat vähentää päivystyskäyntejä.",
        "Neuvola",
        ["P4"],
        "päivystyskäynnit",
        "kpl kuukaudessa",
        "80",
        "60",
        (date(2026, 9, 1), date(2027, 3, 31)),
        ReviewState.REJECTED,
        ExperimentStatus.PLANNED,
        None,
        None,
        "",
    ),
]

# (solution slug, municipality code of the adopter, method, period start, period end)
ADOPTION_SAVINGS = [
    ("kauhava-tilavarauksen-prosessi", "743", SavingMethod.MEASURED, date(2024, 2, 1), None),
    ("sotkamo-varhaiskasvatuksen-haku", "290", SavingMethod.MEASURED, date(2023, 9, 1), None),
    ("ylojarvi-ruokalistarajapinta", "536", SavingMethod.ESTIMATED, date(2024, 1, 10), None),
    ("kempele-palaute-asianhallintaan", "425", SavingMethod.ESTIMATED, date(2023, 4, 1), date(2025, 12, 31)),
]


def _codes(model, codes):
    return list(model.objects.filter(code__in=codes))


@transaction.atomic
def seed_experiments() -> str:
    today = timezone.localdate()
    calls = {}
    for spec in CALLS:
        call, _created = Call.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"],
                "theme": spec["theme"],
                "support_offered": spec["support_offered"],
                "deadline": spec["deadline"] or today + timedelta(days=60),
            },
        )
        call.service_classes.set(_codes(ServiceClass, spec["service_classes"]))
        call.life_events.set(_codes(LifeEvent, spec["life_events"]))
        calls[spec["slug"]] = call
    organisations = {org.code: org for org in Organisation.objects.filter(code__isnull=False)}
    made = 0
    for (slug, call_slug, code, title, hypothesis, service, classes, measure, unit, baseline, target, period,
         review_state, status, result, saved, lesson) in EXPERIMENTS:  # fmt: skip
        organisation = organisations.get(code)
        if organisation is None or Experiment.objects.filter(slug=slug).exists():
            continue
        now = timezone.now()
        experiment = Experiment.objects.create(
            slug=slug,
            call=calls[call_slug],
            organisation=organisation,
            title=title,
            hypothesis=hypothesis,
            service_changed=service,
            measure=measure,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            period_start=period[0],
            period_end=period[1],
            review_state=review_state,
            status=status,
            measured_result=Decimal(result) if result else None,
            savings_euros_per_year=Decimal(saved[0]) if saved else None,
            savings_hours_per_year=saved[1] if saved else None,
            lesson=lesson,
            submitted_at=now,
            published_at=now if review_state == ReviewState.PUBLISHED else None,
            started_at=now if status != ExperimentStatus.PLANNED else None,
            ended_at=timezone.make_aware(datetime.combine(period[1], time(12)))
            if status in (ExperimentStatus.FINISHED, ExperimentStatus.STOPPED)
            else None,
        )
        experiment.service_classes.set(_codes(ServiceClass, classes))
        if review_state == ReviewState.SUBMITTED:
            publishing.enqueue(experiment, QUEUE_KIND, organisation=organisation, submitted_by=None)
        made += 1
    described = 0
    for solution_slug, code, method, start, end in ADOPTION_SAVINGS:
        adoption = Adoption.objects.filter(solution__slug=solution_slug, organisation__code=code).first()
        if adoption is None:
            continue
        AdoptionSaving.objects.update_or_create(
            adoption=adoption, defaults={"method": method, "period_start": start, "period_end": end}
        )
        described += 1
    return f"{len(calls)} calls, {made} experiments created, {described} adoptions' savings described"
