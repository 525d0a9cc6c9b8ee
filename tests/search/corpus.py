"""A small judged catalogue for measuring search: solutions in Finnish, Swedish and English, and
queries with the solutions a person asking them would want to see.

The relevance test (test_relevance.py) searches it alone on both databases; the benchmark
(tests/benchmarks/catalogue.py) searches it among thousands of seed_bench solutions. Judgements were
made by reading the solutions, not by running the search: a query lists every solution that answers
it, and success@3 asks that one of them is among the first three results.
"""

from django.utils import timezone

# Service classes and life events with their Finnish, Swedish and English names (as in PTV).
SERVICE_CLASSES = {
    "P25.1": ("Kirjastopalvelut", "Bibliotekstjänster", "Library services"),
    "P6.2": ("Perusopetus", "Grundläggande utbildning", "Basic education"),
    "P23.3": ("Vesihuolto", "Vattenförsörjning", "Water supply"),
    "P2.1": ("Rakentaminen", "Byggande", "Construction"),
    "P27.1": ("Liikuntapalvelut", "Idrottstjänster", "Sports services"),
    "P4.3": ("Kotihoito", "Hemvård", "Home care"),
    "P16.5": ("Joukkoliikenne", "Kollektivtrafik", "Public transport"),
    "P2.3": ("Kaavoitus", "Planläggning", "Land use planning"),
}
LIFE_EVENTS = {
    "KE1": ("Lapsen saaminen", "Att få barn", "Having a child"),
    "KE6": ("Asuminen", "Boende", "Housing"),
}

