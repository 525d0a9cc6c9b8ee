"""Fill the catalogue with many synthetic, published solutions for search and listing benchmarks.

Titles, summaries and descriptions are put together from the vocabulary of Finnish municipal
services (kirjaston varausjärjestelmä, ateriapalvelujen tilausjärjestelmä …), in Finnish, Swedish
or English depending on the publisher's language, so that full-text search, stemming and compound
matching behave as they would on real content. Every solution is tagged and classified in line with
its service area, so facets have realistic counts. Rows go in with bulk_create, which sends no
signals, so the search index is refreshed explicitly at the end.

The same --seed on the same database gives the same solutions. Bench solutions are recognised by
their slug prefix; a rerun adds more, --replace removes the earlier ones first.
"""

import random
import re
import time
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from municipalities.models import Organisation
from solutions.models import Lifecycle, LifeEvent, ModerationState, ServiceClass, Solution, SolutionKind
from solutions.search import get_backend

SLUG_PREFIX = "bench-"

# Service area: Finnish name and genitive, Swedish genitive, English name, PTV service classes,
# PTV life events, tags.
DOMAINS = [
    ("kirjasto", "kirjaston", "bibliotekets", "library", ["P25.1"], [], ["kirjasto", "lainaus"]),
    ("varhaiskasvatus", "varhaiskasvatuksen", "småbarnspedagogikens", "early childhood education",
     ["P3.4", "P6.1"], ["KE1"], ["varhaiskasvatus", "päiväkoti"]),
    ("ateriapalvelu", "ateriapalvelujen", "måltidstjänsternas", "meal services", ["P5.20"], [],
     ["ruokapalvelut", "kouluruoka"]),
    ("kotihoito", "kotihoidon", "hemvårdens", "home care", ["P4.3", "P4.2"], ["KE10", "KE13"],
     ["ikäihmiset", "kotihoito"]),
    ("liikuntapalvelu", "liikuntapalvelujen", "idrottstjänsternas", "sports services", ["P27.1"], [],
     ["liikunta", "tilavaraus"]),
    ("rakennusvalvonta", "rakennusvalvonnan", "byggnadstillsynens", "building control", ["P2.1"], ["KE6"],
     ["rakennuslupa", "lupapalvelut"]),
    ("kaavoitus", "kaavoituksen", "planläggningens", "land use planning", ["P2.3"], ["KE6"],
     ["kaavoitus", "paikkatieto"]),
    ("jätehuolto", "jätehuollon", "avfallshanteringens", "waste management", ["P23.2"], [],
     ["jätehuolto", "kiertotalous"]),
    ("vesihuolto", "vesihuollon", "vattenförsörjningens", "water supply", ["P23.3"], [],
     ["vesihuolto", "etäluenta"]),
    ("joukkoliikenne", "joukkoliikenteen", "kollektivtrafikens", "public transport", ["P16.5"], [],
     ["joukkoliikenne", "reittiopas"]),
    ("perusopetus", "perusopetuksen", "den grundläggande utbildningens", "basic education", ["P6.2"], [],
     ["koulut", "oppilashallinto"]),
    ("nuorisotyö", "nuorisotyön", "ungdomsarbetets", "youth work", ["P28.1", "P28.4"], [],
     ["nuoret", "harrastukset"]),
    ("kulttuuripalvelu", "kulttuuripalvelujen", "kulturtjänsternas", "cultural services",
     ["P25.2", "P25.3"], [], ["kulttuuri", "tapahtumat"]),
    ("asiakaspalvelu", "asiakaspalvelun", "kundtjänstens", "customer service", ["P9.4", "P9.6"], [],
     ["asiakaspalaute", "neuvonta"]),
    ("työllisyyspalvelu", "työllisyyspalvelujen", "sysselsättningstjänsternas", "employment services",
     ["P10.1", "P10.7"], ["KE8"], ["työllisyys", "työnhaku"]),
    ("kotouttaminen", "kotouttamisen", "integrationens", "integration of immigrants", ["P4.11", "P22.3"],
     ["KE5"], ["maahanmuutto", "kielikoulutus"]),
    ("talous- ja velkaneuvonta", "talous- ja velkaneuvonnan", "ekonomi- och skuldrådgivningens",
     "debt advice", ["P15.1"], ["KE9"], ["talous", "neuvonta"]),
    ("hankinta", "hankintojen", "upphandlingens", "procurement", ["P14.5"], [], ["hankinnat", "sopimukset"]),
    ("tilahallinta", "tilahallinnan", "lokalförvaltningens", "facilities management", ["P2.4", "P2.5"], [],
     ["kiinteistöt", "energia"]),
    ("kadunpito", "kadunpidon", "gatuunderhållets", "street maintenance", ["P16.7"], [],
     ["katujen kunnossapito", "palautteet"]),
    ("ympäristöterveydenhuolto", "ympäristöterveydenhuollon", "miljöhälsovårdens", "environmental health",
     ["P23.7", "P5.21"], [], ["valvonta", "ympäristö"]),
    ("neuvola", "neuvolan", "rådgivningens", "child health clinic", ["P5.2"], ["KE1"],
     ["perheet", "neuvola"]),
    ("mielenterveyspalvelu", "mielenterveyspalvelujen", "mentalvårdstjänsternas", "mental health services",
     ["P5.7"], ["KE11"], ["hyvinvointi", "mielenterveys"]),
    ("omaishoito", "omaishoidon", "närståendevårdens", "informal care", ["P5.14"], ["KE13"],
     ["omaishoito", "ikäihmiset"]),
    ("asukasosallisuus", "asukasosallisuuden", "invånardelaktighetens", "resident participation", ["P8.3"],
     [], ["osallisuus", "osallistuva budjetointi"]),
    ("pysäköinti", "pysäköinnin", "parkeringens", "parking", ["P16.4"], [], ["pysäköinti", "liikenne"]),
    ("arkistotoimi", "arkistotoimen", "arkivväsendets", "records management", ["P25.4", "P9.2"], [],
     ["arkistointi", "tiedonhallinta"]),
    ("henkilöstöhallinto", "henkilöstöhallinnon", "personalförvaltningens", "human resources",
     ["P12.2", "P12.4"], [], ["henkilöstö", "rekrytointi"]),
    ("pelastustoimi", "pelastustoimen", "räddningsväsendets", "rescue services", ["P19.1"], [],
     ["turvallisuus", "valmius"]),
    ("matkailu", "matkailun", "turismens", "tourism", ["P17.1"], [], ["matkailu", "tapahtumat"]),
    ("asumisneuvonta", "asumisneuvonnan", "boenderådgivningens", "housing advice", ["P1.1", "P1.4"],
     ["KE4", "KE4.1"], ["asuminen", "neuvonta"]),
    ("kirjaamo", "kirjaamon", "registratorskontorets", "registry office", ["P9.2", "P9.3"], [],
     ["asianhallinta", "tiedonhallinta"]),
    ("viestintä", "viestinnän", "kommunikationens", "communications", ["P9.5", "P26.1"], [],
     ["viestintä", "verkkosivut"]),
    ("oppilashuolto", "oppilashuollon", "elevvårdens", "pupil welfare", ["P4.9", "P5.9"], ["KE3"],
     ["koulut", "hyvinvointi"]),
]  # fmt: skip

