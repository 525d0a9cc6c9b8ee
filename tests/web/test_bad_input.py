"""Unknown filter values in a shared or hand-edited address give an empty result, never an error."""

import re

import pytest

BAD_ADDRESSES = [
    "/fi/solutions/?size=huge",
    "/fi/solutions/?used_by_size=huge",
    "/fi/solutions/?used_in_region=99",
    "/fi/solutions/?kind=spaceship&service_class=P999",
    "/fi/solutions/?sort=sideways&page=abc",
    "/fi/organisations/?size=huge&region=99&kind=spaceship",
]


@pytest.mark.parametrize("url", BAD_ADDRESSES)
def test_unknown_filter_values_do_not_break_the_page(client, solution, url):
    response = client.get(url)
    assert response.status_code in (200, 400)
    assert "<h1" in response.content.decode()


def test_a_ticked_value_that_matches_nothing_keeps_its_name(client, solution):
    from tests import factories

    factories.RegionFactory(code="19", name_fi="Lappi", name_sv="Lappland", name_en="Lapland")
    html = client.get("/fi/solutions/?kind=api&region=19&lifecycle=idea").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Lappi (0)" in text
    assert "19 (0)" not in text