# key: (title, language, summary, description, tags, replaces, service classes, life events)
SOLUTIONS = {
    "library_booking": (
        "Kirjaston tilavarausjärjestelmä", "fi",
        "Kirjaston ryhmätilojen ja laitteiden varaus verkossa.",
        "Asiakkaat varaavat ryhmätyötiloja, studioita ja 3D-tulostimia kirjastokortilla.",
        ["kirjasto", "tilavaraus"], "", ["P25.1"], [],
    ),
    "sports_booking": (
        "Liikuntatilojen varaus", "fi",
        "Liikuntahallien ja kenttien vuorojen haku ja varaus.",
        "Seurat hakevat kausivuoroja ja kuntalaiset varaavat yksittäisiä vuoroja.",
        ["liikunta", "tilavaraus"], "", ["P27.1"], [],
    ),
    "meeting_rooms": (
        "Kokoustilojen varaus", "fi",
        "Kaupungintalon kokoustilojen varaus ja avainten luovutus.",
        "Yhdistykset ja asukkaat varaavat kokoustiloja iltaisin.",
        ["tilavaraus"], "", [], [],
    ),
    "school_transport": (
        "Koulukuljetusten reititys", "fi",
        "Koulukuljetusten reitit ja oppilaiden kyydit suunnitellaan kartalla.",
        "Reititys ottaa huomioon oppilaiden kotiosoitteet ja koulujen aikataulut.",
        ["koulukuljetus"], "", ["P6.2"], [],
    ),
    "water_meters": (
        "Vesimittarien etäluenta", "fi",
        "Vesilaitoksen mittarit luetaan etänä, eikä lukemia tarvitse ilmoittaa.",
        "Etäluenta vähentää arviolaskutusta ja paljastaa vuodot nopeasti.",
        ["vesihuolto"], "", ["P23.3"], [],
    ),
    "building_permit": (
        "Sähköinen rakennuslupa", "fi",
        "Rakennusluvan haku ja käsittely verkossa.",
        "Hakija liittää piirustukset, ja rakennusvalvonta käsittelee hakemuksen sähköisesti.",
        ["lupapalvelut"], "Lupapiste", ["P2.1"], ["KE6"],
    ),
    "grants": (
        "Avustushakemusten käsittely", "fi",
        "Yhdistysten avustushakemukset ja päätökset sähköisesti.",
        "Kulttuuri- ja liikuntayhdistykset hakevat toiminta-avustuksia lomakkeella.",
        ["avustukset"], "", [], [],
    ),
    "home_care": (
        "Kotihoidon toiminnanohjaus", "fi",
        "Kotihoidon käyntien suunnittelu ja mobiilikirjaus.",
        "Hoitajat näkevät päivän käynnit puhelimesta ja kirjaavat ne asiakkaan luona.",
        ["ikäihmiset"], "Hilkka", ["P4.3"], [],
    ),
    "daycare": (
        "Päiväkotipaikan haku", "fi",
        "Varhaiskasvatuspaikan hakemus verkossa.",
        "Huoltajat hakevat lapselle hoitopaikkaa ja saavat päätöksen sähköisesti.",
        ["varhaiskasvatus"], "", [], ["KE1"],
    ),
    "school_menus": (
        "Kouluruokailun ruokalistat", "fi",
        "Koulujen ruokalistat ja erityisruokavaliot avoimena datana.",
        "Ruokalistat julkaistaan rajapinnassa, josta sovellukset voivat hakea ne.",
        ["ruokalistat", "avoin data"], "", ["P6.2"], [],
    ),
    "feedback": (
        "Asukaspalautejärjestelmä", "fi",
        "Palautteen antaminen kunnalle kartalla.",
        "Asukkaat merkitsevät kartalle rikkinäiset valot ja kuopat.",
        ["palaute"], "Webropol", [], [],
    ),
    "meetings": (
        "Avoin kokousjärjestelmä", "fi",
        "Pöytäkirjat ja esityslistat verkkoon.",
        "Luottamushenkilöt lukevat esityslistat ja pöytäkirjat selaimella.",
        ["päätöksenteko"], "Dynasty, CaseM", [], [],
    ),
    "gis_api": (
        "Paikkatietojen GIS-rajapinta", "fi",
        "Kunnan kartta-aineistot rajapinnan kautta muiden järjestelmien käyttöön.",
        "WMS- ja WFS-rajapinnat tarjoavat kiinteistöt, kaavat ja osoitteet.",
        ["paikkatieto", "rajapinta"], "", ["P2.3"], [],
    ),
    "procurement_bpmn": (
        "Hankintaprosessin BPMN-kuvaus", "fi",
        "Pienhankintojen prosessi kuvattuna BPMN-kaaviona.",
        "Kuvaus kertoo, kuka tekee mitäkin hankinnan eri vaiheissa.",
        ["hankinnat", "prosessikuvaus"], "", [], [],
    ),
    "journey_planner": (
        "Joukkoliikenteen reittiopas", "fi",
        "Bussien aikataulut ja reittihaku.",
        "Reittiopas näyttää bussien sijainnin ja ehdottaa vaihtoja.",
        ["reittiopas"], "", ["P16.5"], [],
    ),
    "waste_orders": (
        "Jätehuollon tyhjennystilaukset", "fi",
        "Jäteastioiden tyhjennysten tilaus ja laskutus verkossa.",
        "Kiinteistöt tilaavat lisätyhjennykset ja näkevät laskunsa.",
        ["jätehuolto"], "", [], [],
    ),
    "parking": (
        "Pysäköinnin valvonta mobiilisti", "fi",
        "Pysäköinninvalvojat kirjaavat virhemaksut puhelimella.",
        "Kuvat ja sijainti tallentuvat suoraan maksuun.",
        ["pysäköinti"], "", [], [],
    ),
    "youth_calendar": (
        "Nuorisotilojen tapahtumakalenteri", "fi",
        "Nuorisotalojen tapahtumat ja harrastukset samassa kalenterissa.",
        "Nuoret löytävät illan ohjelman ja ilmoittautuvat retkille.",
        ["nuoret", "harrastukset"], "", [], [],
    ),
    "library_eservices": (
        "Bibliotekens e-tjänster", "sv",
        "Lån, reservationer och förnyelser på webben.",
        "Kunderna förnyar sina lån och reserverar böcker med bibliotekskortet.",
        ["bibliotek"], "", ["P25.1"], [],
    ),
    "preschool": (
        "Anmälan till förskola", "sv",
        "Ansökan om plats i småbarnspedagogik på nätet.",
        "Vårdnadshavare ansöker om dagvårdsplats och får beslutet elektroniskt.",
        ["småbarnspedagogik"], "", [], ["KE1"],
    ),
    "building_sv": (
        "Byggnadstillsynens elektroniska tjänst", "sv",
        "Ansök om bygglov elektroniskt.",
        "Ritningar och ansökningar behandlas av byggnadstillsynen på nätet.",
        ["bygglov"], "", ["P2.1"], [],
    ),
    "open_data": (
        "Open data portal for the city", "en",
        "Publishing municipal datasets with an API.",
        "Departments publish their datasets with licences and documentation.",
        ["open data"], "CKAN", [], [],
    ),
    "chatbot": (
        "Chatbot for citizen services", "en",
        "A rule-based chatbot answering residents' common questions.",
        "The chatbot hands difficult questions over to the service desk.",
        ["chatbot"], "", [], [],
    ),
    "snow_ploughs": (
        "Snow plough tracking map", "en",
        "Residents see on a map where snow ploughs have cleared the streets.",
        "The ploughs send their positions every few seconds.",
        ["winter maintenance"], "", [], [],
    ),
    "shift_planning": (
        "Työvuorosuunnittelu", "fi",
        "Hoitajien työvuorojen suunnittelu ja vuorojen vaihdot mobiilisti.",
        "Esihenkilöt laativat listat ja työntekijät toivovat vapaita.",
        ["henkilöstö"], "", [], [],
    ),
    "zoning_map": (
        "Kaavoituksen karttapalvelu", "fi",
        "Asemakaavat ja kaavaluonnokset karttapalvelussa.",
        "Asukkaat kommentoivat kaavaluonnoksia kartalla.",
        ["kaavoitus", "paikkatieto"], "", ["P2.3"], ["KE6"],
    ),
    "invoices": (
        "Laskujen sähköinen kierrätys", "fi",
        "Ostolaskujen tarkastus ja hyväksyntä verkossa.",
        "Laskut kiertävät tarkastajalta hyväksyjälle ilman paperia.",
        ["taloushallinto"], "Basware", [], [],
    ),
    "e_signature": (
        "Sähköinen allekirjoitus", "fi",
        "Asiakirjojen allekirjoitus verkossa vahvalla tunnistautumisella.",
        "Sopimukset ja päätökset allekirjoitetaan ilman tulostamista.",
        ["asiointi"], "", [], [],
    ),
    "student_admin": (
        "Koulujen oppilashallinto", "fi",
        "Oppilaiden tiedot, poissaolot ja arvosanat yhdessä palvelussa.",
        "Opettajat kirjaavat poissaolot ja huoltajat näkevät ne.",
        ["koulut"], "Wilma, Primus", ["P6.2"], [],
    ),
    "senior_sports": (
        "Senioreiden liikuntaryhmät", "fi",
        "Ikäihmisten liikuntaryhmiin ilmoittautuminen verkossa.",
        "Ryhmät kokoontuvat kuntosaleilla ja uimahalleissa.",
        ["liikunta", "ikäihmiset"], "", ["P27.1"], [],
    ),
    "drawings_archive": (
        "Rakennusvalvonnan arkisto digitaaliseksi", "fi",
        "Vanhojen rakennuspiirustusten digitointi ja haku.",
        "Piirustukset skannataan ja liitetään kiinteistötunnukseen.",
        ["arkisto"], "", ["P2.1"], [],
    ),
    "water_outages": (
        "Vesihuollon häiriötiedotteet", "fi",
        "Vedenjakelun katkoista tekstiviesti asukkaille.",
        "Tiedote lähtee osoitteen perusteella niille, joita katko koskee.",
        ["vesihuolto", "tiedotus"], "", ["P23.3"], [],
    ),
}  # fmt: skip