# What a solution of each kind is called: (Finnish, Swedish, English).
HEADS = {
    SolutionKind.SOFTWARE: [
        ("varausjärjestelmä", "bokningssystem", "booking system"),
        ("ajanvarausjärjestelmä", "tidsbokningssystem", "appointment booking"),
        ("asiakaspalautejärjestelmä", "kundresponssystem", "customer feedback system"),
        ("mobiilisovellus", "mobilapp", "mobile app"),
        ("verkkopalvelu", "webbtjänst", "online service"),
        ("tilausjärjestelmä", "beställningssystem", "ordering system"),
        ("raportointityökalu", "rapporteringsverktyg", "reporting tool"),
        ("karttapalvelu", "karttjänst", "map service"),
        ("neuvontabotti", "rådgivningsbot", "advice chatbot"),
        ("jonotusjärjestelmä", "kösystem", "queue management system"),
        ("tilannekuvanäkymä", "lägesbild", "situational dashboard"),
        ("sähköinen lomake", "e-blankett", "e-form"),
    ],
    SolutionKind.API: [
        ("rajapinta", "gränssnitt", "API"),
        ("avoimen datan rajapinta", "öppna data-gränssnitt", "open data API"),
        ("REST-rajapinta", "REST-gränssnitt", "REST API"),
        ("paikkatietorajapinta", "geodatagränssnitt", "geospatial API"),
        ("tapahtumarajapinta", "händelsegränssnitt", "events API"),
    ],
    SolutionKind.PROCESS: [
        ("prosessikuvaus", "processbeskrivning", "process description"),
        ("palvelupolku", "servicestig", "service path"),
        ("asiakasprosessi", "kundprocess", "customer process"),
        ("palvelumalli", "servicemodell", "service model"),
    ],
    SolutionKind.INTEGRATION: [
        ("integraatio", "integration", "integration"),
        ("laskutusintegraatio", "faktureringsintegration", "invoicing integration"),
        ("Suomi.fi-viestit-integraatio", "Suomi.fi-meddelanden-integration", "Suomi.fi Messages integration"),
        ("ohjelmistorobotti", "programvarurobot", "software robot"),
        ("tunnistusintegraatio", "identifieringsintegration", "identification integration"),
    ],
    SolutionKind.PRACTICE: [
        ("toimintamalli", "verksamhetsmodell", "operating model"),
        ("yhteistyömalli", "samarbetsmodell", "cooperation model"),
        ("digituen malli", "modell för digitalt stöd", "digital support model"),
        ("hyvä käytäntö", "god praxis", "good practice"),
    ],
    SolutionKind.EXPERIENCE: [
        ("käyttöönotto", "ibruktagande", "roll-out"),
        ("pilottikokeilu", "pilotförsök", "pilot"),
        ("kilpailutus", "konkurrensutsättning", "tendering"),
        ("digitalisointi", "digitalisering", "digitalisation"),
    ],
}

