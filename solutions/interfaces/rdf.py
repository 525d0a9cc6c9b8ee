"""The catalogue as DCAT-AP / ADMS-AP RDF, for harvesting into the EU's Joinup catalogue.

One dcat:Catalog published by the coordinating organisation; each published solution is both a
dcat:Dataset (DCAT-AP) and an adms:Asset (ADMS-AP), with its publisher as a foaf:Agent, its licence
as an SPDX licence document, and a dcat:Distribution (adms:AssetDistribution) pointing at its
repository, specification or page. Served as RDF/XML (`catalogue.rdf`) and Turtle (`catalogue.ttl`).
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from municipalities.models import Organisation, OrganisationKind
from solutions.interfaces.api.views import solution_rows
from solutions.models import Solution

ADMS = Namespace("http://www.w3.org/ns/adms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX_LICENCE = "http://spdx.org/licenses/"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
EU_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
LANGUAGES = {"fi": "FIN", "sv": "SWE", "en": "ENG"}
CONTENT_TYPES = {"xml": "application/rdf+xml; charset=utf-8", "turtle": "text/turtle; charset=utf-8"}


def _agent(graph: Graph, base: str, organisation) -> URIRef:
    agent = URIRef(base + organisation.get_absolute_url())
    if (agent, RDF.type, FOAF.Agent) not in graph:
        graph.add((agent, RDF.type, FOAF.Agent))
        graph.add((agent, FOAF.name, Literal(organisation.name_fi, lang="fi")))
        if organisation.name_sv:
            graph.add((agent, FOAF.name, Literal(organisation.name_sv, lang="sv")))
        kind = "NationalAuthority" if organisation.kind == OrganisationKind.COORDINATOR else "LocalAuthority"
        graph.add((agent, DCTERMS.type, URIRef(EU_PUBLISHER_TYPE + kind)))
        if organisation.website:
            graph.add((agent, FOAF.homepage, URIRef(organisation.website)))
    return agent


def build_graph(base: str) -> Graph:
    graph = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("adms", ADMS),
        ("vcard", VCARD),
    ):
        graph.bind(prefix, namespace)
    catalogue = URIRef(base + reverse("api:catalogue_rdf"))
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal("Kuntajako", lang="fi")))
    graph.add(
        (
            catalogue,
            DCTERMS.description,
            Literal("Digitaaliset ratkaisut, joita suomalaiset kunnat jakavat toisilleen.", lang="fi"),
        )
    )
    graph.add(
        (
            catalogue,
            DCTERMS.description,
            Literal("Digital solutions Finnish municipalities share.", lang="en"),
        )
    )
    graph.add((catalogue, FOAF.homepage, URIRef(base + "/")))
    for code in LANGUAGES.values():
        graph.add((catalogue, DCTERMS.language, URIRef(EU_LANGUAGE + code)))
    coordinator = Organisation.objects.filter(kind=OrganisationKind.COORDINATOR).order_by("pk").first()
    if coordinator is not None:
        graph.add((catalogue, DCTERMS.publisher, _agent(graph, base, coordinator)))

    solutions = solution_rows(Solution.objects.published()).order_by("-published_at", "-pk")
    newest = None
    for solution in solutions.iterator(chunk_size=500):
        page = URIRef(base + solution.get_absolute_url())
        graph.add((catalogue, DCAT.dataset, page))
        graph.add((page, RDF.type, DCAT.Dataset))
        graph.add((page, RDF.type, ADMS.Asset))
        graph.add((page, DCTERMS.identifier, Literal(solution.slug)))
        graph.add((page, DCTERMS.title, Literal(solution.title, lang=solution.language)))
        graph.add((page, DCTERMS.description, Literal(solution.summary, lang=solution.language)))
        graph.add((page, DCTERMS.publisher, _agent(graph, base, solution.organisation)))
        graph.add((page, DCTERMS.issued, Literal(solution.published_at, datatype=XSD.dateTime)))
        graph.add((page, DCTERMS.modified, Literal(solution.updated_at, datatype=XSD.dateTime)))
        graph.add((page, DCTERMS.language, URIRef(EU_LANGUAGE + LANGUAGES[solution.language])))
        graph.add((page, DCAT.landingPage, page))
        for tag in solution.tags.all():
            graph.add((page, DCAT.keyword, Literal(tag.name, lang=solution.language)))
        for vocabulary in (*solution.service_classes.all(), *solution.life_events.all()):
            if vocabulary.uri:
                graph.add((page, DCAT.theme, URIRef(vocabulary.uri)))
        distribution = URIRef(f"{page}#distribution")
        graph.add((page, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, RDF.type, ADMS.AssetDistribution))
        graph.add((distribution, DCTERMS.title, Literal(solution.title, lang=solution.language)))
        access = solution.repository_url or solution.api_specification_url or solution.documentation_url
        graph.add((distribution, DCAT.accessURL, URIRef(access or str(page))))
        if solution.licence:
            licence = URIRef(SPDX_LICENCE + solution.licence)
            graph.add((page, DCTERMS.license, licence))
            graph.add((distribution, DCTERMS.license, licence))
            graph.add((licence, RDF.type, DCTERMS.LicenseDocument))
        if newest is None or solution.updated_at > newest:
            newest = solution.updated_at
        contact = BNode()
        graph.add((page, DCAT.contactPoint, contact))
        graph.add((contact, RDF.type, VCARD.Organization))
        graph.add((contact, VCARD.fn, Literal(solution.organisation.name_fi)))
    if newest is not None:
        graph.add((catalogue, DCTERMS.modified, Literal(newest, datatype=XSD.dateTime)))
    return graph


@require_GET
def catalogue(request, format):
    base = settings.SITE_URL if not request else request.build_absolute_uri("/").rstrip("/")
    graph = build_graph(base)
    return HttpResponse(graph.serialize(format=format), content_type=CONTENT_TYPES[format])
