def test_home_answers_in_finnish_by_default(client, db):
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/fi/"