ADJECTIVES = ["Sähköinen", "Uusi", "Yhteinen", "Avoin", "Automaattinen", "Saavutettava", "Kevyt"]

TECHNOLOGIES = [
    ("Python ja Django", ["python", "django"]),
    ("Java ja Spring Boot", ["java"]),
    (".NET", ["dotnet"]),
    ("React ja TypeScript", ["react"]),
    ("Vue.js", ["vue"]),
    ("Drupal", ["drupal"]),
    ("WordPress", ["wordpress"]),
    ("PostgreSQL ja PostGIS", ["postgresql", "paikkatieto"]),
    ("Power Automate", ["power automate"]),
    ("UiPath", ["rpa"]),
    ("QGIS", ["paikkatieto"]),
    ("Power BI", ["power bi", "raportointi"]),
]
GENERAL_TAGS = ["saavutettavuus", "avoin lähdekoodi", "tekoäly", "suomi.fi", "tietosuoja", "mobiili",
                "sähköinen asiointi", "avoin data", "kuntayhteistyö", "pienet kunnat"]  # fmt: skip
REPLACED = ["Excel-taulukot", "paperilomakkeet", "sähköpostilla kulkevat hakemukset", "puhelinjonot",
            "Webropol", "vanha asiakastietojärjestelmä", "Access-tietokanta"]  # fmt: skip

