"""Text no page can use (a NUL byte, other control characters) is refused as bad input, never a 500.

PostgreSQL cannot store or compare NUL, so before this every such value reached the database as an
error. The tests run on both databases; the answer must be 400 on both.
"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_stray_character_in_the_search_box_still_gets_results(client):
    # The search box cleans what is typed there and says what it searched for (issue: search input).
    for query in ("kirjasto%00", "%01%02"):
        assert client.get(f"/en/solutions/?q={query}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/en/solutions/?tag=%00",
        "/en/regions/%00/",
        "/en/organisations/kuhmo%00/",
        "/en/solutions/%00/",
        "/en/solutions/?%00=1",
    ],
)
def test_unusable_characters_in_an_address_are_a_bad_request(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "Virheellinen pyyntö" in response.content.decode()


def test_a_nul_in_a_follow_form_is_a_bad_request(client_for, member, solution):
    url = reverse("solutions:follows:follow", args=["solution", solution.slug])
    response = client_for(member).post(url, {"action": "follow\x00", "next": "/\x00"})
    assert response.status_code == 400


def test_a_nul_in_the_key_of_a_follow_address_is_a_bad_request(client_for, member):
    response = client_for(member).post("/en/following/tag/kirjasto%00/", {"action": "follow"})
    assert response.status_code == 400


def test_text_people_paste_still_goes_through(client, solution):
    # A tab or a line break is ordinary text in a search.
    assert client.get("/en/solutions/?q=kirjasto%09varaus").status_code == 200
