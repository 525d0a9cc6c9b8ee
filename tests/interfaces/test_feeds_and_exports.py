"""Atom feeds of any search, CSV of any search result, and the catalogue as DCAT-AP / ADMS-AP."""

import csv
import io
from xml.etree import ElementTree

import pytest
from rdflib import Graph, Namespace
from rdflib import namespace as ns

from tests import factories

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
ADMS = Namespace("http://www.w3.org/ns/adms#")
# Read inside the tests: pytest looks at every name of a test module, and rdflib's closed
# namespaces warn on attributes they do not define.


def entry_titles(response):
    root = ElementTree.fromstring(response.content)  # noqa: S314 -- our own feed
    return [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]


def test_feed_of_a_facet_and_a_search(client, catalogue):
    assert sorted(entry_titles(client.get("/fi/feeds/solutions/"))) == [
        "Kirjaston rajapinta",
        "Tilavarausjärjestelmä",
    ]
    api_feed = client.get("/fi/feeds/solutions/?kind=api")
    assert entry_titles(api_feed) == ["Kirjaston rajapinta"]
    root = ElementTree.fromstring(api_feed.content)  # noqa: S314
    assert "api" in root.find(f"{ATOM}title").text
    self_link = [link.get("href") for link in root.iter(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].endswith("/fi/feeds/solutions/?kind=api")
    assert entry_titles(client.get("/fi/feeds/solutions/", {"q": "järjestelmä"})) == ["Tilavarausjärjestelmä"]
    assert entry_titles(client.get("/fi/feeds/solutions/?organisation=salla&kind=software")) == []


def test_feed_never_holds_unpublished(client, catalogue):
    titles = entry_titles(client.get("/fi/feeds/solutions/?q=Piilossa"))
    assert titles == []


def test_list_page_links_its_feed_and_csv(client, catalogue):
    html = client.get("/fi/solutions/?kind=api").content.decode()
    assert 'href="/fi/feeds/solutions/?kind=api"' in html
    assert 'href="/fi/exports/solutions.csv?kind=api"' in html


def test_csv_of_a_search(client, catalogue, organisation):
    factories.SolutionFactory(organisation=organisation, title="=HYPERLINK(1)", kind="api")
    response = client.get("/fi/exports/solutions.csv?kind=api&sort=title")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Otsikko", "Osoite", "Tyyppi"]
    # A cell a spreadsheet would run as a formula is quoted.
    assert [row[0] for row in rows[1:]] == ["'=HYPERLINK(1)", "Kirjaston rajapinta"]
    assert rows[2][3] == "Salla"


def test_csv_never_holds_unpublished(client, catalogue):
    content = b"".join(client.get("/fi/exports/solutions.csv").streaming_content).decode()
    assert "Piilossa" not in content
    assert "Tilavarausjärjestelmä" in content


@pytest.mark.parametrize(
    ("url", "rdf_format"), [("/api/v1/catalogue.rdf", "xml"), ("/api/v1/catalogue.ttl", "turtle")]
)
def test_dcat_ap_catalogue(client, catalogue, coordinating_organisation, url, rdf_format):
    published, hidden = catalogue
    published[0].tags.add("varaus")
    response = client.get(url)
    assert response.status_code == 200
    graph = Graph().parse(data=response.content, format=rdf_format)
    catalogues = list(graph.subjects(ns.RDF.type, ns.DCAT.Catalog))
    assert len(catalogues) == 1
    catalog = catalogues[0]
    assert graph.value(catalog, ns.DCTERMS.title) is not None
    assert graph.value(catalog, ns.DCTERMS.description) is not None
    assert (graph.value(catalog, ns.DCTERMS.publisher), ns.RDF.type, ns.FOAF.Agent) in graph
    datasets = set(graph.objects(catalog, ns.DCAT.dataset))
    assert datasets == {
        ref for ref in graph.subjects(ns.RDF.type, ns.DCAT.Dataset) if (ref, ns.RDF.type, ADMS.Asset) in graph
    }
    assert {str(ref).rsplit("/", 2)[-2] for ref in datasets} == {solution.slug for solution in published}
    for dataset in datasets:
        for prop in (
            ns.DCTERMS.title,
            ns.DCTERMS.description,
            ns.DCTERMS.issued,
            ns.DCTERMS.modified,
            ns.DCTERMS.license,
        ):
            assert graph.value(dataset, prop) is not None, (dataset, prop)
        publisher = graph.value(dataset, ns.DCTERMS.publisher)
        assert (publisher, ns.RDF.type, ns.FOAF.Agent) in graph
        assert graph.value(publisher, ns.FOAF.name) is not None
        distribution = graph.value(dataset, ns.DCAT.distribution)
        assert (distribution, ns.RDF.type, ns.DCAT.Distribution) in graph
        assert graph.value(distribution, ns.DCAT.accessURL) is not None
    tilavaraus = next(ref for ref in datasets if published[0].slug in str(ref))
    assert str(graph.value(tilavaraus, ns.DCTERMS.license)) == "http://spdx.org/licenses/MIT"
    assert "varaus" in {str(keyword) for keyword in graph.objects(tilavaraus, ns.DCAT.keyword)}
    assert not any(solution.slug in response.content.decode() for solution in hidden)