SUMMARY_FI = [
    "{Head} helpottaa {gen} arkea ja vähentää manuaalista työtä.",
    "Asukkaat hoitavat {gen} asiat verkossa ilman jonottamista.",
    "{Head} kokoaa {gen} tiedot yhteen näkymään.",
    "{Head} korvaa paperilomakkeet ja sähköpostit yhdellä sähköisellä palvelulla.",
    "Kuntalaiset saavat {gen} ilmoitukset tekstiviestillä tai Suomi.fi-viestien kautta.",
    "{Head} on tehty {gen} henkilöstön ja asukkaiden kanssa yhdessä.",
]
SUMMARY_FI_MORE = [
    "Käytössä vuodesta {year}.",
    "Käyttöönotto kesti noin {months} kuukautta.",
    "Säästää arviolta {hours} työtuntia vuodessa.",
    "Muut kunnat voivat ottaa ratkaisun käyttöön sellaisenaan.",
    "Täyttää saavutettavuusvaatimukset (WCAG 2.1 AA).",
]
DESCRIPTION_FI = [
    "Ennen ratkaisua {gen} asiat hoidettiin puhelimitse ja paperilla, mikä vei aikaa kaikilta.",
    "Toteutus on tehty {tech} -teknologioilla, ja lähdekoodi on julkaistu avoimena.",
    "Palvelu on integroitu kunnan asianhallintaan ja Suomi.fi-tunnistukseen.",
    "Asiakaspalautteen mukaan asiointi nopeutui ja virheellisten hakemusten määrä väheni.",
    "Kehitystyö tehtiin ketterästi kahden viikon sprinteissä yhdessä käyttäjien kanssa.",
    "Ratkaisu on mitoitettu myös pienelle kunnalle, eikä se vaadi omaa palvelinympäristöä.",
    "Ylläpidosta vastaa kunnan tietohallinto yhdessä toimittajan kanssa.",
    "Tietosuojan vaikutustenarviointi tehtiin ennen käyttöönottoa.",
    "Seuraavaksi {nom} laajennetaan naapurikuntiin yhteistyösopimuksella.",
]
SUMMARY_SV = [
    "{Head} för {gen_sv} behov, som minskar manuellt arbete.",
    "Invånarna sköter ärenden på nätet utan att köa.",
    "Samlar {gen_sv} uppgifter i en vy.",
]
DESCRIPTION_SV = [
    "Tidigare sköttes ärendena per telefon och på papper.",
    "Lösningen är byggd med {tech} och källkoden är öppen.",
    "Tjänsten är integrerad med kommunens ärendehantering och Suomi.fi-identifikationen.",
    "Enligt kundresponsen blev ärendehanteringen snabbare.",
]
SUMMARY_EN = [
    "A {head} for {nom_en}, built together with staff and residents.",
    "Residents handle {nom_en} matters online without queuing.",
    "Brings the {nom_en} data together in one view.",
]
DESCRIPTION_EN = [
    "Before this, {nom_en} matters were handled by phone and on paper.",
    "Built with {tech}; the source code is open.",
    "Integrated with the municipality's case management and Suomi.fi identification.",
    "Customer feedback shows that handling became faster and errors fewer.",
]

HEADINGS = {"fi": "## Tausta", "sv": "## Bakgrund", "en": "## Background"}

