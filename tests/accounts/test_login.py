import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/fi/account/login/"
# For the tests that read what the page says: the text is in the language of the address.
LOGIN_EN = "/en/account/login/"


def test_login_page_asks_for_an_e_mail_address(client):
    html = client.get(LOGIN_EN).content.decode()
    assert '<label for="id_username">E-mail address' in html
    assert 'type="email" name="username"' in html


def test_logging_in_with_the_address_in_any_case(client, member):
    response = client.post(LOGIN, {"username": member.email.upper(), "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).context["user"] == member


def test_a_wrong_password_keeps_the_address_and_says_so(client, member):
    response = client.post(LOGIN_EN, {"username": member.email, "password": "wrong-password"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The e-mail address or the password is wrong." in html
    assert f'value="{member.email}"' in html


def test_an_unverified_person_can_log_in(client, unverified):
    response = client.post(LOGIN, {"username": unverified.email, "password": PASSWORD})
    assert response.url == "/fi/account/"


def test_login_goes_to_next_in_the_preferred_language_and_remembers_it(client):
    user = factories.UserFactory(preferred_language="sv", email_confirmed_at=timezone.now())
    response = client.post(
        LOGIN + "?next=/fi/solutions/%3Fq%3Dkirjasto", {"username": user.email, "password": PASSWORD}
    )
    assert response.url == "/sv/solutions/?q=kirjasto"
    assert response.cookies["django_language"].value == "sv"


def test_without_next_login_goes_to_the_account_in_the_preferred_language(client):
    user = factories.UserFactory(preferred_language="en")
    response = client.post(LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.url == "/en/account/"


def test_login_never_redirects_to_another_site(client, member):
    response = client.post(
        LOGIN, {"username": member.email, "password": PASSWORD, "next": "https://evil.example/fi/"}
    )
    assert response.url == "/fi/account/"


def test_a_deleted_account_cannot_log_in(client, member):
    client_for_member = client
    client_for_member.force_login(member)
    client_for_member.post(reverse("accounts:delete"), {"password": PASSWORD})
    response = client.post(LOGIN_EN, {"username": member.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "The e-mail address or the password is wrong." in response.content.decode()


def test_logout_is_a_post(client_for, member):
    client = client_for(member)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.url == reverse("solutions:home")
    assert not client.get(reverse("solutions:home")).context["user"].is_authenticated


class TestThrottling:
    @pytest.fixture(autouse=True)
    def _axes_on(self):
        with override_settings(AXES_ENABLED=True):
            yield

    def fail(self, client, email, times, address="192.0.2.10"):
        for _ in range(times):
            client.post(LOGIN, {"username": email, "password": "not-the-password"}, REMOTE_ADDR=address)

    def test_five_failures_lock_the_account_from_that_address_even_for_the_right_password(
        self, client, member
    ):
        self.fail(client, member.email, 5)
        response = client.post(
            LOGIN_EN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
        )
        html = response.content.decode()
        assert response.status_code == 429
        assert "<h1>Too many failed logins</h1>" in html
        assert "wait 15 minutes" in html
        assert not client.get(reverse("accounts:profile")).wsgi_request.user.is_authenticated

    def test_a_stranger_cannot_lock_a_person_out_from_another_address(self, client, member):
        self.fail(client, member.email, 20, address="192.0.2.66")
        response = client.post(
            LOGIN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
        )
        assert response.status_code == 302
        assert client.get(reverse("accounts:profile")).status_code == 200

    def test_four_failures_still_let_the_right_password_in(self, client, member):
        self.fail(client, member.email, 4)
        response = client.post(
            LOGIN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
        )
        assert response.status_code == 302

    def test_an_address_guessing_many_accounts_is_locked_at_the_higher_limit(self, client, member, settings):
        settings.LOGIN_FAILURES_PER_ADDRESS = 12
        for number in range(11):
            self.fail(client, f"guess{number}@kuhmo.fi", 1)
        response = client.post(
            LOGIN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
        )
        assert response.status_code == 302
        client.post(reverse("accounts:logout"))
        self.fail(client, "guess-last@kuhmo.fi", 1)
        response = client.post(
            LOGIN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR="192.0.2.10"
        )
        assert response.status_code == 429
        # The same person from elsewhere is not affected.
        response = client.post(
            LOGIN, {"username": member.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
        )
        assert response.status_code == 302

    def test_the_per_address_limit_is_higher_than_the_per_account_one(self, settings):
        assert settings.LOGIN_FAILURES_PER_ADDRESS > 5 * settings.AXES_FAILURE_LIMIT

    def test_other_people_can_still_log_in(self, client, member, editor):
        self.fail(client, member.email, 5)
        response = client.post(
            LOGIN, {"username": editor.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.9"
        )
        assert response.status_code == 302


class TestBehindALoadBalancer:
    """Every request comes from the balancer's address; the client is in X-Forwarded-For."""

    BALANCER = "10.0.0.2"

    @pytest.fixture(autouse=True)
    def _one_proxy(self, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        with override_settings(AXES_ENABLED=True):
            yield

    def post(self, client, email, password, forwarded_for):
        return client.post(
            LOGIN,
            {"username": email, "password": password},
            REMOTE_ADDR=self.BALANCER,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    def test_a_guesser_locks_only_their_own_address(self, client, member, settings):
        settings.LOGIN_FAILURES_PER_ADDRESS = 10
        for number in range(12):
            self.post(client, f"guess{number}@kuhmo.fi", "wrong", "198.51.100.66")
        assert self.post(client, member.email, "wrong", "198.51.100.66").status_code == 429
        assert self.post(client, member.email, PASSWORD, "203.0.113.5").status_code == 302

    def test_the_client_cannot_choose_its_address_by_writing_the_header(self, client, member):
        # The balancer appends the real address; what the client wrote stays on the left.
        for number in range(5):
            self.post(client, member.email, "wrong", f"192.0.2.{number}, 198.51.100.66")
        assert self.post(client, member.email, PASSWORD, "192.0.2.99, 198.51.100.66").status_code == 429
        assert self.post(client, member.email, PASSWORD, "198.51.100.66, 203.0.113.5").status_code == 302