# (query, keys of the solutions that answer it)
QUERIES = [
    # Finnish inflections
    ("kirjastojen varaus", ["library_booking"]),
    ("rakennusluvan haku", ["building_permit"]),
    ("avustushakemus", ["grants"]),
    ("kotihoidon", ["home_care"]),
    ("ruokalistoja", ["school_menus"]),
    ("kyyti", ["school_transport"]),
    ("vesimittarin", ["water_meters"]),
    ("reittioppaat", ["journey_planner"]),
    ("työvuorojen suunnittelu", ["shift_planning"]),
    ("asemakaavojen", ["zoning_map"]),
    # parts of compounds
    ("järjestelmä", ["library_booking", "feedback", "meetings"]),
    ("tilavaraus", ["library_booking", "sports_booking", "meeting_rooms"]),
    ("kuljetus", ["school_transport"]),
    ("mittari", ["water_meters"]),
    ("palaute", ["feedback"]),
    ("kokousjärjestelmä", ["meetings"]),
    ("kalenteri", ["youth_calendar"]),
    # compounds split by the user
    ("koulu kuljetus", ["school_transport"]),
    ("vesi mittari", ["water_meters"]),
    ("rakennus lupa", ["building_permit"]),
    ("asukas palaute", ["feedback"]),
    ("päiväkoti paikka", ["daycare"]),
    ("tila varaus", ["library_booking", "sports_booking", "meeting_rooms"]),
    # typos
    ("kirjsto", ["library_booking", "library_eservices"]),
    ("koulukuljetsuten", ["school_transport"]),
    ("etälunta", ["water_meters"]),
    ("avustushakmus", ["grants"]),
    ("joukkolikenne", ["journey_planner"]),
    ("pysäköinin", ["parking"]),
    # acronyms
    ("GIS", ["gis_api"]),
    ("BPMN", ["procurement_bpmn"]),
    # Swedish
    ("bibliotek", ["library_booking", "library_eservices"]),
    ("bygglov", ["building_sv"]),
    ("förskola", ["preschool"]),
    ("småbarnspedagogik", ["preschool", "daycare"]),
    ("vattenförsörjning", ["water_meters", "water_outages"]),
    ("hemvård", ["home_care"]),
    # English
    ("library", ["library_booking", "library_eservices"]),
    ("library booking", ["library_booking"]),
    ("home care", ["home_care"]),
    ("public transport", ["journey_planner"]),
    ("construction", ["building_permit", "building_sv", "drawings_archive"]),
    ("snow plough", ["snow_ploughs"]),
    ("chatbot", ["chatbot"]),
    ("open data", ["open_data", "school_menus"]),
    ("having a child", ["daycare", "preschool"]),
    # what it replaces
    ("Dynasty", ["meetings"]),
    ("Wilma", ["student_admin"]),
    ("Basware", ["invoices"]),
    ("Lupapiste", ["building_permit"]),
    ("Webropol", ["feedback"]),
    # search syntax
    ('"tilojen varaus" -liikunta', ["library_booking", "meeting_rooms"]),
    ("pöytäkirja or esityslista", ["meetings"]),
]