KIND_WEIGHTS = {
    SolutionKind.SOFTWARE: 30,
    SolutionKind.API: 12,
    SolutionKind.PROCESS: 15,
    SolutionKind.INTEGRATION: 13,
    SolutionKind.PRACTICE: 18,
    SolutionKind.EXPERIENCE: 12,
}
LIFECYCLE_WEIGHTS = {Lifecycle.PRODUCTION: 55, Lifecycle.PILOT: 20, Lifecycle.IDEA: 15, Lifecycle.RETIRED: 10}
CODE_LICENCES = ["MIT", "EUPL-1.2", "Apache-2.0", "GPL-3.0-or-later", "AGPL-3.0-or-later", "BSD-3-Clause", ""]
DOCUMENT_LICENCES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", ""]
CODE_KINDS = {SolutionKind.SOFTWARE, SolutionKind.API, SolutionKind.INTEGRATION}


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class Generator:
    """Makes one solution's fields at a time from a seeded random source."""

    def __init__(self, rng: random.Random, organisations, service_classes, life_events, now):
        self.rng = rng
        self.organisations = organisations
        # Larger municipalities publish more, but not in proportion to their size.
        self.organisation_weights = [(org.population or 20_000) ** 0.5 for org in organisations]
        self.service_classes = service_classes
        self.life_events = life_events
        self.now = now

    def language_for(self, organisation) -> str:
        status = organisation.language_status or "fi"
        roll = self.rng.random()
        if status.startswith("sv"):
            return "sv" if roll < 0.7 else ("fi" if roll < 0.9 else "en")
        if status == "fi+sv":
            return "sv" if roll < 0.12 else ("en" if roll < 0.2 else "fi")
        return "en" if roll < 0.06 else "fi"

    def make(self, number: int) -> tuple[Solution, list[str], list[int], list[int], list[int]]:
        rng = self.rng
        organisation = rng.choices(self.organisations, self.organisation_weights)[0]
        kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
        nom, gen, gen_sv, nom_en, class_codes, event_codes, domain_tags = rng.choice(DOMAINS)
        head, head_sv, head_en = rng.choice(HEADS[kind])
        tech, tech_tags = rng.choice(TECHNOLOGIES)
        language = self.language_for(organisation)
        values = {
            "nom": nom, "gen": gen, "gen_sv": gen_sv, "nom_en": nom_en, "head": head, "head_en": head_en,
            "Head": capitalise(head), "tech": tech, "year": rng.randint(2015, 2026),
            "months": rng.randint(2, 18), "hours": rng.randrange(100, 5000, 50),
        }  # fmt: skip

        if language == "sv":
            title = f"{capitalise(gen_sv)} {head_sv}"
            summary = rng.choice(SUMMARY_SV).format(**values | {"Head": capitalise(head_sv)})
            paragraphs = rng.sample(DESCRIPTION_SV, 3)
        elif language == "en":
            title = f"{capitalise(head_en)} for {nom_en}"
            summary = rng.choice(SUMMARY_EN).format(**values)
            paragraphs = rng.sample(DESCRIPTION_EN, 3)
        else:
            title = f"{capitalise(gen)} {head}"
            if rng.random() < 0.3:
                title = f"{rng.choice(ADJECTIVES)} {gen} {head}"
            if kind == SolutionKind.EXPERIENCE:
                title = f"Kokemuksia: {gen} {head}"
            summary = " ".join(
                [rng.choice(SUMMARY_FI).format(**values), rng.choice(SUMMARY_FI_MORE).format(**values)]
            )
            paragraphs = rng.sample(DESCRIPTION_FI, rng.randint(3, 6))
        paragraphs = [paragraph.format(**values) for paragraph in paragraphs]
        description = "\n\n".join([HEADINGS[language], *paragraphs])

        slug = f"{SLUG_PREFIX}{number:06d}-{slugify(title)}"[:220]
        is_code = kind in CODE_KINDS
        published_at = self.now - timedelta(minutes=rng.randrange(0, 5 * 365 * 24 * 60))
        solution = Solution(
            title=title[:200],
            slug=slug,
            summary=summary[:300],
            description=description,
            kind=kind,
            organisation=organisation,
            lifecycle=rng.choices(list(LIFECYCLE_WEIGHTS), list(LIFECYCLE_WEIGHTS.values()))[0],
            licence=rng.choice(CODE_LICENCES if is_code else DOCUMENT_LICENCES),
            language=language,
            repository_url=f"https://github.com/{organisation.slug}/{slug}" if is_code else "",
            api_base_url=f"https://api.{organisation.slug}.example/{nom_en.replace(' ', '-')}/v1/"
            if kind == SolutionKind.API
            else "",
            replaces=rng.choice(REPLACED) if rng.random() < 0.3 else "",
            moderation_state=ModerationState.PUBLISHED,
            published_at=published_at,
        )

        tags = set(rng.sample(domain_tags, rng.randint(1, len(domain_tags))))
        if is_code:
            tags.update(tech_tags)
        tags.update(rng.sample(GENERAL_TAGS, rng.randint(0, 2)))
        classes = [self.service_classes[code] for code in class_codes if code in self.service_classes]
        if self.service_classes and rng.random() < 0.2:
            classes.append(rng.choice(list(self.service_classes.values())))
        events = [self.life_events[code] for code in event_codes if code in self.life_events]
        partners = []
        if rng.random() < 0.25:
            partners = {rng.choice(self.organisations).pk for _ in range(rng.randint(1, 3))} - {
                organisation.pk
            }
        return solution, sorted(tags), sorted(set(classes)), events, sorted(partners)


