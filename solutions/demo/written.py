"""Demo solutions written the way a municipal author would describe them.

Everything here is invented for the demo: the people are fictitious, e-mail addresses and links use
the example.fi domain, and no figure describes a real municipality. The texts are written to ring
true, including the 2023 transfer of social and health services from municipalities to wellbeing
services counties.
"""

from solutions.models import Lifecycle, SolutionKind

SV = "sv"


def _contact(name: str, role: str, mailbox: str) -> tuple[str, str, str]:
    return (name, role, f"{mailbox}@example.fi")


WRITTEN: list[dict] = [
    # Process descriptions, each with a BPMN 2.0 file.
    {
        "slug": "kauhava-tilavarauksen-prosessi",
        "title": "Tilavarauksen prosessi varauspyynnöstä laskuun",
        "org": "233",
        "kind": SolutionKind.PROCESS,
        "summary": "Kuvaus siitä, miten kunnan tilan varaus etenee asukkaan pyynnöstä vahvistukseen ja "
        "laskutukseen, kun varauksia käsittelee usea yksikkö.",
        "description": [
            "Koulujen liikuntasalit, nuorisotilat ja kokoustilat varattiin ennen kunnassamme kolmella "
            "eri tavalla. Kävimme prosessin läpi kaikkien varauksia käsittelevien kanssa ja sovimme "
            "yhden yhteisen kulun.",
            "Kuvauksessa on vaiheet varauspyynnön vastaanotosta vapaan ajan tarkistukseen, vahvistukseen "
            "ja laskun muodostamiseen. Jos tila on varattu, varaajalle ehdotetaan toista aikaa ennen "
            "kuin pyyntö hylätään.",
            "Liitteenä oleva BPMN-tiedosto aukeaa esimerkiksi Camunda Modelerissa tai bpmn.io-"
            "editorissa, ja sitä voi muokata oman kunnan käytäntöjen mukaiseksi.",
        ],
        "tags": ["tilavaraus", "prosessikuvaus", "laskutus"],
        "service_classes": ["P2.5", "P25.5"],
        "contacts": [_contact("Hanna Mäkelä", "Vapaa-aikasihteeri", "tilavaraus.kauhava")],
        "attachments": [("Tilavarauksen prosessi (BPMN)", "tilavaraus.bpmn")],
        "adoption_conditions": "Prosessin omistaja ja yhteinen sopimus siitä, mikä yksikkö käsittelee "
        "mitkäkin tilat. Järjestelmää ei tarvita, mutta prosessi sopii myös tilavarausjärjestelmän "
        "käyttöönoton pohjaksi.",
    },
    {
        "slug": "sotkamo-varhaiskasvatuksen-haku",
        "title": "Varhaiskasvatuspaikan haku ja sijoitus",
        "org": "765",
        "partners": ["290"],
        "kind": SolutionKind.PROCESS,
        "summary": "Prosessikuvaus varhaiskasvatuspaikan hakemisesta sähköisellä hakemuksella "
        "sijoituspäätökseen asti.",
        "description": [
            "Huoltajan on haettava varhaiskasvatuspaikkaa viimeistään neljä kuukautta ennen tarvetta, "
            "tai kaksi viikkoa ennen, jos tarve johtuu äkillisestä työllistymisestä tai opiskelusta. "
            "Kuvaus näyttää, mitä hakemukselle tapahtuu sen jälkeen.",
            "Laadimme kuvauksen yhdessä Kuhmon kanssa, kun molemmat kunnat valmistelivat siirtymistä "
            "sähköiseen hakemukseen. Kuvaus auttoi huomaamaan, missä kohdissa tieto kulki ennen "
            "sähköpostilla ja missä päätökset viipyivät.",
            "BPMN-liite kattaa hakemuksen tarkistuksen, sijoitusehdotuksen, huoltajan vastauksen ja "
            "päätökset. Maksupäätös on kuvattu samaan kulkuun, koska se tehdään meillä samalla kertaa.",
        ],
        "tags": ["varhaiskasvatus", "prosessikuvaus", "sähköinen asiointi"],
        "service_classes": ["P3.4"],
        "life_events": ["KE1"],
        "contacts": [_contact("Varhaiskasvatuksen palveluohjaus", "Palveluohjaaja", "vaka.sotkamo")],
        "attachments": [("Varhaiskasvatuksen haku ja sijoitus (BPMN)", "varhaiskasvatus_haku.bpmn")],
    },
    {
        "slug": "kitee-koulukuljetuksen-prosessi",
        "title": "Koulukuljetuksen hakeminen ja päätös",
        "org": "260",
        "partners": ["422", "541"],
        "kind": SolutionKind.PROCESS,
        "summary": "Yhteinen kuvaus koulukuljetushakemuksen käsittelystä kolmessa pohjoiskarjalaisessa "
        "kunnassa.",
        "description": [
            "Perusopetuslain mukaan oppilaalla on oikeus maksuttomaan kuljetukseen, jos koulumatka on yli "
            "viisi kilometriä tai matka on oppilaan ikään nähden liian vaikea, rasittava tai vaarallinen. "
            "Hakemusten käsittely vaihteli kunnittain, ja samat kysymykset toistuivat joka kevät.",
            "Kitee, Lieksa ja Nurmes kuvasivat prosessin yhdessä. Kuvaus näyttää, milloin koulumatkan "
            "vaarallisuudesta pyydetään lausunto, miten kielteinen päätös perustellaan ja milloin "
            "kuljetus tilataan liikennöitsijältä.",
            "Kuvausta voi käyttää sellaisenaan perehdytyksessä tai sähköisen hakulomakkeen määrittelyssä.",
        ],
        "tags": ["koulukuljetukset", "perusopetus", "prosessikuvaus"],
        "service_classes": ["P6.2"],
        "contacts": [_contact("Sivistystoimen toimistosihteeri", "Koulukuljetukset", "kuljetukset.kitee")],
        "attachments": [("Koulukuljetuksen prosessi (BPMN)", "koulukuljetus.bpmn")],
    },
    {
        "slug": "loimaa-rakennuslupahakemuksen-kasittely",
        "title": "Rakennuslupahakemuksen käsittely rakennusvalvonnassa",
        "org": "430",
        "kind": SolutionKind.PROCESS,
        "summary": "Rakennusvalvonnan lupaprosessi sähköisen hakemuksen saapumisesta päätöksen "
        "tiedoksiantoon.",
        "description": [
            "Sähköinen lupa-asiointi on nopeuttanut hakemusten saapumista, mutta käsittely pysähtyi usein "
            "puuttuviin liitteisiin. Kuvasimme prosessin, jotta täydennyspyynnöt tehdään heti "
            "ensimmäisessä tarkistuksessa eikä vasta lausuntovaiheessa.",
            "Kuvaus kattaa hakemuksen tarkistuksen, täydennyspyynnön, naapurien kuulemisen sekä "
            "päätöksen valmistelun ja tiedoksiannon. Katselmukset ja rakennusaikainen valvonta on "
            "rajattu pois.",
            "Rakentamislain voimaantulo vuonna 2025 muutti osaa lupamenettelyistä, joten tarkista "
            "vaiheet oman kunnan rakennusjärjestystä vasten ennen käyttöä.",
        ],
        "tags": ["rakennusvalvonta", "rakennuslupa", "prosessikuvaus"],
        "service_classes": ["P2.1"],
        "life_events": ["KE6"],
        "contacts": [_contact("Rakennusvalvonnan asiakaspalvelu", "Lupasihteeri", "rakennusvalvonta.loimaa")],
        "attachments": [("Rakennuslupahakemuksen käsittely (BPMN)", "rakennuslupa.bpmn")],
        "replaces": "Lupapiste-asioinnin sisäiset paperiohjeet",
    },
    {
        "slug": "narpes-foreningsbidrag-process",
        "title": "Processbeskrivning: ansökan om föreningsbidrag",
        "org": "545",
        "language": SV,
        "kind": SolutionKind.PROCESS,
        "summary": "Hur en ansökan om verksamhetsbidrag från en förening behandlas, från inlämning till "
        "redovisning.",
        "description": [
            "Föreningarna i Närpes söker varje år bidrag för sin verksamhet. Tidigare kom ansökningarna "
            "per post och e-post och med olika bilagor, och handläggningen drog ut på tiden.",
            "Processbeskrivningen visar hur ansökan kontrolleras, hur kompletteringar begärs, hur "
            "ansökningarna bedöms enligt kriterierna och när beslutet fattas och bidraget betalas ut.",
            "Beskrivningen finns som BPMN-fil och kan öppnas i valfritt BPMN-verktyg. Den passar som "
            "underlag när kommunen inför en elektronisk ansökningsblankett.",
        ],
        "tags": ["föreningsbidrag", "processbeskrivning", "avustushaku"],
        "service_classes": ["P8.4", "P25.5"],
        "contacts": [_contact("Fritidsbyrån", "Fritidssekreterare", "fritid.narpes")],
        "attachments": [("Föreningsbidrag – process (BPMN)", "foreningsbidrag.bpmn")],
    },
    {
        "slug": "forssa-sahkoinen-arkistointi",
        "title": "Asiakirjojen siirto sähköiseen arkistoon",
        "org": "061",
        "kind": SolutionKind.PROCESS,
        "summary": "Prosessikuvaus siitä, miten päättyneen asian asiakirjat tarkistetaan, paketoidaan ja "
        "siirretään sähköiseen arkistoon.",
        "description": [
            "Kun kunta luopuu paperiarkistosta, jokaisen asian asiakirjojen on kuljettava samaa reittiä "
            "asianhallinnasta arkistoon. Prosessi on kuvattu tiedonohjaussuunnitelman pohjalta.",
            "Kuvaus erottaa pysyvästi säilytettävät asiakirjat niistä, jotka hävitetään säilytysajan "
            "päätyttyä. Siirtopaketin muodostus ja arkiston kuittaus ovat omina vaiheinaan, koska "
            "virheet löytyvät useimmiten juuri niistä.",
            "Liitteenä on BPMN-tiedosto. Sovella vaiheiden nimet oman asianhallintajärjestelmäsi termeihin.",
        ],
        "tags": ["sähköinen arkistointi", "tiedonhallinta", "prosessikuvaus"],
        "service_classes": ["P25.4", "P9.2"],
        "contacts": [_contact("Tiedonhallinnan asiantuntija", "Arkistonhoitaja", "arkisto.forssa")],
        "attachments": [("Sähköisen arkistoinnin siirtoprosessi (BPMN)", "sahkoinen_arkistointi.bpmn")],
        "adoption_conditions": "Ajantasainen tiedonohjaussuunnitelma ja sähköinen arkisto, johon "
        "asianhallinnasta voi siirtää paketteja.",
    },
    {
        "slug": "riihimaki-perehdytysprosessi",
        "title": "Uuden työntekijän perehdytysprosessi",
        "org": "694",
        "kind": SolutionKind.PROCESS,
        "summary": "Perehdytyksen vaiheet valintapäätöksestä perehdytyksen kuittaamiseen, tunnusten ja "
        "laitteiden tilaus mukaan lukien.",
        "description": [
            "Uusi työntekijä odotti usein ensimmäisenä päivänään tunnuksia ja tietokonetta. Kuvasimme "
            "perehdytyksen prosessina, jossa tilaukset käynnistyvät heti valintapäätöksestä.",
            "Kuvaus kattaa tunnusten, laitteiden ja kulkuoikeuksien tilaamisen, perehdyttäjän "
            "nimeämisen, ensimmäisen päivän ja seurannan. Jos perehdytys ei etene suunnitellusti, "
            "esihenkilö sopii lisäperehdytyksestä.",
        ],
        "tags": ["henkilöstöhallinto", "perehdytys", "prosessikuvaus"],
        "service_classes": ["P12.4"],
        "contacts": [_contact("Henkilöstöpalvelut", "HR-asiantuntija", "henkilosto.riihimaki")],
        "attachments": [("Perehdytysprosessi (BPMN)", "perehdytys.bpmn")],
    },
    {
        "slug": "kristinestad-arkivering-av-bygglov",
        "title": "Digital arkivering av bygglovshandlingar",
        "org": "287",
        "partners": ["545"],
        "language": SV,
        "kind": SolutionKind.PROCESS,
        "summary": "Processen för att skanna, beskriva och föra över äldre bygglovshandlingar till "
        "kommunens e-arkiv.",
        "description": [
            "Byggnadstillsynen får dagligen frågor om gamla ritningar. Pappersarkivet fanns i källaren och "
            "varje sökning krävde ett besök. Vi började digitalisera handlingarna i den takt de efterfrågas.",
            "Processen beskriver skanning, komplettering av metadata, kvalitetskontroll och överföring "
            "till e-arkivet. Sidor som inte klarar kontrollen skannas om innan de arkiveras.",
            "Närpes har använt samma beskrivning i sitt eget digitaliseringsprojekt.",
        ],
        "tags": ["bygglov", "e-arkiv", "digitalisering"],
        "service_classes": ["P2.1", "P25.4"],
        "contacts": [_contact("Byggnadstillsynen", "Byggnadsinspektör", "byggnadstillsyn.kristinestad")],
        "attachments": [("Arkivering av bygglovshandlingar (BPMN)", "bygglov_arkivering.bpmn")],
    },
    # APIs.
    {
        "slug": "jamsa-liikuntapaikkojen-kuntotiedot-api",
        "title": "Liikuntapaikkojen kuntotietojen rajapinta",
        "org": "182",
        "kind": SolutionKind.API,
        "licence": "MIT",
        "summary": "Avoin rajapinta, joka kertoo latujen, kenttien ja kuntoratojen kunnon ja "
        "viimeisimmän huoltokerran.",
        "description": [
            "Kenttämestarit merkitsevät huollot mobiililomakkeella, ja tieto on heti saatavilla "
            "rajapinnasta. Kunnan verkkosivujen liikuntapaikkasivu ja paikallinen matkailuyhdistys "
            "lukevat tiedot samasta lähteestä.",
            "Rajapinta palauttaa kohteet GeoJSON-muodossa ja käyttää kansallisen "
            "liikuntapaikkarekisterin tunnisteita, joten tiedot on helppo yhdistää muihin aineistoihin.",
            "Rajapinta on avoin ilman tunnistautumista. Kuvaus on OpenAPI 3 -muodossa.",
        ],
        "tags": ["liikuntapaikat", "rajapinta", "avoin data"],
        "service_classes": ["P27.1", "P27.2"],
        "api_specification_url": "https://api.example.fi/jamsa/liikuntapaikat/openapi.yaml",
        "api_base_url": "https://api.example.fi/jamsa/liikuntapaikat/v1/",
        "documentation_url": "https://www.example.fi/jamsa/liikuntapaikat/rajapinta",
        "contacts": [_contact("Liikuntapalvelut", "Liikuntapaikkamestari", "liikunta.jamsa")],
    },
    {
        "slug": "ylojarvi-ruokalistarajapinta",
        "title": "Koulujen ja päiväkotien ruokalistarajapinta",
        "org": "980",
        "kind": SolutionKind.API,
        "licence": "EUPL-1.2",
        "summary": "Rajapinta, josta koulujen ja päiväkotien viikon ruokalistat, allergeenit ja "
        "erityisruokavaliot saa koneluettavina.",
        "description": [
            "Ateriapalvelut julkaisivat ruokalistat ennen PDF-tiedostoina. Nyt ruokalistat ovat "
            "rajapinnassa, josta ne näkyvät kunnan verkkosivuilla, koulujen infonäytöillä ja "
            "oppilashallintojärjestelmän tiedotteissa.",
            "Jokaisesta ateriasta kerrotaan allergeenit ja soveltuvuus yleisimpiin erityisruokavalioihin. "
            "Huoltajat ovat toivoneet juuri tätä tietoa.",
            "Rajapinta on avoin ja dokumentoitu OpenAPI 3 -kuvauksella. Tietomalli on tehty niin, että "
            "toinen kunta voi julkaista omat listansa samalla rakenteella.",
        ],
        "tags": ["ateriapalvelut", "ruokalista", "rajapinta"],
        "service_classes": ["P5.20", "P6.2"],
        "api_specification_url": "https://api.example.fi/ylojarvi/ruokalistat/openapi.json",
        "api_base_url": "https://api.example.fi/ylojarvi/ruokalistat/v2/",
        "repository_url": "https://git.example.fi/ylojarvi/ruokalistarajapinta",
        "contacts": [_contact("Sanna Heikkilä", "Ravitsemispalvelupäällikkö", "ateriapalvelut.ylojarvi")],
    },
    {
        "slug": "salo-vesihuollon-hairiotiedotteet-api",
        "title": "Vesihuollon häiriötiedotteiden rajapinta",
        "org": "734",
        "kind": SolutionKind.API,
        "licence": "MIT",
        "summary": "Vesikatkot ja keittokehotukset koneluettavina alueittain, jotta tieto leviää "
        "verkkosivuille, tekstiviesteihin ja karttaan yhdellä kirjauksella.",
        "description": [
            "Vesihuoltolaitoksen päivystäjä kirjaa katkon kerran, ja rajapinta jakaa sen eteenpäin. "
            "Tiedotteessa on alue karttarajauksena, alkamis- ja arvioitu päättymisaika sekä ohjeet.",
            "Kunnan verkkosivut, asukkaiden tekstiviestipalvelu ja karttapalvelu hakevat tiedot "
            "rajapinnasta. Aiemmin sama tiedote kirjoitettiin kolmeen paikkaan.",
        ],
        "tags": ["vesihuolto", "häiriötiedote", "rajapinta"],
        "service_classes": ["P23.3"],
        "api_specification_url": "https://api.example.fi/salo/vesihuolto/openapi.yaml",
        "api_base_url": "https://api.example.fi/salo/vesihuolto/v1/",
        "contacts": [_contact("Vesihuoltolaitoksen käyttöpäällikkö", "Käyttöpäällikkö", "vesihuolto.salo")],
    },
    {
        "slug": "pargas-api-for-sophamtning",
        "title": "API för sophämtningsdagar i skärgården",
        "org": "445",
        "lifecycle": Lifecycle.PILOT,
        "language": SV,
        "kind": SolutionKind.API,
        "licence": "EUPL-1.2",
        "summary": "Ett öppet API som visar när sopkärlen töms per adress, också på öar med "
        "färjeförbindelse.",
        "description": [
            "I skärgården töms sopkärlen enligt färjetidtabeller och säsong, och invånarna frågar ofta "
            "när nästa tömning sker. API:t svarar på frågan per adress.",
            "Under pilotåret använder kommunens webbplats och en kalenderprenumeration API:t. "
            "Uppgifterna kommer från avfallsbolagets rutter en gång i veckan.",
            "API:t är beskrivet i OpenAPI 3. Det svarar på svenska och finska.",
        ],
        "tags": ["avfallshantering", "skärgård", "api"],
        "service_classes": ["P23.2"],
        "api_specification_url": "https://api.example.fi/pargas/avfall/openapi.yaml",
        "api_base_url": "https://api.example.fi/pargas/avfall/v1/",
        "contacts": [_contact("Miljöenheten", "Miljöinspektör", "miljo.pargas")],
    },
    {
        "slug": "inari-kirjastoauton-aikataulut-api",
        "title": "Kirjastoauton reitit ja pysäkit avoimena datana",
        "org": "148",
        "kind": SolutionKind.API,
        "licence": "CC-BY-4.0",
        "summary": "Kirjastoauton pysäkit, aikataulut ja poikkeukset rajapinnasta, jotta ne näkyvät "
        "kartalla ja kalentereissa.",
        "description": [
            "Pitkien etäisyyksien kunnassa kirjastoauto on monelle ainoa kirjasto. Aikataulut olivat "
            "aiemmin vain paperilla ja PDF-tiedostona.",
            "Rajapinta julkaisee pysäkit koordinaatteineen ja aikataulut iCalendar- ja JSON-muodossa. "
            "Poikkeukset, kuten kelirikon aiheuttamat muutokset, päivitetään samaan paikkaan.",
            "Data on avointa CC BY 4.0 -lisenssillä.",
        ],
        "tags": ["kirjastot", "kirjastoauto", "avoin data"],
        "service_classes": ["P25.1"],
        "api_specification_url": "https://api.example.fi/inari/kirjastoauto/openapi.yaml",
        "api_base_url": "https://api.example.fi/inari/kirjastoauto/v1/",
        "contacts": [_contact("Kirjastopalvelut", "Kirjastoautovirkailija", "kirjasto.inari")],
    },
    # Integrations.
    {
        "slug": "kempele-palaute-asianhallintaan",
        "title": "Palautejärjestelmän integraatio asianhallintaan",
        "org": "244",
        "kind": SolutionKind.INTEGRATION,
        "licence": "MIT",
        "summary": "Asukaspalaute siirtyy verkkolomakkeelta suoraan asianhallintaan oikealle "
        "vastuuhenkilölle, ja vastaus palaa palautteen antajalle.",
        "description": [
            "Palautteet tulivat sähköpostiin, josta kirjaamo siirsi ne käsin asianhallintaan. "
            "Integraatio tekee saman automaattisesti palautteen aiheen perusteella.",
            "Palautteen antaja saa kuittauksen ja myöhemmin vastauksen samaan osoitteeseen. Palautteiden "
            "käsittelyajat näkyvät raportilla, jota johtoryhmä seuraa neljännesvuosittain.",
            "Integraatio on toteutettu kevyenä Python-palveluna, joka käyttää Open311-rajapintaa "
            "palautteen vastaanottoon.",
        ],
        "connected_systems": "Verkkosivujen palautelomake (Open311-rajapinta); asianhallintajärjestelmä "
        "(REST-rajapinta); sähköpostipalvelin kuittauksia varten.",
        "tags": ["palautejärjestelmä", "asianhallinta", "integraatio"],
        "service_classes": ["P9.6"],
        "repository_url": "https://git.example.fi/kempele/palauteintegraatio",
        "replaces": "Sähköpostilla kulkeva palaute, käsin kirjaaminen",
        "adoption_conditions": "Asianhallintajärjestelmä, jossa on asioiden luontiin kirjoittava "
        "rajapinta, ja palvelin tai kontti, jossa integraatiopalvelu ajetaan.",
        "contacts": [_contact("Mikko Rautio", "Digikehittäjä", "digi.kempele")],
    },
    {
        "slug": "raahe-hr-kayttajahallinta-integraatio",
        "title": "Henkilöstöhallinnosta käyttäjätunnuksiin: tunnusten automaattinen elinkaari",
        "org": "678",
        "kind": SolutionKind.INTEGRATION,
        "summary": "Integraatio luo, muuttaa ja sulkee käyttäjätunnukset HR-järjestelmän "
        "palvelussuhdetietojen perusteella.",
        "description": [
            "Tunnukset tilattiin lomakkeella, ja poistuvien työntekijöiden tunnukset jäivät joskus "
            "auki kuukausiksi. Nyt palvelussuhteen alkaminen, muutos ja päättyminen HR-järjestelmässä "
            "käynnistävät tunnuksen luonnin, ryhmämuutokset ja sulkemisen.",
            "Käyttöoikeusryhmät johdetaan tehtävänimikkeestä ja yksiköstä. Poikkeukset hyväksyy "
            "esihenkilö erikseen.",
        ],
        "connected_systems": "Palkka- ja HR-järjestelmä (päivittäinen siirto); Microsoft Entra ID; "
        "kunnan käyttövaltuushallinta.",
        "context": "Tunnuksia luodaan ja suljetaan joka viikko, ja kesätyöntekijät lisäävät määrää keväisin.",
        "results": "Tunnukset ovat valmiina ensimmäisenä työpäivänä, ja päättyneiden palvelussuhteiden "
        "tunnukset sulkeutuvat seuraavana yönä.",
        "tags": ["henkilöstöhallinto", "käyttäjähallinta", "integraatio"],
        "service_classes": ["P12.4"],
        "contacts": [_contact("Tuomas Kela", "Integraatioasiantuntija", "ict.raahe")],
    },
    {
        "slug": "iisalmi-hankinnat-hilma-integraatio",
        "title": "Kilpailutusjärjestelmän ja Hilman integraatio",
        "org": "140",
        "kind": SolutionKind.INTEGRATION,
        "summary": "Hankintailmoitukset siirtyvät kunnan kilpailutusjärjestelmästä Hilmaan ilman "
        "tietojen kopiointia käsin.",
        "description": [
            "Hankintalain mukaiset ilmoitukset julkaistaan Hilmassa. Hankinta-asiantuntijat kopioivat "
            "tiedot ennen käsin kilpailutusjärjestelmästä Hilman lomakkeille.",
            "Integraatio lähettää ilmoituksen Hilman rajapintaan, tallentaa ilmoituksen tunnuksen "
            "hankinnan tietoihin ja hakee julkaisun tilan takaisin. Virheistä tulee ilmoitus hankinnan "
            "vastuuhenkilölle.",
        ],
        "connected_systems": "Kunnan kilpailutusjärjestelmä; Hilma-palvelun ilmoitusrajapinta; "
        "asianhallinta hankintapäätöksiä varten.",
        "tags": ["hankinnat", "hilma", "integraatio"],
        "service_classes": ["P14.5"],
        "documentation_url": "https://www.example.fi/iisalmi/hankinnat/hilma-integraatio",
        "contacts": [_contact("Hankintapalvelut", "Hankinta-asiantuntija", "hankinnat.iisalmi")],
    },
    {
        "slug": "jakobstad-koha-elevregister-integration",
        "title": "Integration mellan biblioteksystemet och elevregistret",
        "org": "598",
        "language": SV,
        "kind": SolutionKind.INTEGRATION,
        "licence": "GPL-3.0-or-later",
        "summary": "Eleverna får ett bibliotekskort automatiskt vid skolstarten, och uppgifterna hålls "
        "aktuella när eleven byter klass eller skola.",
        "description": [
            "Varje höst fyllde skolorna i pappersblanketter för elevernas bibliotekskort. Integrationen "
            "hämtar nu elevernas uppgifter från elevregistret och skapar låntagare i biblioteksystemet.",
            "Endast de uppgifter som biblioteket behöver överförs: namn, skola, klass och "
            "vårdnadshavarens samtycke. När eleven slutar skolan arkiveras låntagaren enligt "
            "bibliotekets regler.",
            "Integrationen är skriven som ett Koha-tillägg och kan användas av andra bibliotek som "
            "använder Koha.",
        ],
        "connected_systems": "Koha (biblioteksystem); elevregistret (dagligen överförd fil); "
        "kommunens användarkatalog.",
        "tags": ["bibliotek", "koha", "skolor"],
        "service_classes": ["P25.1", "P6.2"],
        "repository_url": "https://git.example.fi/jakobstad/koha-elevregister",
        "contacts": [_contact("Stadsbiblioteket", "Systembibliotekarie", "bibliotek.jakobstad")],
    },
    # Good practices.
    {
        "slug": "kuhmo-digituki-kirjastossa",
        "title": "Digituki kirjastossa: kuntalaisten opastus sähköiseen asiointiin",
        "org": "290",
        "kind": SolutionKind.PRACTICE,
        "summary": "Kirjasto tarjoaa ajanvarauksella ja ilman henkilökohtaista apua sähköiseen "
        "asiointiin, yhdessä hyvinvointialueen ja järjestöjen kanssa.",
        "description": [
            "Moni kuntalainen tarvitsee apua tunnistautumisessa, lomakkeiden täyttämisessä ja "
            "asiointipalveluiden löytämisessä. Kirjasto on kunnan palvelupiste, jonne on helppo tulla.",
            "Digitukea annetaan kahtena päivänä viikossa ajanvarauksella ja torstaisin ilman. Vapaaehtoiset "
            "digitukihenkilöt on koulutettu yhdessä järjestöjen kanssa.",
        ],
        "context": "Harvaan asuttu kunta, jossa asiointipisteitä on vähän ja iäkkäiden asukkaiden osuus "
        "on suuri.",
        "results": "Digituesta on tullut kirjaston vakiintunut palvelu. Yleisimmät kysymykset liittyvät "
        "vahvaan tunnistautumiseen ja hyvinvointialueen sähköiseen asiointiin.",
        "lessons_learned": "Opastajan ei pidä asioida asiakkaan puolesta eikä käsitellä tämän "
        "tunnuksia. Tämä raja kannattaa kirjata ohjeeseen heti alussa.",
        "tags": ["kirjastot", "digituki", "sähköinen asiointi"],
        "service_classes": ["P25.1", "P9.4"],
        "contacts": [_contact("Kirjaston digituki", "Kirjastovirkailija", "digituki.kuhmo")],
    },
    {
        "slug": "kuntaliitto-avoimen-lahdekoodin-hankinta",
        "title": "Avoimen lähdekoodin hankinnan tarkistuslista kunnille",
        "org": "kuntaliitto",
        "partners": ["233", "980", "765"],
        "kind": SolutionKind.PRACTICE,
        "summary": "Tarkistuslista siitä, mitä kunnan kannattaa vaatia hankintasopimukseen, kun se "
        "teettää ohjelmiston avoimena lähdekoodina.",
        "description": [
            "Kunta omistaa teettämänsä ohjelmiston vain, jos sopimus sanoo niin. Tarkistuslista kokoaa "
            "asiat, jotka jäävät helpoimmin sopimuksesta pois.",
            "Listalla ovat muun muassa lähdekoodin luovutus julkiseen repositorioon, lisenssin valinta, "
            "dokumentaatio, riippuvuuksien lisenssit, käännösohjeet ja tietoturvapäivitysten vastuu.",
            "Lista on laadittu yhdessä kuntien kanssa, jotka ovat hankkineet avointa koodia, ja se "
            "täydentää julkisen hallinnon IT-hankintojen yleisiä sopimusehtoja (JIT).",
        ],
        "context": "Kunnat ovat kysyneet Kuntaliitolta, miten ohjelmiston jakaminen toisille kunnille "
        "varmistetaan jo hankintavaiheessa.",
        "results": "Tarkistuslistaa on käytetty usean kunnan tarjouspyynnön liitteenä.",
        "lessons_learned": "Lisenssi kannattaa valita ennen tarjouspyyntöä. Jälkikäteen valittuna "
        "toimittajan aiemmin tekemät osat voivat estää julkaisun.",
        "tags": ["hankinnat", "avoin lähdekoodi", "sopimukset"],
        "service_classes": ["P14.5"],
        "documentation_url": "https://www.example.fi/kuntaliitto/avoin-koodi/tarkistuslista",
        "contacts": [
            _contact("Digitalisaatioyksikkö", "Erityisasiantuntija", "digi.kuntaliitto"),
            _contact("Hankintojen neuvontapalvelu", "Lakimies", "hankinnat.kuntaliitto"),
        ],
    },
    {
        "slug": "kuntaliitto-yhteiskehittamisen-sopimusmalli",
        "title": "Kuntien yhteiskehittämisen sopimusmalli",
        "org": "kuntaliitto",
        "lifecycle": Lifecycle.IDEA,
        "kind": SolutionKind.PRACTICE,
        "summary": "Luonnos sopimusmallista, jolla kaksi tai useampi kunta kehittää ja ylläpitää yhteistä "
        "ohjelmistoa ja jakaa kustannukset.",
        "description": [
            "Kun yksi kunta kehittää ja muut käyttävät, ylläpidon kustannukset ja päätösvalta jäävät "
            "usein epäselviksi. Sopimusmalli määrittelee omistajuuden, kustannusten jaon, "
            "kehitystoiveiden käsittelyn ja yhteisön päätöksenteon.",
            "Malli on luonnosvaiheessa. Kaipaamme kommentteja erityisesti kunnilta, jotka jo käyttävät "
            "toisen kunnan kehittämää ohjelmistoa.",
        ],
        "context": "Yhteiskäytössä olevien avoimen lähdekoodin järjestelmien määrä kasvaa, mutta "
        "yhteistyö perustuu usein yksittäisiin sähköposteihin.",
        "tags": ["yhteiskehittäminen", "sopimukset", "avoin lähdekoodi"],
        "contacts": [_contact("Digitalisaatioyksikkö", "Erityisasiantuntija", "digi.kuntaliitto")],
    },
    {
        "slug": "pohjanmaan-hva-hemvard-och-motion",
        "title": "Samarbete mellan hemvården och kommunernas motionstjänster",
        "org": "pohjanmaan-hyvinvointialue",
        "partners": ["545", "287", "905"],
        "language": SV,
        "kind": SolutionKind.PRACTICE,
        "summary": "Hemvården och kommunernas motionsrådgivare stöder tillsammans äldres funktionsförmåga "
        "med en gemensam remissrutin.",
        "description": [
            "Sedan 2023 ordnar välfärdsområdet hemvården, medan kommunerna ansvarar för motion, fritid "
            "och främjande av välfärd och hälsa. En äldre person som skulle ha nytta av motion föll "
            "lätt mellan organisationerna.",
            "Hemvårdaren kan nu med kundens samtycke föreslå ett möte med kommunens motionsrådgivare. "
            "Rådgivaren kontaktar kunden och berättar om lämpliga grupper i närområdet.",
            "Rutinen är beskriven på en sida och kan tas i bruk i vilken kommun som helst i området.",
        ],
        "context": "Välfärdsområdet och kommunerna behövde en praktisk modell för samarbetet kring "
        "välfärd och hälsa efter social- och hälsovårdsreformen.",
        "results": "Motionsgrupperna för äldre har fått nya deltagare, och hemvården vet vart kunderna "
        "kan hänvisas.",
        "lessons_learned": "Samtycket måste dokumenteras i kundens uppgifter. Utan en namngiven "
        "kontaktperson i varje kommun stannar remisserna upp.",
        "tags": ["äldre", "hemvård", "motion"],
        "service_classes": ["P4.3", "P27.1"],
        "contacts": [_contact("Enheten för välfärd och hälsa", "Koordinator", "valfard.osterbotten")],
    },
    {
        "slug": "uusikaupunki-hankintakalenteri",
        "title": "Hankintakalenteri kunnan verkkosivuilla",
        "org": "895",
        "kind": SolutionKind.PRACTICE,
        "summary": "Kunta julkaisee tulevat hankintansa puoli vuotta etukäteen, jotta paikalliset "
        "yritykset ehtivät valmistautua tarjouskilpailuihin.",
        "description": [
            "Paikalliset yritykset kertoivat kuulevansa kunnan hankinnoista vasta, kun tarjousaika oli "
            "jo käynnissä. Nyt suunnitellut hankinnat ovat verkkosivuilla taulukkona.",
            "Kalenterissa on hankinnan aihe, arvioitu aikataulu ja yhteyshenkilö. Arvoa ei julkaista "
            "ennen tarjouspyyntöä.",
        ],
        "context": "Elinvoimaohjelmassa haluttiin lisätä paikallisten yritysten osallistumista "
        "kunnan kilpailutuksiin.",
        "results": "Yrittäjätapaamisissa kalenteria pidetään hyödyllisenä, ja tarjouksia on tullut "
        "myös yrityksiltä, jotka eivät aiemmin osallistuneet kunnan kilpailutuksiin.",
        "lessons_learned": "Kalenteria päivitetään kerran kuussa. Vanhentunut kalenteri on huonompi kuin "
        "ei kalenteria.",
        "tags": ["hankinnat", "elinvoima", "yritykset"],
        "service_classes": ["P14.5", "P11.5"],
        "website_url": "https://www.example.fi/uusikaupunki/hankintakalenteri",
        "contacts": [_contact("Hankintapalvelut", "Hankintapäällikkö", "hankinnat.uusikaupunki")],
    },
    {
        "slug": "porvoo-tillganglighetsutlatande-mall",
        "title": "Tvåspråkig mall för tillgänglighetsutlåtanden",
        "org": "638",
        "language": SV,
        "kind": SolutionKind.PRACTICE,
        "summary": "En mall och ett arbetssätt för att skriva och uppdatera tillgänglighetsutlåtanden på "
        "finska och svenska för stadens alla webbtjänster.",
        "description": [
            "Lagen om tillhandahållande av digitala tjänster kräver ett tillgänglighetsutlåtande för "
            "varje webbplats och mobilapplikation. Staden har tiotals tjänster, och utlåtandena skrevs "
            "olika och oftast bara på finska.",
            "Mallen har färdiga formuleringar på båda språken, en lista över vanliga brister och en "
            "årlig påminnelse till tjänsteägaren.",
        ],
        "context": "Porvoo är en tvåspråkig stad, och alla offentliga tjänster ska finnas på finska och "
        "svenska.",
        "results": "Alla stadens webbtjänster har nu ett utlåtande på båda språken, och utlåtandena "
        "uppdateras en gång om året.",
        "lessons_learned": "Utlåtandet blir inte bättre än granskningen bakom det. Avsätt tid för "
        "granskningen, inte bara för texten.",
        "tags": ["tillgänglighet", "tvåspråkighet", "webbtjänster"],
        "service_classes": ["P9.4"],
        "documentation_url": "https://www.example.fi/borga/tillganglighet/mall",
        "contacts": [_contact("Kommunikationsenheten", "Webbredaktör", "webb.borga")],
    },
    # Experience reports.
    {
        "slug": "vasa-tvasprakig-chattbot",
        "title": "Erfarenheter av en tvåspråkig chattbot i kundtjänsten",
        "org": "905",
        "lifecycle": Lifecycle.PILOT,
        "language": SV,
        "kind": SolutionKind.EXPERIENCE,
        "summary": "Vad vi lärde oss under ett pilotår med en chattbot som svarar på vanliga frågor på "
        "svenska och finska.",
        "description": [
            "Stadens kundtjänst får många likadana frågor om avgifter, öppettider och blanketter. Vi "
            "testade en chattbot som svarar på dem dygnet runt och kopplar över till en människa när den "
            "inte kan svara.",
            "Chattboten svarar utgående från stadens egna webbsidor, inte från fritt genererad text. "
            "Svaren granskas varje vecka under piloten.",
        ],
        "context": "En tvåspråkig stad med en gemensam kundtjänst för alla förvaltningar.",
        "results": "Chattboten klarar de enklaste frågorna på båda språken. Frågor om enskilda ärenden "
        "går fortfarande till kundtjänsten, och det är rätt.",
        "lessons_learned": "Det svenska innehållet på webben måste vara lika aktuellt som det finska, "
        "annars svarar boten sämre på svenska. Piloten avslöjade flera föråldrade sidor.",
        "tags": ["chattbot", "kundtjänst", "tvåspråkighet"],
        "service_classes": ["P9.6"],
        "replaces": "Kommersiella chattbottjänster",
        "contacts": [_contact("Linnea Sjöberg", "Digitaliseringsutvecklare", "kundtjanst.vasa")],
    },
    {
        "slug": "kankaanpaa-sote-siirron-tietojarjestelmat",
        "title": "Sote-siirron tietojärjestelmäerottelu: mitä opimme",
        "org": "214",
        "kind": SolutionKind.EXPERIENCE,
        "summary": "Kokemuksia kunnan tietojärjestelmien, käyttäjätunnusten ja arkistojen erottelusta, "
        "kun sosiaali- ja terveyspalvelut siirtyivät hyvinvointialueelle vuoden 2023 alussa.",
        "description": [
            "Vuoden 2023 alussa sosiaali- ja terveydenhuolto sekä pelastustoimi siirtyivät kunnilta "
            "hyvinvointialueille. Kunnan tietohallinnolle siirto tarkoitti järjestelmien, sopimusten, "
            "tunnusten ja arkistojen jakamista kahden organisaation kesken.",
            "Kokosimme tähän sen, mitä olisimme halunneet tietää etukäteen. Kokemus on hyödyllinen "
            "myös muissa tilanteissa, joissa tehtäviä siirtyy organisaatiosta toiseen.",
        ],
        "context": "Pieni kaupunki, jonka sote-palvelut oli aiemmin järjestetty osittain "
        "yhteistoiminta-alueena ja osittain itse.",
        "results": "Siirto onnistui aikataulussa, mutta yhteiskäyttöisten järjestelmien, kuten "
        "talouden ja asianhallinnan, erottelu jatkui pitkälle vuoteen 2023.",
        "lessons_learned": "Inventoi ensin sopimukset, vasta sitten järjestelmät. Sopimuksista selviää, "
        "kuka saa siirtää mitä. Sopikaa arkistovastuut kirjallisesti ennen siirtoa.",
        "tags": ["sote-uudistus", "tietohallinto", "hyvinvointialue"],
        "service_classes": ["P9.3"],
        "contacts": [_contact("Tietohallinto", "Tietohallintopäällikkö", "tietohallinto.kankaanpaa")],
    },
    {
        "slug": "mariehamn-digital-felanmalan",
        "title": "Digital felanmälan för gator och parker: erfarenheter från första året",
        "org": "478",
        "language": SV,
        "kind": SolutionKind.EXPERIENCE,
        "summary": "Invånarna anmäler trasiga gatlyktor, potthål och nedskräpning via en karta på "
        "webben; så här gick det första året.",
        "description": [
            "Tidigare kom felanmälningar per telefon och e-post till flera olika personer. Nu anmäler "
            "invånaren felet på en karta, bifogar gärna en bild och får ett svar när felet är åtgärdat.",
            "Tjänsten bygger på Open311-standarden, så anmälningarna kan tas emot från flera appar.",
        ],
        "context": "En liten stad där samma arbetsgrupp sköter gator, parker och belysning.",
        "results": "Anmälningarna blev tydligare eftersom platsen och bilden följer med. Arbetsgruppen "
        "planerar rutterna utgående från anmälningarna på kartan.",
        "lessons_learned": "Svara på varje anmälan, också när felet inte åtgärdas genast. Invånarna "
        "uppskattar att få veta vad som händer.",
        "tags": ["felanmälan", "open311", "gator"],
        "service_classes": ["P16.7"],
        "demo_url": "https://demo.example.fi/mariehamn/felanmalan",
        "contacts": [_contact("Stadsmiljö", "Gatuingenjör", "stadsmiljo.mariehamn")],
    },
    {
        "slug": "kemijarvi-avustushaku-verkkoon",
        "title": "Kokemuksia avustushaun siirtämisestä verkkolomakkeelle",
        "org": "320",
        "kind": SolutionKind.EXPERIENCE,
        "summary": "Yhdistysten toiminta-avustukset haetaan nyt verkkolomakkeella; näin siirtymä sujui "
        "ja tätä tekisimme toisin.",
        "description": [
            "Kunnan avustukset haettiin paperilomakkeella, ja liitteet tulivat postissa. Siirryimme "
            "verkkolomakkeeseen, joka tallentaa hakemuksen suoraan asianhallintaan.",
            "Lomake on tehty kunnan olemassa olevalla lomaketyökalulla, eikä uutta järjestelmää tarvittu.",
        ],
        "context": "Kymmenet yhdistykset hakevat vuosittain kulttuuri-, liikunta- ja nuorisoavustuksia.",
        "results": "Puutteellisia hakemuksia tuli vähemmän, koska pakolliset liitteet tarkistetaan jo "
        "lomakkeella. Yhdistysten kysymykset keskittyivät tunnistautumiseen.",
        "lessons_learned": "Pidä paperilomake saatavilla vielä ensimmäisenä vuonna ja järjestä "
        "yhdistyksille opastustilaisuus kirjastossa ennen hakuajan alkua.",
        "tags": ["avustushaku", "yhdistykset", "sähköinen asiointi"],
        "service_classes": ["P8.4", "P25.5"],
        "contacts": [_contact("Vapaa-aikapalvelut", "Vapaa-aikasihteeri", "vapaa-aika.kemijarvi")],
    },
    {
        "slug": "saarijarvi-yhteinen-ict-hankinta",
        "title": "Kokemuksia pienten kuntien yhteisestä ICT-hankinnasta",
        "org": "729",
        "partners": ["992", "249"],
        "kind": SolutionKind.EXPERIENCE,
        "summary": "Kolme keskisuomalaista kuntaa kilpailutti yhdessä työasemapalvelut; kokemuksia "
        "valmistelusta, sopimuksesta ja ensimmäisestä vuodesta.",
        "description": [
            "Yksin kilpailuttaessaan pieni kunta saa harvoin tarjouksia useammalta kuin yhdeltä tai "
            "kahdelta toimittajalta. Yhteishankinnalla saimme enemmän tarjouksia ja yhteisen "
            "palvelutasosopimuksen.",
            "Kuvaamme, miten tarpeet yhtenäistettiin, miten hankintayksikkö valittiin ja miten "
            "sopimusta seurataan yhdessä.",
        ],
        "context": "Saarijärvi, Äänekoski ja Keuruu, joilla on samankaltaiset tarpeet mutta erilaiset "
        "nykyiset sopimukset.",
        "results": "Sopimus on voimassa kaikissa kolmessa kunnassa, ja toimittajan kanssa pidetään "
        "yhteiset seurantapalaverit.",
        "lessons_learned": "Nykyisten sopimusten päättymisajat ratkaisevat aikataulun. Selvitä ne "
        "ensimmäisenä, ja varaa siirtymäaikaa.",
        "tags": ["hankinnat", "yhteishankinta", "tietohallinto"],
        "service_classes": ["P14.5"],
        "contacts": [_contact("Hallintopalvelut", "Hallintojohtaja", "hallinto.saarijarvi")],
    },
    # Software, from ideas and pilots to production.
    {
        "slug": "ii-koulukuljetusreittien-suunnittelu",
        "title": "Avoin työkalu koulukuljetusreittien suunnitteluun",
        "org": "139",
        "lifecycle": Lifecycle.IDEA,
        "kind": SolutionKind.SOFTWARE,
        "summary": "Idea avoimesta työkalusta, joka ehdottaa koulukuljetusten reitit oppilaiden osoitteiden, "
        "koulujen ja ajoaikojen perusteella.",
        "description": [
            "Koulukuljetukset ovat monen pienen kunnan suurimpia sivistystoimen menoeriä, ja reitit "
            "suunnitellaan usein käsin taulukkoon. Haemme kumppanikuntia työkalulle, joka ehdottaa "
            "reitit avoimen tieverkkoaineiston avulla.",
            "Ensimmäinen versio ei tilaisi kuljetuksia eikä käsittelisi päätöksiä: se vain ehdottaisi "
            "reittejä, joita kuljetussuunnittelija muokkaa.",
        ],
        "tags": ["koulukuljetukset", "reititys", "avoin lähdekoodi"],
        "service_classes": ["P6.2", "P16.5"],
        "replaces": "Käsin ylläpidetyt reittitaulukot",
        "contacts": [_contact("Sivistyspalvelut", "Kuljetussuunnittelija", "kuljetukset.ii")],
    },
    {
        "slug": "hollola-erityisruokavalioilmoitus",
        "title": "Erityisruokavalion sähköinen ilmoitus",
        "org": "098",
        "lifecycle": Lifecycle.PILOT,
        "kind": SolutionKind.SOFTWARE,
        "licence": "EUPL-1.2",
        "summary": "Huoltaja ilmoittaa lapsen erityisruokavalion verkossa, ja tieto menee suoraan "
        "koulun tai päiväkodin keittiöön.",
        "description": [
            "Erityisruokavaliot ilmoitettiin paperilomakkeella, joka kulki opettajan kautta keittiöön. "
            "Lomakkeita katosi, ja tieto päivittyi hitaasti.",
            "Sähköinen ilmoitus tunnistaa huoltajan, ja keittiö näkee ajantasaisen listan oman "
            "yksikkönsä lapsista. Terveystietoja ei tallenneta enempää kuin ruoan valmistamiseen "
            "tarvitaan.",
            "Pilotti on käynnissä kahdessa koulussa ja yhdessä päiväkodissa.",
        ],
        "tags": ["ateriapalvelut", "erityisruokavalio", "sähköinen asiointi"],
        "service_classes": ["P5.20", "P6.2"],
        "repository_url": "https://git.example.fi/hollola/erityisruokavalio",
        "demo_url": "https://demo.example.fi/hollola/erityisruokavalio",
        "adoption_conditions": "Suomi.fi-tunnistus tai muu vahva tunnistautuminen sekä tietosuojan "
        "vaikutustenarviointi ennen käyttöönottoa.",
        "contacts": [_contact("Ruokapalvelut", "Ruokapalvelupäällikkö", "ruokapalvelut.hollola")],
    },
    {
        "slug": "lieksa-nuorisotilojen-kavijaseuranta",
        "title": "Nuorisotilojen kävijäseuranta mobiilisti",
        "org": "422",
        "lifecycle": Lifecycle.PILOT,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "summary": "Nuoriso-ohjaaja kirjaa kävijämäärät ja toiminnan puhelimella, ja kuukausiraportit "
        "syntyvät itsestään.",
        "description": [
            "Kävijämäärät kirjattiin ennen vihkoon ja siirrettiin kuun lopussa taulukkoon. Sovellus "
            "tallentaa kävijämäärät ikäryhmittäin ilman nuorten henkilötietoja.",
            "Raportit näyttävät kävijämäärät tiloittain ja toiminnoittain. Niistä on apua myös "
            "nuorisolautakunnan raportoinnissa.",
        ],
        "tags": ["nuorisopalvelut", "nuorisotilat", "tilastointi"],
        "service_classes": ["P28.1"],
        "repository_url": "https://git.example.fi/lieksa/nuorisotilat",
        "contacts": [_contact("Nuorisopalvelut", "Nuoriso-ohjaaja", "nuoriso.lieksa")],
    },
    {
        "slug": "raseborg-bokningskalender-idrottsanlaggningar",
        "title": "Bokningskalender för idrottsanläggningar",
        "org": "710",
        "language": SV,
        "kind": SolutionKind.SOFTWARE,
        "licence": "EUPL-1.2",
        "summary": "En tvåspråkig kalender där föreningar och invånare ser lediga turer i idrottshallar "
        "och planer och skickar bokningsförfrågningar.",
        "description": [
            "Föreningarna ansökte om träningsturer med en blankett, och de lediga turerna fanns i ett "
            "kalkylark som bara idrottsbyrån såg. Nu är kalendern öppen för alla.",
            "Bokningsförfrågan går till idrottsbyrån, som godkänner den. Fakturan skapas en gång i "
            "månaden ur de godkända bokningarna.",
            "Kalendern fungerar på svenska och finska och uppfyller tillgänglighetskraven.",
        ],
        "tags": ["idrottsanläggningar", "bokning", "lokalbokning"],
        "service_classes": ["P27.1", "P2.5"],
        "repository_url": "https://git.example.fi/raseborg/bokningskalender",
        "replaces": "Timmi, kalkylark och e-postbokningar",
        "adoption_conditions": "En server med PostgreSQL, en person som ansvarar för turfördelningen "
        "och en exportfil till faktureringen.",
        "contacts": [_contact("Johan Lindholm", "Idrottssekreterare", "idrott.raseborg")],
    },
    {
        "slug": "pieksamaki-vesimittarin-lukema",
        "title": "Vesimittarin lukeman ilmoitus verkossa",
        "org": "593",
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "summary": "Asiakas ilmoittaa vesimittarin lukeman verkkolomakkeella, ja lukema siirtyy "
        "laskutukseen ilman käsin tallentamista.",
        "description": [
            "Vesihuoltolaitos lähetti lukemakortit postissa kerran vuodessa, ja palautetut kortit "
            "tallennettiin käsin. Verkkolomake tunnistaa asiakkaan käyttöpaikan numerosta ja "
            "varoittaa, jos lukema poikkeaa selvästi edellisestä.",
            "Lukemat siirtyvät laskutusjärjestelmään kerran päivässä tiedostona. Postikortti on yhä "
            "käytössä niille, jotka eivät asioi verkossa.",
        ],
        "tags": ["vesihuolto", "sähköinen asiointi", "laskutus"],
        "service_classes": ["P23.3"],
        "repository_url": "https://git.example.fi/pieksamaki/vesimittari",
        "replaces": "Paperiset lukemakortit",
        "contacts": [_contact("Vesihuoltolaitos", "Asiakaspalvelusihteeri", "vesilaitos.pieksamaki")],
    },
]