def load(organisation_factory=None):
    """Create the corpus in the database; returns {key: solution}.

    ``organisation_factory`` makes the publishing organisation (tests pass their factory); without
    one, the first organisation in the database publishes everything (the benchmark).
    """
    from solutions.models import LifeEvent, ModerationState, ServiceClass, Solution

    classes = {}
    for code, (fi, sv, en) in SERVICE_CLASSES.items():
        classes[code], _ = ServiceClass.objects.update_or_create(
            code=code, defaults={"name_fi": fi, "name_sv": sv, "name_en": en}
        )
    events = {}
    for code, (fi, sv, en) in LIFE_EVENTS.items():
        events[code], _ = LifeEvent.objects.update_or_create(
            code=code, defaults={"name_fi": fi, "name_sv": sv, "name_en": en}
        )
    if organisation_factory is not None:
        organisation = organisation_factory()
    else:
        from municipalities.models import Organisation

        organisation = Organisation.objects.order_by("pk").first()
    made = {}
    now = timezone.now()
    for number, (key, fields) in enumerate(SOLUTIONS.items()):
        title, language, summary, description, tags, replaces, class_codes, event_codes = fields
        solution, _ = Solution.objects.update_or_create(
            slug=f"judged-{key.replace('_', '-')}",
            defaults={
                "title": title,
                "language": language,
                "summary": summary,
                "description": description,
                "replaces": replaces,
                "kind": "software",
                "organisation": organisation,
                "moderation_state": ModerationState.PUBLISHED,
                "published_at": now - timezone.timedelta(days=number),
            },
        )
        solution.tags.set(tags)
        solution.service_classes.set([classes[code] for code in class_codes])
        solution.life_events.set([events[code] for code in event_codes])
        made[key] = solution
    return made