class Command(BaseCommand):
    help = "Create many synthetic published solutions for benchmarks (slugs start with 'bench-')."

    def add_arguments(self, parser):
        parser.add_argument("--solutions", type=int, default=1000, help="How many solutions to create.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed; the same seed gives the same data."
        )
        parser.add_argument("--replace", action="store_true", help="Delete earlier bench solutions first.")
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, solutions: int, seed: int, replace: bool, batch_size: int, **options):
        if solutions < 0:
            raise CommandError("--solutions must be zero or more.")
        started = time.perf_counter()
        if not Organisation.objects.exists():
            call_command("load_municipalities", stdout=self.stdout)
        if not ServiceClass.objects.exists() or not LifeEvent.objects.exists():
            call_command("load_vocabularies", stdout=self.stdout)

        if replace:
            removed = self.delete_bench_solutions()
            self.stdout.write(f"Removed {removed} earlier bench solutions.")

        prepared = time.perf_counter()
        first_number = self.next_number()
        # Seeding with the first number too keeps a rerun from repeating the previous run's content.
        rng = random.Random(f"{seed}:{first_number}")
        organisations = list(
            Organisation.objects.order_by("pk").only("pk", "slug", "population", "language_status")
        )
        generator = Generator(
            rng,
            organisations,
            {entry.code: entry.pk for entry in ServiceClass.objects.only("pk", "code")},
            {entry.code: entry.pk for entry in LifeEvent.objects.only("pk", "code")},
            timezone.now(),
        )
        made = [generator.make(first_number + offset) for offset in range(solutions)]
        generated = time.perf_counter()

        with transaction.atomic():
            objects = Solution.objects.bulk_create([item[0] for item in made], batch_size=batch_size)
            if objects and objects[0].pk is None:
                ids = dict(
                    Solution.objects.filter(slug__in=[o.slug for o in objects]).values_list("slug", "pk")
                )
                for obj in objects:
                    obj.pk = ids[obj.slug]
            counts = self.insert_relations(objects, made, batch_size)
        inserted = time.perf_counter()

        ids = [obj.pk for obj in objects]
        if ids:
            get_backend().reindex(ids)
        indexed = time.perf_counter()

        self.stdout.write(
            f"Created {len(objects)} bench solutions with {counts['tags']} tag links, "
            f"{counts['service_classes']} service class links, {counts['life_events']} life event links "
            f"and {counts['partners']} partner links."
        )
        self.stdout.write(
            f"Time: {indexed - started:.2f} s in all (preparation and removal {prepared - started:.2f} s, "
            f"generate {generated - prepared:.2f} s, "
            f"insert {inserted - generated:.2f} s, search index {indexed - inserted:.2f} s)."
        )

    def next_number(self) -> int:
        numbers = [
            int(match.group(1))
            for slug in Solution.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", flat=True)
            if (match := re.match(rf"{SLUG_PREFIX}(\d+)", slug))
        ]
        return max(numbers, default=0) + 1

    def delete_bench_solutions(self) -> int:
        bench = Solution.objects.filter(slug__startswith=SLUG_PREFIX)
        content_type = ContentType.objects.get_for_model(Solution)
        with transaction.atomic():
            count = bench.count()
            TaggedItem.objects.filter(content_type=content_type, object_id__in=bench.values("pk")).delete()
            bench.delete()
        return count

    def insert_relations(self, objects, made, batch_size) -> dict[str, int]:
        tag_names = sorted({name for item in made for name in item[1]})
        tags = {tag.name: tag.pk for tag in Tag.objects.filter(name__in=tag_names)}
        missing = [name for name in tag_names if name not in tags]
        taken_slugs = set(Tag.objects.values_list("slug", flat=True))
        new_tags = []
        for name in missing:
            slug = slugify(name) or "tag"
            suffix = 1
            while slug in taken_slugs:
                suffix += 1
                slug = f"{slugify(name)}-{suffix}"
            taken_slugs.add(slug)
            new_tags.append(Tag(name=name, slug=slug))
        Tag.objects.bulk_create(new_tags, batch_size=batch_size)
        if new_tags:
            tags = {tag.name: tag.pk for tag in Tag.objects.filter(name__in=tag_names)}

        content_type = ContentType.objects.get_for_model(Solution)
        tagged = [
            TaggedItem(content_type=content_type, object_id=obj.pk, tag_id=tags[name])
            for obj, item in zip(objects, made, strict=True)
            for name in item[1]
        ]
        service_classes = [
            Solution.service_classes.through(solution_id=obj.pk, serviceclass_id=pk)
            for obj, item in zip(objects, made, strict=True)
            for pk in item[2]
        ]
        life_events = [
            Solution.life_events.through(solution_id=obj.pk, lifeevent_id=pk)
            for obj, item in zip(objects, made, strict=True)
            for pk in item[3]
        ]
        partners = [
            Solution.partners.through(solution_id=obj.pk, organisation_id=pk)
            for obj, item in zip(objects, made, strict=True)
            for pk in item[4]
        ]
        for rows in (tagged, service_classes, life_events, partners):
            if rows:
                type(rows[0]).objects.bulk_create(rows, batch_size=batch_size)
        return {
            "tags": len(tagged),
            "service_classes": len(service_classes),
            "life_events": len(life_events),
            "partners": len(partners),
        }
