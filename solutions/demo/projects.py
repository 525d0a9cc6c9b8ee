"""Real open-source projects of Finnish municipalities and of one joint municipal authority.

Facts (name, owner, licence, repository, kind) come from the projects' own repositories as read on
22 November 2026; "" as the licence means no licence file was found at the repository root. The
Finnish texts were written for the catalogue from the projects' READMEs and say no more than those do.
"""

from solutions.models import Lifecycle, SolutionKind

HELSINKI = "091"
ESPOO = "049"
VANTAA = "092"
KIRKKONUMMI = "257"
TAMPERE = "837"
TURKU = "853"
OULU = "564"

PROJECTS = [
    {
        "slug": "linked-events",
        "title": "Linked Events",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/linkedevents",
        "summary": "Tapahtumatietojen rajapinta, joka kokoaa, tuottaa ja julkaisee kaupungin ja sen "
        "kumppanien tapahtumat yhdestä paikasta.",
        "description": [
            "Linked Events on Djangolla toteutettu REST-rajapinta tapahtumatiedoille. Se tuo tapahtumia "
            "useista lähteistä tuontiskripteillä, ja organisaatiot voivat myös syöttää omia tapahtumiaan "
            "suoraan rajapinnan kautta.",
            "Julkaisuoikeudet on rajattu organisaatiokohtaisesti: kukin yksikkö hallitsee vain omia "
            "tapahtumiaan, mutta kaikki tieto on luettavissa samasta rajapinnasta. Näin kaupungin "
            "verkkosivut, sovellukset ja kumppanit voivat näyttää saman tapahtumakalenterin.",
            "Lähdekoodi on avoin MIT-lisenssillä. Oma käyttöönotto edellyttää Python- ja "
            "Django-osaamista sekä palvelinympäristöä; hallintaan sopii erillinen Linked Events UI.",
        ],
        "tags": ["tapahtumat", "rajapinta", "avoin data"],
        "service_classes": ["P25.5"],
    },
    {
        "slug": "linked-events-ui",
        "title": "Linked Events UI (linkedcomponents-ui)",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/linkedcomponents-ui",
        "summary": "Hallintakäyttöliittymä, jolla tapahtumia, ilmoittautumisia ja niihin liittyviä tietoja "
        "ylläpidetään Linked Events -rajapinnassa.",
        "description": [
            "Linked Events UI on selainpohjainen ylläpitonäkymä tapahtumien järjestäjille. Sillä luodaan "
            "ja muokataan tapahtumia, hallitaan ilmoittautumisia ja muita tapahtumiin liittyviä tietoja "
            "ilman, että käyttäjän tarvitsee tuntea rajapintaa.",
            "Käyttöliittymä on kirjoitettu TypeScriptillä ja toimii Linked Events -rajapinnan päällä. "
            "Se sopii kunnalle, joka ottaa käyttöön Linked Eventsin ja haluaa antaa tapahtumien "
            "syöttämisen eri yksiköiden tehtäväksi.",
        ],
        "tags": ["tapahtumat", "ilmoittautuminen", "ylläpito"],
        "service_classes": ["P25.5"],
    },
    {
        "slug": "kerrokantasi",
        "title": "Kerrokantasi",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/kerrokantasi",
        "summary": "Rajapinta kuulemisten julkaisemiseen ja asukkaiden mielipiteiden keräämiseen kommentein, "
        "kyselyin ja kartalla.",
        "description": [
            "Kerrokantasi on Djangolla tehty REST-rajapinta, jonka avulla kaupunki julkaisee kuulemisia "
            "ja kerää asukkailta palautetta. Vastaaja voi kirjoittaa vapaamuotoisen kommentin, vastata "
            "kyselyyn tai merkitä vastauksensa kartalle.",
            "Rajapinnan päälle on rakennettu Helsingin kerrokantasi.hel.fi-palvelun käyttöliittymä "
            "(Kerrokantasi UI). Sama taustajärjestelmä sopii kenelle tahansa kunnalle, joka haluaa "
            "järjestää sähköisiä kuulemisia omalla palvelullaan.",
            "Koodi on MIT-lisensoitu. Käyttöönotto vaatii Python- ja Django-osaamista sekä "
            "käyttöliittymän, esimerkiksi Kerrokantasi UI:n.",
        ],
        "tags": ["osallisuus", "kuuleminen", "kysely"],
        "service_classes": ["P8.3"],
        "replaces": "Webropol, paperiset palautelomakkeet",
    },
    {
        "slug": "kerrokantasi-ui",
        "title": "Kerrokantasi UI",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/kerrokantasi-ui",
        "summary": "Kerrokantasi-kuulemispalvelun React-käyttöliittymä, jolla sekä vastataan kuulemisiin "
        "että laaditaan uusia kyselyitä.",
        "description": [
            "Kerrokantasi UI on kerrokantasi.hel.fi-palvelun käyttöliittymä. Asukas lukee sillä "
            "kuulemisen aineistot ja jättää kommenttinsa; kaupungin työntekijä laatii samassa "
            "palvelussa uusia kuulemisia ja kyselyitä.",
            "Käyttöliittymä on toteutettu Reactilla (JavaScript) ja käyttää Kerrokantasi-rajapintaa. "
            "Omaan käyttöön otettaessa ulkoasu kannattaa muokata kunnan visuaaliseen ilmeeseen.",
        ],
        "tags": ["osallisuus", "kuuleminen", "käyttöliittymä"],
        "service_classes": ["P8.3"],
    },
    {
        "slug": "respa",
        "title": "Respa",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "lifecycle": Lifecycle.RETIRED,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/respa",
        "summary": "Taustapalvelu ja REST-rajapinta tilojen ja laitteiden, kuten kokoushuoneiden, "
        "varaamiseen ja hallintaan.",
        "description": [
            "Respa on resurssien varausjärjestelmän taustapalvelu. Sen rajapinnan kautta varataan ja "
            "hallitaan esimerkiksi kokoushuoneita ja laitteita, ja se on yhteensopiva 6Aika-hankkeessa "
            "laaditun resurssien varausrajapinnan määrittelyn kanssa.",
            "Helsingissä Respan on korvannut uusi tilavarauspalvelu (Tilavarauspalvelu/Varaamo), eikä "
            "Respaan ole tehty muutoksia vuoden 2023 jälkeen.",
            "Uuden käyttöönoton sijaan kannattaa tutustua seuraajaan. Respan koodi on edelleen luettavissa "
            "MIT-lisenssillä esimerkiksi rajapintamäärittelyn mallina.",
        ],
        "tags": ["tilavaraus", "rajapinta", "6aika"],
        "service_classes": ["P2.5"],
        "successor": "tilavarauspalvelu",
    },
    {
        "slug": "varaamo-legacy",
        "title": "Varaamo (legacy UI)",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "lifecycle": Lifecycle.RETIRED,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/varaamo",
        "summary": "Varaamo-tilavarauspalvelun aiempi React/Redux-käyttöliittymä, joka toimi "
        "Respa-rajapinnan päällä.",
        "description": [
            "Tämä on varaamo.hel.fi-palvelun vanha käyttöliittymä, jolla asukkaat varasivat tiloja ja "
            "laitteita Respa-rajapinnan kautta.",
            "Repositorion README merkitsee sen vanhentuneeksi. Uusissa käyttöönotoissa kannattaa "
            "katsoa Helsingin nykyistä tilavarauspalvelua.",
        ],
        "tags": ["tilavaraus", "käyttöliittymä"],
        "service_classes": ["P2.5"],
        "successor": "tilavarauspalvelu",
    },
    {
        "slug": "tilavarauspalvelu",
        "title": "Tilavarauspalvelu (Varaamo)",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/tilavarauspalvelu-core",
        "summary": "Helsingin tila- ja resurssivarausalusta, jossa asukkaat varaavat kaupungin tiloja ja "
        "kohteita verkossa.",
        "description": [
            "Tilavarauspalvelu on Helsingin kaupungin Varaamo-palvelun alusta. Asukkaat ja yhdistykset "
            "varaavat sen kautta esimerkiksi tiloja ja tapahtumapaikkoja, ja kaupungin henkilöstö "
            "hallitsee varattavia kohteita ja käsittelee varauksia.",
            "Repositoriossa on sekä Python-taustajärjestelmä että TypeScriptillä tehty käyttöliittymä. "
            "Palvelu korvaa aiemman Respa-rajapinnan ja vanhan Varaamo-käyttöliittymän.",
            "Koodi on MIT-lisensoitu. Käyttöönotto on laaja hanke: tarvitaan kehitystiimi tai toimittaja, "
            "joka tuntee Pythonin ja TypeScriptin, sekä palvelinympäristö.",
        ],
        "tags": ["tilavaraus", "varaamo", "liikuntapaikat"],
        "service_classes": ["P2.5", "P27.1"],
        "replaces": "Respa, Varaamo (vanha käyttöliittymä), Timmi",
        "adoption_conditions": "Oma kehitystiimi tai toimittaja, Python- ja TypeScript-osaaminen sekä "
        "palvelinympäristö. Tilojen ja hinnoittelun tiedot on koottava ennen käyttöönottoa.",
    },
    {
        "slug": "palvelukartta-ui",
        "title": "Service Map UI (Palvelukartta)",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "",
        "repository_url": "https://github.com/City-of-Helsinki/servicemap-ui",
        "summary": "Palvelukartan verkkokäyttöliittymä, joka näyttää kaupungin palvelupisteet kartalla.",
        "description": [
            "Palvelukartta näyttää kaupungin palvelupisteet, kuten kirjastot, koulut ja uimahallit, "
            "kartalla hakuineen. Tiedot tulevat Palvelukartan taustajärjestelmän (smbackend) "
            "rajapinnasta.",
            "Käyttöliittymä on tehty JavaScriptillä. Repositorion juuresta ei löytynyt lisenssitiedostoa, "
            "joten uudelleenkäytön ehdot kannattaa varmistaa Helsingiltä ennen käyttöönottoa.",
        ],
        "tags": ["kartta", "palvelupisteet", "paikkatieto"],
        "service_classes": ["P18.1"],
    },
    {
        "slug": "palvelukartta-smbackend",
        "title": "Service Map backend (smbackend)",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "AGPL-3.0",
        "repository_url": "https://github.com/City-of-Helsinki/smbackend",
        "summary": "Django-taustajärjestelmä, joka tarjoaa Palvelukartan käyttämän REST-rajapinnan.",
        "description": [
            "Smbackend on Palvelukartan taustajärjestelmä. Sen REST-rajapinta palvelee karttakäyttöliittymää "
            "palvelupisteiden ja niiden sijaintien tiedoilla.",
            "Koodi on AGPL-3.0-lisensoitu: jos muokattua versiota tarjotaan verkkopalveluna, myös muutokset "
            "on julkaistava. Käyttöönotto edellyttää Python- ja Django-osaamista.",
        ],
        "tags": ["kartta", "rajapinta", "paikkatieto"],
        "service_classes": ["P18.2"],
    },
    {
        "slug": "decidim-helsinki-omastadi",
        "title": "Decidim Helsinki (OmaStadi)",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "",
        "repository_url": "https://github.com/City-of-Helsinki/decidim-helsinki",
        "summary": "Decidim-alustaan perustuva osallistumisjärjestelmä, jolla Helsinki toteuttaa "
        "osallistuvan budjetoinnin OmaStadi-palvelussa.",
        "description": [
            "OmaStadi (omastadi.hel.fi) on Helsingin osallistuvan budjetoinnin palvelu. Asukkaat tekevät "
            "ehdotuksia, kehittävät niitä yhdessä ja äänestävät toteutettavista hankkeista.",
            "Toteutus on Ruby-kielinen Decidim-sovellus Helsingin mukautuksin. Repositorion juuressa ei ole "
            "lisenssitiedostoa, mutta Decidim itse on AGPL-3.0-lisensoitu.",
            "Kunta, joka harkitsee osallistuvaa budjetointia, voi tutustua Helsingin mukautuksiin ja "
            "ottaa pohjaksi Decidimin perusversion.",
        ],
        "tags": ["osallistuva budjetointi", "osallisuus", "decidim"],
        "service_classes": ["P8.3"],
    },
    {
        "slug": "helsinki-profiili",
        "title": "Open City Profile (Helsinki-profiili)",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/open-city-profile",
        "summary": "Taustajärjestelmä, joka tallentaa asukkaan perustiedot kerran, jotta kaupungin palvelut "
        "voivat kysyä ne sieltä eikä asukkaalta uudelleen.",
        "description": [
            "Helsinki-profiili tallentaa asukkaan yhteiset tiedot, kuten nimen ja yhteystiedot. Profiiliin "
            "liitetyt kaupungin palvelut hakevat tiedot rajapinnasta, joten asukkaan ei tarvitse syöttää "
            "niitä jokaiseen palveluun erikseen.",
            "Palvelut toteuttavat profiilia varten GDPR-rajapinnan, jonka avulla asukas voi nähdä ja "
            "poistaa tietonsa keskitetysti (ks. helsinki-profile-gdpr-api).",
            "Koodi on MIT-lisensoitu ja toteutettu Pythonilla.",
        ],
        "tags": ["asiakasprofiili", "tietosuoja", "tunnistautuminen"],
        "service_classes": ["P9.4", "P7.9"],
    },
    {
        "slug": "tunnistamo",
        "title": "Tunnistamo",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/tunnistamo",
        "summary": "Djangoon perustuva tunnistautumispalvelu, joka tarjoaa OpenID Connect -kirjautumisen "
        "Helsingin kaupungin palveluihin.",
        "description": [
            "Tunnistamo on kirjautumisen välityspalvelu: kaupungin sähköiset palvelut ohjaavat käyttäjän "
            "Tunnistamoon, joka hoitaa tunnistamisen ja palauttaa tiedot OpenID Connect -protokollalla.",
            "Viimeisin muutos repositorioon on vuodelta 2024. Kunnan, joka rakentaa keskitettyä "
            "kirjautumista, kannattaa tarkistaa ennen käyttöönottoa, onko projekti yhä aktiivinen.",
        ],
        "tags": ["tunnistautuminen", "openid connect", "kirjautuminen"],
        "service_classes": ["P9.4"],
    },
    {
        "slug": "django-helusers",
        "title": "django-helusers",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "BSD-2-Clause",
        "repository_url": "https://github.com/City-of-Helsinki/django-helusers",
        "summary": "Django-sovellus, joka lisää palveluun OAuth2/OpenID Connect -tunnistautumisen Helsingin "
        "käyttäjähallintaa vasten, myös API-tokenien tarkistuksen.",
        "description": [
            "django-helusers on uudelleenkäytettävä Django-kirjasto. Sen avulla palvelun käyttäjät "
            "kirjautuvat kaupungin tunnistautumispalvelun kautta, ja rajapinnat voivat tarkistaa "
            "saamansa tokenit.",
            "Kirjasto sopii Django-palveluihin, jotka liitetään OpenID Connect -pohjaiseen "
            "kirjautumiseen. Se on BSD-lisensoitu.",
        ],
        "tags": ["tunnistautuminen", "django", "kirjasto"],
        "service_classes": ["P9.4"],
    },
    {
        "slug": "helsinki-profile-gdpr-api",
        "title": "helsinki-profile-gdpr-api",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/helsinki-profile-gdpr-api",
        "summary": "Django-sovellus (pip-paketti), jolla Helsinki-profiilia käyttävä palvelu toteuttaa "
        "profiilin edellyttämän GDPR-rajapinnan.",
        "description": [
            "Kun asukas haluaa nähdä tai poistaa tietonsa Helsinki-profiilin kautta, profiili kysyy ne "
            "jokaiselta liitetyltä palvelulta. Tämä kirjasto antaa Django-palvelulle valmiin rajapinnan "
            "tähän.",
            "Asennus tapahtuu pip-pakettina, ja palvelu määrittelee itse, mitkä sen tiedot kuuluvat "
            "asukkaalle. Lisenssi on MIT.",
        ],
        "tags": ["tietosuoja", "gdpr", "django"],
        "service_classes": ["P7.9"],
    },
    {
        "slug": "django-munigeo",
        "title": "django-munigeo",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "BSD-2-Clause",
        "repository_url": "https://github.com/City-of-Helsinki/django-munigeo",
        "summary": "Django-sovellus kuntiin liittyvän paikkatiedon tallentamiseen: kunnat, hallinnolliset "
        "alueet, kadut ja osoitteet.",
        "description": [
            "django-munigeo tarjoaa valmiit tietomallit kunnille, niiden hallinnollisille alueille, "
            "kaduille ja osoitteille sekä keinot hakea niitä. Sitä tarvitaan palveluissa, jotka "
            "yhdistävät tietoa osoitteeseen tai alueeseen.",
            "Kirjasto on BSD-lisensoitu ja toimii Django-projektin osana.",
        ],
        "tags": ["paikkatieto", "osoitteet", "django"],
        "service_classes": ["P18.2"],
    },
    {
        "slug": "parkkihubi",
        "title": "Parkkihubi",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/parkkihubi",
        "summary": "Djangoon perustuva REST-rajapinta pysäköintitietojen käsittelyyn.",
        "description": [
            "Parkkihubi kokoaa pysäköintiin liittyvää tietoa yhteen rajapintaan, jota muut järjestelmät "
            "voivat käyttää.",
            "Koodi on MIT-lisensoitu ja toteutettu Pythonilla ja Djangolla.",
        ],
        "tags": ["pysäköinti", "rajapinta"],
        "service_classes": ["P16.4"],
    },
    {
        "slug": "parking-permits",
        "title": "Parking Permits API",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/parking-permits",
        "summary": "Helsingin pysäköintitunnuspalvelun taustajärjestelmä.",
        "description": [
            "Pysäköintitunnuspalvelussa asukas hakee pysäköintitunnusta verkossa. Tämä repositorio "
            "sisältää palvelun Python-taustajärjestelmän.",
            "Koodi on MIT-lisensoitu. Omaan käyttöön otettaessa kunnan omat tunnusten ehdot ja hinnat on "
            "määriteltävä erikseen.",
        ],
        "tags": ["pysäköinti", "asukaspysäköinti"],
        "service_classes": ["P16.4"],
    },
    {
        "slug": "hauki",
        "title": "Hauki",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/hauki",
        "summary": "Django-sovellus ja REST-rajapinta kaikkien palvelujen aukioloaikojen hallintaan.",
        "description": [
            "Hauki on aukioloaikojen yhteinen lähde: aukioloajat, poikkeusajat ja juhlapyhät ylläpidetään "
            "yhdessä paikassa, ja verkkosivut sekä muut palvelut lukevat ne rajapinnasta.",
            "Kunnalle, jonka aukioloajat ovat nyt monessa paikassa, Hauki tarjoaa mallin yhdestä "
            "totuudesta. Koodi on MIT-lisensoitu Python/Django-toteutus.",
        ],
        "tags": ["aukioloajat", "rajapinta"],
        "service_classes": ["P9.4"],
    },
    {
        "slug": "helerm",
        "title": "helerm",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/helerm",
        "summary": "Helsingin sähköisen tiedonhallinnan luokittelujärjestelmä (tiedonohjaussuunnitelma).",
        "description": [
            "helerm (Helsinki Electronic Records Management Classification System) on järjestelmä, jolla "
            "ylläpidetään asiakirjojen luokittelua sähköistä tiedonhallintaa ja arkistointia varten.",
            "Jokainen kunta tarvitsee tiedonohjaussuunnitelman; helerm on yksi malli sen ylläpitoon "
            "sähköisesti. Koodi on MIT-lisensoitu.",
        ],
        "tags": ["tiedonhallinta", "arkistointi", "luokittelu"],
        "service_classes": ["P25.4", "P9.2"],
    },
    {
        "slug": "mvj-maanvuokrajarjestelma",
        "title": "MVJ",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/mvj",
        "summary": "Helsingin maanvuokrauksen hallintajärjestelmän taustajärjestelmä.",
        "description": [
            "MVJ on maanvuokrajärjestelmä, jolla kaupunki hallinnoi vuokraamiaan tontteja ja niiden "
            "vuokrasopimuksia. Repositorio sisältää järjestelmän Python-taustajärjestelmän.",
            "Koodi on MIT-lisensoitu. Se kiinnostaa erityisesti kuntia, joilla on paljon vuokratontteja.",
        ],
        "tags": ["maanvuokra", "tontit", "kiinteistöt"],
        "service_classes": ["P2.3", "P2.4"],
    },
    {
        "slug": "allu",
        "title": "Allu",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/allu",
        "summary": "Järjestelmä yleisten alueiden, kuten katujen, jalkakäytävien ja viheralueiden, käytön "
        "käsittelyyn, lupiin, valvontaan ja laskutukseen.",
        "description": [
            "Allulla Helsinki käsittelee hakemukset yleisten alueiden käytöstä, myöntää luvat, valvoo "
            "käyttöä ja laskuttaa siitä. Tyypillisiä tapauksia ovat kaivutyöt, terassit ja tapahtumat.",
            "Järjestelmä on tehty Javalla, ja sen käyttöliittymä TypeScriptillä. Koodi on MIT-lisensoitu.",
        ],
        "tags": ["yleiset alueet", "luvat", "katutyöt"],
        "service_classes": ["P16.7", "P20.2"],
    },
    {
        "slug": "haitaton-backend",
        "title": "Haitaton backend",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/haitaton-backend",
        "summary": "Haitaton-palvelun taustajärjestelmä rakennushankkeiden haittojen hallintaan ja "
        "ennakointiin kaupunkialueella.",
        "description": [
            "Haitaton auttaa arvioimaan ja hallitsemaan katu- ja rakennustöiden haittoja etukäteen, "
            "jotta samalle alueelle osuvia töitä voidaan sovittaa yhteen.",
            "Taustajärjestelmä on kirjoitettu Kotlinilla, ja siihen kuuluu erillinen käyttöliittymä "
            "(Haitaton UI). Lisenssi on MIT.",
        ],
        "tags": ["katutyöt", "rakentaminen", "haitat"],
        "service_classes": ["P16.7", "P2.1"],
    },
    {
        "slug": "haitaton-ui",
        "title": "Haitaton UI",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/haitaton-ui",
        "summary": "Haitaton-palvelun käyttöliittymä kaupunkialueen hankkeiden haittojen hallintaan.",
        "description": [
            "Haitaton UI on TypeScriptillä tehty käyttöliittymä, jossa hankkeet ja niiden haitat näkyvät "
            "ja niitä hallitaan. Se käyttää Haitaton-taustajärjestelmää.",
            "Lisenssi on MIT.",
        ],
        "tags": ["katutyöt", "käyttöliittymä"],
        "service_classes": ["P16.7"],
    },
    {
        "slug": "city-infrastructure-platform",
        "title": "City Infrastructure Platform",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/city-infrastructure-platform",
        "summary": "Kaupunki-infrastruktuurialustan REST-rajapinnan taustasovellus.",
        "description": [
            "City Infrastructure Platform on Helsingin kaupunki-infrastruktuurin tietoja tarjoavan "
            "REST-rajapinnan taustasovellus.",
            "Repositorion README ei kuvaa toimintoja tarkemmin, joten käyttötarkoitus kannattaa "
            "selvittää Helsingiltä ennen käyttöönottoa. Lisenssi on MIT.",
        ],
        "tags": ["infrastruktuuri", "rajapinta"],
        "service_classes": ["P16.7"],
    },
    {
        "slug": "kukkuu",
        "title": "Kukkuu (Culture Kids)",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/kukkuu",
        "summary": "Kulttuurin kummilapset -palvelun rajapinta.",
        "description": [
            "Kukkuu on Kulttuurin kummilapset -palvelun (Culture Kids) taustarajapinta. Palvelu tuo "
            "lapsille ja perheille kulttuurielämyksiä.",
            "Koodi on MIT-lisensoitu Python-toteutus.",
        ],
        "tags": ["kulttuuri", "lapsiperheet"],
        "service_classes": ["P25.2"],
        "life_events": ["KE1"],
    },
    {
        "slug": "kultus-palvelutarjotin",
        "title": "Kultus (palvelutarjotin)",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/palvelutarjotin",
        "summary": "Kultus-palvelun rajapinta: opettajat löytävät ja varaavat ryhmilleen kulttuuri- ja "
        "vapaa-ajan toimintaa.",
        "description": [
            "Kultuksessa opettaja etsii oppilasryhmälleen sopivia kulttuuri- ja vapaa-ajan tarjontoja, "
            "kuten museokäyntejä tai työpajoja, ja varaa ne. Tarjoajat ilmoittavat tarjontansa samaan "
            "palveluun.",
            "Tämä repositorio on palvelun Python-rajapinta. Lisenssi on MIT.",
        ],
        "tags": ["kulttuurikasvatus", "koulut", "varaus"],
        "service_classes": ["P25.7", "P6.2"],
    },
    {
        "slug": "berth-reservations",
        "title": "Berth reservations",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/berth-reservations",
        "summary": "Rajapinta venepaikkojen hakemiseen ja varaamiseen.",
        "description": [
            "Berth reservations on venepaikkojen ilmoittautumis- ja varausrajapinta. Veneilijä hakee sen "
            "kautta kaupungin venepaikkaa.",
            "Viimeisin muutos on helmikuulta 2025. Koodi on MIT-lisensoitu Python-toteutus.",
        ],
        "tags": ["venepaikat", "veneily", "varaus"],
        "service_classes": ["P27.3"],
    },
    {
        "slug": "apartment-application-service",
        "title": "Apartment application service",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/apartment-application-service",
        "summary": "Django-taustapalvelu asuntohakemuksille.",
        "description": [
            "Palvelulla asukas hakee kaupungin asuntokohteiden asuntoja verkossa, ja hakemukset käsitellään "
            "samassa järjestelmässä.",
            "Koodi on MIT-lisensoitu Python/Django-toteutus.",
        ],
        "tags": ["asuminen", "asuntohaku"],
        "service_classes": ["P1.2", "P1.3"],
        "life_events": ["KE4"],
    },
    {
        "slug": "hitas",
        "title": "Hitas",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/hitas",
        "summary": "Helsingin Hitas-järjestelmän taustarajapinta ja käyttöliittymä.",
        "description": [
            "Hitas-järjestelmä tukee Helsingin hintasäännellyn omistusasumisen hallintaa. Repositoriossa "
            "on sekä taustarajapinta että käyttöliittymä.",
            "README kuvaa vain kehitysympäristön pystyttämisen, joten toiminnoista kannattaa kysyä "
            "Helsingiltä. Lisenssi on MIT.",
        ],
        "tags": ["asuminen", "hitas"],
        "service_classes": ["P1.2"],
    },
    {
        "slug": "yjdh-kesaseteli",
        "title": "YJDH",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/yjdh",
        "summary": "Helsingin työllisyys- ja tukipalvelujen monorepo, johon kuuluu muun muassa "
        "Kesäseteli-palvelu.",
        "description": [
            "YJDH-repositoriossa on useita kaupungin työllisyyteen ja tukiin liittyviä palveluita. "
            "Tunnetuin on Kesäseteli: nuori saa setelin, ja hänet kesäksi palkkaava työnantaja saa "
            "sen avulla tukea palkkakuluihin.",
            "Taustajärjestelmät on tehty Pythonilla ja käyttöliittymät TypeScriptillä. Lisenssi on MIT.",
        ],
        "tags": ["työllisyys", "kesätyö", "nuoret"],
        "service_classes": ["P10.1", "P12.2"],
    },
    {
        "slug": "kaavapino",
        "title": "Kaavapino",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/kaavapino",
        "summary": "Projektinhallintajärjestelmä maankäytön suunnittelun eli kaavoitushankkeiden seurantaan.",
        "description": [
            "Kaavapinossa kaavoittajat seuraavat kaavahankkeita vaiheesta toiseen: aikataulut, "
            "päätökset ja hankkeen tiedot ovat yhdessä paikassa.",
            "Koodi on MIT-lisensoitu Python-toteutus.",
        ],
        "tags": ["kaavoitus", "projektinhallinta"],
        "service_classes": ["P2.3"],
    },
    {
        "slug": "unified-search",
        "title": "Unified search",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/unified-search",
        "summary": "Yhteinen haku usean kaupungin palvelun tietoihin Elasticsearchin ja tiedonkerääjän "
        "avulla.",
        "description": [
            "Unified search kokoaa eri palveluiden tiedot yhteen hakuindeksiin, jotta asukas löytää "
            "esimerkiksi tapahtumat, toimipisteet ja muun sisällön yhdellä haulla.",
            "Toteutus perustuu Elasticsearchiin ja erilliseen tiedonkerääjään. Lisenssi on MIT.",
        ],
        "tags": ["haku", "elasticsearch", "rajapinta"],
        "service_classes": ["P9.4"],
    },
    {
        "slug": "helsinki-paatokset",
        "title": "Helsinki Päätökset",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/helsinki-paatokset",
        "summary": "Päätökset-hankkeen Drupal-sivusto, jonka sisältö tulee pääosin siirto- ja "
        "koostamisskripteillä.",
        "description": [
            "Päätökset-sivustolla asukas löytää kaupungin päätökset ja toimielinten asiakirjat. Sisältö "
            "tuodaan päätösjärjestelmistä skripteillä, joten sitä ei syötetä käsin.",
            "Sivusto on tehty PHP:llä Drupalin päälle. Lisenssi on MIT.",
        ],
        "tags": ["päätöksenteko", "drupal", "avoimuus"],
        "service_classes": ["P8.3", "P9.5"],
    },
    {
        "slug": "drupal-hdbt",
        "title": "HDBT theme",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/drupal-hdbt",
        "summary": "Helsinki Drupal Base Theme, Helsingin kaupungin Drupal-sivustojen perusteema.",
        "description": [
            "HDBT on Drupal-teema, jonka päälle Helsingin kaupungin sivustot rakennetaan. Se tuo "
            "yhtenäisen ulkoasun ja komponentit kaikille sivustoille.",
            "Teema on tehty TypeScriptillä, SCSS:llä ja Twigillä. Lisenssi on MIT.",
        ],
        "tags": ["drupal", "teema", "verkkosivut"],
    },
    {
        "slug": "helfi-tpr",
        "title": "helfi TPR integration module",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/drupal-module-helfi-tpr",
        "summary": "Drupal-moduuli, joka tuo Palvelukartan ja TPR-palvelurekisterin tiedot Drupaliin "
        "migraatioina.",
        "description": [
            "Moduuli tuo toimipisteiden ja palvelukuvausten tiedot Helsingin Palvelukartasta ja "
            "TPR-rekisteristä Drupal-sivustolle, jotta samaa tietoa ei ylläpidetä kahdessa paikassa.",
            "PHP-moduuli on MIT-lisensoitu.",
        ],
        "tags": ["drupal", "integraatio", "palvelukuvaukset"],
        "service_classes": ["P9.6"],
    },
    {
        "slug": "helsinki-design-system",
        "title": "Helsinki Design System (HDS)",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/helsinki-design-system",
        "summary": "Helsingin kaupungin avoin design system: saavutettavat React- ja CSS-komponentit, "
        "design tokenit ja ohjeet.",
        "description": [
            "HDS antaa kaupungin digitaalisille palveluille yhteiset komponentit ja ohjeet. Komponentit on "
            "tehty saavutettaviksi, mikä helpottaa saavutettavuusvaatimusten täyttämistä.",
            "Sekä React- että pelkät CSS-komponentit ovat saatavilla, joten järjestelmää voi käyttää "
            "myös muilla tekniikoilla tehdyissä palveluissa. Lisenssi on MIT.",
        ],
        "tags": ["design system", "saavutettavuus", "komponentit"],
    },
    {
        "slug": "infofinland-ui",
        "title": "InfoFinland UI",
        "org": HELSINKI,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/infofinland-ui",
        "summary": "InfoFinland-sivuston Next.js-käyttöliittymä, joka lukee sisällön headless-Drupalista.",
        "description": [
            "InfoFinland kertoo Suomeen muuttaville asumisesta, työstä ja palveluista monella kielellä. "
            "Tämä repositorio on sivuston käyttöliittymä, joka hakee sisällön Drupalista.",
            "Toteutus on JavaScriptillä tehty Next.js-sovellus. Lisenssi on MIT.",
        ],
        "tags": ["maahanmuutto", "monikielisyys", "verkkosivut"],
        "service_classes": ["P22"],
        "life_events": ["KE5"],
    },
    {
        "slug": "ulkoliikuntakartta",
        "title": "Outdoor Exercise Map (Ulkoliikuntakartta)",
        "org": HELSINKI,
        "partners": [ESPOO, VANTAA, KIRKKONUMMI],
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Helsinki/outdoors-sports-map",
        "summary": "Karttapalvelu, joka näyttää ulkoliikuntapaikkojen ajantasaisen kunnon Helsingissä, "
        "Espoossa, Vantaalla ja Kirkkonummella.",
        "description": [
            "Ulkoliikuntakartalta näkee esimerkiksi, onko latu ajettu tai luistelukenttä jäädytetty. "
            "Palvelu kattaa neljän kunnan ulkoliikuntapaikat.",
            "Sovellus on TypeScriptillä tehty. Lisenssi on MIT; lisenssitiedoston tekijänoikeusrivillä on "
            "yksityishenkilön nimi, mikä kannattaa huomata uudelleenkäytössä.",
        ],
        "tags": ["liikuntapaikat", "ulkoilu", "kartta"],
        "service_classes": ["P27.1", "P27.2"],
    },
    {
        "slug": "verkkokauppa-core",
        "title": "Verkkokauppa core",
        "org": HELSINKI,
        "kind": SolutionKind.API,
        "licence": "",
        "repository_url": "https://github.com/City-of-Helsinki/verkkokauppa-core",
        "summary": "Helsingin verkkokauppa-alustan Java-mikropalvelut: ostoskori, tilaus, maksu, tuote, "
        "hinta ja kauppias.",
        "description": [
            "Verkkokauppa-alusta tarjoaa kaupungin sähköisille palveluille yhteiset maksamisen ja "
            "tilaamisen rajapinnat, jotta jokaisen palvelun ei tarvitse rakentaa omaansa.",
            "Kuvaus perustuu moduulien nimiin. Repositoriosta ei löytynyt lisenssitiedostoa, joten "
            "uudelleenkäytön ehdot on varmistettava Helsingiltä.",
        ],
        "tags": ["verkkomaksu", "verkkokauppa", "rajapinta"],
    },
    {
        "slug": "evaka",
        "title": "eVaka",
        "org": ESPOO,
        "partners": [TAMPERE, TURKU, OULU],
        "kind": SolutionKind.SOFTWARE,
        "licence": "LGPL-2.1-or-later",
        "repository_url": "https://github.com/espoon-voltti/evaka",
        "summary": "Varhaiskasvatuksen toiminnanohjausjärjestelmä, jonka Espoo on kehittänyt ja jota muut "
        "kunnat käyttävät uudelleen.",
        "description": [
            "eVaka kattaa varhaiskasvatuksen arjen: huoltaja hakee paikkaa ja ilmoittaa poissaoloista "
            "verkossa, ja kunta hoitaa sijoitukset, päätökset, viestinnän ja maksut samassa järjestelmässä.",
            "Espoo kehittää eVakaa avoimena lähdekoodina. Tampere, Turku ja Oulu ovat ottaneet sen "
            "käyttöön omilla mukautuksillaan (treVaka, eVakaTurku, eVakaOulu), joten kehitystyö ja "
            "kokemukset jaetaan.",
            "Taustajärjestelmä on tehty Kotlinilla ja käyttöliittymät TypeScriptillä. Lisenssi on "
            "LGPL-2.1-or-later, ja repositorio noudattaa REUSE-käytäntöä.",
        ],
        "tags": ["varhaiskasvatus", "päiväkoti", "asiakasjärjestelmä"],
        "service_classes": ["P3.4", "P6.1"],
        "life_events": ["KE1"],
        "replaces": "Edlevo, DaisyFamily, paperiset varhaiskasvatushakemukset",
        "adoption_conditions": "Oma mukautusrepositorio Tampereen, Turun ja Oulun malliin, Kotlin- ja "
        "TypeScript-osaaminen tai toimittaja, pilvi- tai palvelinympäristö sekä liittymät kunnan "
        "talous- ja väestötietoihin.",
    },
    {
        "slug": "vekkuli",
        "title": "Vekkuli",
        "org": ESPOO,
        "kind": SolutionKind.SOFTWARE,
        "licence": "LGPL-2.1-or-later",
        "repository_url": "https://github.com/espoon-voltti/vekkuli",
        "summary": "Itsepalveluna toimiva venepaikkojen varausjärjestelmä.",
        "description": [
            "Vekkulissa veneilijä varaa ja uusii venepaikkansa itse verkossa, ja kunta hallinnoi "
            "satamia ja paikkoja samassa järjestelmässä.",
            "Järjestelmä on tehty Kotlinilla eVakan tavoin, ja lisenssi on LGPL-2.1-or-later.",
        ],
        "tags": ["venepaikat", "veneily", "itsepalvelu"],
        "service_classes": ["P27.3"],
    },
    {
        "slug": "oppivelvollisuus",
        "title": "Oppivelvollisuus",
        "org": ESPOO,
        "kind": SolutionKind.SOFTWARE,
        "licence": "LGPL-2.1-or-later",
        "repository_url": "https://github.com/espoon-voltti/oppivelvollisuus",
        "summary": "Työkalu oppivelvollisuuteen liittyvien valvonta- ja ohjaustapausten seurantaan.",
        "description": [
            "Kunnan on valvottava oppivelvollisuuden suorittamista ja ohjattava nuoria, jotka ovat "
            "jäämässä ilman opiskelupaikkaa. Työkalu kokoaa nämä tapaukset ja niiden käsittelyn "
            "yhteen paikkaan.",
            "Toteutus on Kotlin-kielinen, ja lisenssi on LGPL-2.1-or-later.",
        ],
        "tags": ["oppivelvollisuus", "opinto-ohjaus", "nuoret"],
        "service_classes": ["P6.4", "P6.5"],
        "life_events": ["KE3"],
    },
    {
        "slug": "luontotieto",
        "title": "Luontoselvitysportaali (luontotieto)",
        "org": ESPOO,
        "kind": SolutionKind.SOFTWARE,
        "licence": "LGPL-2.1-or-later",
        "repository_url": "https://github.com/espoon-voltti/luontotieto",
        "summary": "Työkalu luontoselvitysraporttien käsittelyyn.",
        "description": [
            "Luontoselvitysportaaliin tallennetaan kaavoituksen ja rakentamisen tarpeisiin tehdyt "
            "luontoselvitykset, jotta ne löytyvät myöhemmin eikä samaa aluetta selvitetä uudelleen.",
            "Toteutus on Kotlin-kielinen, ja lisenssi on LGPL-2.1-or-later.",
        ],
        "tags": ["luontoselvitys", "ympäristö", "kaavoitus"],
        "service_classes": ["P23.1"],
    },
    {
        "slug": "trevaka",
        "title": "treVaka",
        "org": TAMPERE,
        "partners": [ESPOO],
        "kind": SolutionKind.SOFTWARE,
        "licence": "LGPL-2.1-or-later",
        "repository_url": "https://github.com/Tampere/trevaka",
        "summary": "Tampereen mukautukset, asetukset ja laajennukset Espoon eVaka-"
        "varhaiskasvatusjärjestelmään.",
        "description": [
            "treVaka on Tampereen tapa käyttää eVakaa: yhteinen ydin tulee Espoon repositoriosta, ja "
            "Tampereen omat asetukset, laajennukset ja ulkoasu ovat tässä repositoriossa.",
            "Repositoriossa on myös Terraform-infrastruktuurikoodi, josta on hyötyä kunnalle, joka "
            "suunnittelee omaa eVaka-ympäristöä. Lisenssi on LGPL-2.1-or-later.",
        ],
        "tags": ["varhaiskasvatus", "evaka", "mukautus"],
        "service_classes": ["P3.4"],
        "life_events": ["KE1"],
    },
    {
        "slug": "evakaturku",
        "title": "eVakaTurku",
        "org": TURKU,
        "partners": [ESPOO],
        "kind": SolutionKind.SOFTWARE,
        "licence": "LGPL-2.1-or-later",
        "repository_url": "https://github.com/City-of-Turku/evakaturku",
        "summary": "Turun mukautukset, asetukset ja laajennukset Espoon eVaka-varhaiskasvatusjärjestelmään.",
        "description": [
            "eVakaTurku sisältää Turun omat asetukset ja laajennukset eVakaan; yhteinen ydin tulee Espoon "
            "repositoriosta.",
            "Huomaa lisenssi: READMEn SPDX-merkintä on LGPL-2.1-or-later, mutta repositorion juuren "
            "LICENSE-tiedosto on MIT. Ehdot kannattaa varmistaa Turulta ennen uudelleenkäyttöä.",
        ],
        "tags": ["varhaiskasvatus", "evaka", "mukautus"],
        "service_classes": ["P3.4"],
        "life_events": ["KE1"],
        "adoption_conditions": "Tarkista lisenssi Turun kaupungilta: README ja LICENSE-tiedosto ovat "
        "ristiriidassa.",
    },
    {
        "slug": "evakaoulu",
        "title": "eVakaOulu",
        "org": OULU,
        "partners": [ESPOO],
        "kind": SolutionKind.SOFTWARE,
        "licence": "LGPL-2.1-or-later",
        "repository_url": "https://github.com/Oulunkaupunki/evakaoulu",
        "summary": "Oulun mukautukset, asetukset ja laajennukset Espoon eVaka-varhaiskasvatusjärjestelmään.",
        "description": [
            "eVakaOulu on Oulun eVaka-toteutus: Espoon ydinjärjestelmä ja Oulun omat asetukset ja "
            "laajennukset.",
            "Kolmas suuri kaupunki samalla alustalla osoittaa, että eVakan mukautusmalli toimii. "
            "Lisenssi on LGPL-2.1-or-later.",
        ],
        "tags": ["varhaiskasvatus", "evaka", "mukautus"],
        "service_classes": ["P3.4"],
        "life_events": ["KE1"],
    },
    {
        "slug": "hanna",
        "title": "Hanna",
        "org": TAMPERE,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/Tampere/Hanna",
        "summary": "Projektinhallintasovellus, joka tehtiin alun perin kahden Tampereen kaupungin yksikön "
        "tarpeisiin.",
        "description": [
            "Hannalla seurataan kaupungin hankkeita ja niiden vaiheita. Sovellus tehtiin ensin Tampereen "
            "KAPA- ja KITIA-yksiköille, mutta se on julkaistu avoimena muiden hyödynnettäväksi.",
            "Toteutus on TypeScriptillä, ja lisenssi on MIT.",
        ],
        "tags": ["projektinhallinta", "hankkeet"],
    },
    {
        "slug": "vuorovaikutusalusta",
        "title": "Vuorovaikutusalusta",
        "org": TAMPERE,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/Tampere/vuorovaikutusalusta",
        "summary": "Karttapohjainen kyselypalvelu asukkaiden osallistamiseen kaupungin suunnitteluun ja "
        "kehittämiseen.",
        "description": [
            "Vuorovaikutusalustalla kaupunki laatii kyselyitä, joissa asukkaat vastaavat kartalla: "
            "esimerkiksi merkitsevät vaaralliset risteykset tai mieluisat ulkoilureitit.",
            "Palvelu on TypeScriptillä tehty, ja sen README on suomeksi. Lisenssi on MIT.",
        ],
        "tags": ["osallisuus", "karttakysely", "kaavoitus"],
        "service_classes": ["P8.3", "P2.3"],
        "replaces": "Maptionnaire, Harava",
    },
    {
        "slug": "tampere-design-system",
        "title": "Tampere Design System (TREDS)",
        "org": TAMPERE,
        "kind": SolutionKind.SOFTWARE,
        "licence": "EUPL-1.2",
        "repository_url": "https://github.com/Tampere/Tampere-design-system",
        "summary": "Tampereen kaupungin Mantineen perustuva React-komponenttikirjasto ja design system "
        "saavutettaviin ja yhtenäisiin palveluihin.",
        "description": [
            "TREDS antaa Tampereen digitaalisille palveluille yhteiset, saavutettavat "
            "käyttöliittymäkomponentit. Kirjasto on rakennettu Mantine-komponenttikirjaston päälle.",
            "Lisenssi on EUPL-1.2, EU:n avoimen lähdekoodin lisenssi.",
        ],
        "tags": ["design system", "saavutettavuus", "react"],
    },
    {
        "slug": "ptv-php-client-v11",
        "title": "PTV PHP client v11",
        "org": TAMPERE,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/Tampere/ptv-php-client-v11",
        "summary": "Generoitu PHP-asiakaskirjasto Suomi.fi-palvelutietovarannon (PTV) Open API v11:lle.",
        "description": [
            "Kirjastolla PHP-sovellus, kuten kunnan verkkosivusto, lukee ja päivittää palvelukuvauksia "
            "palvelutietovarannossa ilman omaa rajapintakoodia.",
            "Kirjasto on generoitu PTV:n Open API v11 -kuvauksesta, ja viimeisin muutos on vuodelta 2024. "
            "Tarkista ennen käyttöä, mikä PTV-rajapinnan versio on voimassa. Lisenssi on MIT.",
        ],
        "tags": ["ptv", "palvelutietovaranto", "php"],
        "service_classes": ["P9.3"],
    },
    {
        "slug": "open311-tampere",
        "title": "Open311 feedback API (Tampere)",
        "org": TAMPERE,
        "kind": SolutionKind.API,
        "licence": "",
        "repository_url": "https://github.com/Tampere/open311",
        "summary": "Open311-rajapinta, jonka kautta sovellukset lähettävät Tampereelle palautetta ja "
        "palvelupyyntöjä, esimerkiksi rikkinäisestä kaupunkiympäristöstä.",
        "description": [
            "Open311 on kansainvälinen standardi palautteelle ja palvelupyynnöille. Tampereen rajapinnan "
            "kautta mikä tahansa sovellus voi välittää palautteen kaupungille.",
            "Viimeisin muutos on vuodelta 2017, eikä repositoriosta löytynyt lisenssitiedostoa. Toteutusta "
            "voi käyttää mallina, mutta sellaisenaan käyttöönottoa ei suositella.",
        ],
        "tags": ["palaute", "open311", "rajapinta"],
        "service_classes": ["P16.7", "P9.6"],
    },
    {
        "slug": "palvelupolut",
        "title": "Palvelupolut (Service Paths)",
        "org": TURKU,
        "kind": SolutionKind.SOFTWARE,
        "lifecycle": Lifecycle.RETIRED,
        "licence": "GPL-2.0",
        "repository_url": "https://github.com/City-of-Turku/palvelupolut",
        "summary": "Drupal-sivusto palvelupolut.fi ja sen Storybook-design system.",
        "description": [
            "Palvelupolut.fi oli Turun Drupal-sivusto, jonka yhteydessä julkaistiin myös Storybookilla "
            "dokumentoitu design system.",
            "READMEn mukaan sivusto on arkistoitu eikä sitä enää ylläpidetä. Koodi on GPL-2.0-lisensoitu.",
        ],
        "tags": ["drupal", "verkkosivut", "storybook"],
    },
    {
        "slug": "mip-museoportaali",
        "title": "MIP museum information portal backend",
        "org": TURKU,
        "kind": SolutionKind.API,
        "licence": "GPL-3.0",
        "repository_url": "https://github.com/City-of-Turku/MIP_museumsinformationportal_backend",
        "summary": "MIP-museoportaalin Laravel-pohjainen (PHP) taustajärjestelmä.",
        "description": [
            "MIP on museoiden tietoportaali, johon tallennetaan museoiden aineistojen tietoja. Tämä on "
            "sen PHP-taustajärjestelmä, tehty Laravel-kehyksellä.",
            "Lisenssi on GPL-3.0.",
        ],
        "tags": ["museot", "kulttuuriperintö", "laravel"],
        "service_classes": ["P25.3"],
    },
    {
        "slug": "elamyskalenteri",
        "title": "Elämyskalenteri",
        "org": TURKU,
        "kind": SolutionKind.SOFTWARE,
        "licence": "MIT",
        "repository_url": "https://github.com/City-of-Turku/elamyskalanteri",
        "summary": "Mille tahansa verkkosivulle upotettava React-tapahtumakalenteri Varsinais-Suomen "
        "tapahtumille.",
        "description": [
            "Elämyskalenterin voi upottaa kunnan, yhdistyksen tai matkailuyrityksen sivuille, ja "
            "näytettävät tapahtumat valitaan sivun HTML-koodin data-attribuuteilla.",
            "Viimeisin muutos on vuodelta 2023. Lisenssi on MIT.",
        ],
        "tags": ["tapahtumat", "kalenteri", "matkailu"],
        "service_classes": ["P25.5", "P17.1"],
    },
    {
        "slug": "kada",
        "title": "KADA",
        "org": TURKU,
        "kind": SolutionKind.SOFTWARE,
        "licence": "GPL-2.0-or-later",
        "repository_url": "https://github.com/City-of-Turku/kada",
        "summary": "Turun kaupungin julkaisema KADA-Drupal-jakelu.",
        "description": [
            "KADA on Drupal-jakelu, jonka Turun kaupunki on julkaissut avoimena.",
            "Viimeisin muutos on vuodelta 2017, joten jakelu perustuu vanhaan Drupal-versioon. "
            "Lisenssi on GPL-2.0-or-later.",
        ],
        "tags": ["drupal", "verkkosivut"],
    },
    {
        "slug": "digitransit-ui",
        "title": "Digitransit UI",
        "org": "hsl",
        "kind": SolutionKind.SOFTWARE,
        "licence": "EUPL-1.2 OR AGPL-3.0",
        "repository_url": "https://github.com/HSLdevcom/digitransit-ui",
        "summary": "Digitransit-alustan mobiiliystävällinen reittiopaskäyttöliittymä, jota käyttää "
        "esimerkiksi reittiopas.hsl.fi.",
        "description": [
            "Digitransit UI on reittioppaan käyttöliittymä: matkustaja hakee joukkoliikenteen reitit ja "
            "aikataulut puhelimella tai tietokoneella.",
            "HSL kehittää sitä yhdessä Väyläviraston kanssa. Lisenssin voi valita: EUPL-1.2 tai AGPL-3.0.",
            "Käyttöönotto edellyttää Digitransit-alustan rajapintoja ja alueen joukkoliikenteen "
            "aikataulutietoja.",
        ],
        "tags": ["joukkoliikenne", "reittiopas", "liikenne"],
        "service_classes": ["P16.5"],
    },
]
