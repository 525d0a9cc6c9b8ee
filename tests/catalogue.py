"""A small catalogue with every kind of content, for page-level tests (HTML validity, browser)."""

from django.core.files.base import ContentFile

from solutions.models import Attachment, Contact, Lifecycle, SolutionKind
from tests import factories


def build_catalogue():
    """One solution of each kind across two regions, with the facts each kind shows."""
    uusimaa = factories.RegionFactory(code="01", name_fi="Uusimaa", name_sv="Nyland", name_en="Uusimaa")
    lappi = factories.RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")
    espoo = factories.OrganisationFactory(
        name_fi="Espoo", name_sv="Esbo", slug="espoo", code="049", region=uusimaa, population=305_000
    )
    inari = factories.OrganisationFactory(
        name_fi="Inari", name_sv="Enare", slug="inari", code="148", region=lappi, population=6_900
    )
    housing = factories.ServiceClassFactory(
        code="P1", name_fi="Asuminen", name_sv="Boende", name_en="Housing"
    )
    child = factories.LifeEventFactory(code="KE1", name_fi="Lapsen saaminen", name_sv="Att få barn")
    software = factories.SolutionFactory(
        title="Kirjastojen varausjärjestelmä",
        slug="kirjastojen-varausjarjestelma",
        kind=SolutionKind.SOFTWARE,
        organisation=espoo,
        repository_url="https://github.com/example/varaus",
        description="## Käyttö\n\nVaraukset **verkossa**.\n\n- kirjat\n- tilat",
        tags=["kirjasto", "varaus"],
    )
    software.partners.add(inari)
    software.service_classes.add(housing)
    software.life_events.add(child)
    Contact.objects.create(solution=software, name="Digitiimi", role="Kehittäjät", email="digi@example.fi")
    factories.SolutionFactory(
        title="Avoin tapahtumarajapinta",
        slug="avoin-tapahtumarajapinta",
        kind=SolutionKind.API,
        organisation=espoo,
        api_specification_url="https://api.example.fi/openapi.yaml",
        api_base_url="https://api.example.fi/v1/",
        tags=["tapahtumat"],
    )
    process = factories.SolutionFactory(
        title="Rakennusluvan prosessikuvaus",
        slug="rakennusluvan-prosessikuvaus",
        kind=SolutionKind.PROCESS,
        organisation=inari,
        licence="CC-BY-4.0",
        lifecycle=Lifecycle.PILOT,
    )
    Attachment.objects.create(
        solution=process,
        title="Prosessikaavio",
        file=ContentFile(b"<definitions/>", name="kaavio.bpmn"),
        content_type="application/xml",
        size=14,
    )
    factories.SolutionFactory(
        title="Talous- ja henkilöstöjärjestelmän integraatio",
        slug="talous-integraatio",
        kind=SolutionKind.INTEGRATION,
        organisation=inari,
        connected_systems="Taloushallinto ja henkilöstöhallinto",
    )
    factories.SolutionFactory(
        title="Kyläkoulujen etäopetus",
        slug="kylakoulujen-etaopetus",
        kind=SolutionKind.PRACTICE,
        organisation=inari,
        context="Pitkät koulumatkat",
        results="Kolme koulua mukana",
        lessons_learned="Opettajien koulutus ensin",
    )
    factories.SolutionFactory(
        title="Erfarenheter av digital ansökan",
        slug="erfarenheter-av-digital-ansokan",
        kind=SolutionKind.EXPERIENCE,
        organisation=espoo,
        language="sv",
        summary="Hur vi införde en digital ansökan till småbarnspedagogiken.",
    )
    return {"regions": [uusimaa, lappi], "organisations": [espoo, inari], "software": software}
