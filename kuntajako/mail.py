"""E-mail to people, written in their own language and sent outside the request.

`send_templated_mail` renders `templates/emails/<name>.subject.txt` and `<name>.body.txt` with the
recipient's preferred language active and writes the finished message into the outbox
(kuntajako.outbox) in the surrounding transaction: a rolled-back action never sends mail, a
committed one always does, exactly once (see kuntajako.outbox.services.delivery for the one honest
limit), and a slow mail server never slows a page. This is the only way the project sends mail.
In tests, wrap the action in `django_capture_on_commit_callbacks(execute=True)` and read
`mailoutbox`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from kuntajako.outbox.services import delivery


@task()
def send_email(to: list[str], subject: str, body: str, headers: dict[str, str] | None = None) -> None:
    """Tasks queued before the outbox existed: their mail goes through the outbox too."""
    with transaction.atomic():
        delivery.queue(to, subject, body, headers)


def render_mail(name: str, context: dict, language: str) -> tuple[str, str]:
    """The subject (one line) and the plain-text body of a mail template, in `language`."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}.subject.txt", context).split())
        body = render_to_string(f"emails/{name}.body.txt", context)
    return subject, body


def send_templated_mail(recipient, name: str, context: dict, headers: dict[str, str] | None = None) -> None:
    """Mail `recipient` (a user, or an e-mail address) in their language: a row in the outbox,
    written in the current transaction and sent after its commit."""
    if isinstance(recipient, str):
        address, language = recipient, settings.LANGUAGE_CODE
    else:
        address, language = recipient.email, recipient.preferred_language or settings.LANGUAGE_CODE
    subject, body = render_mail(name, {"recipient": recipient, **context}, language)
    delivery.queue([address], subject, body, headers)


def mailable(user) -> bool:
    """May this person be told anything (in the site or by e-mail)? The one answer to it: an active
    account that has not been deleted. Their own choice of how often comes on top (notifications)."""
    return bool(user is not None and user.is_active and not user.deleted_at)


def mailable_users():
    """The people `mailable` says yes to, as a queryset."""
    return get_user_model().objects.filter(is_active=True, deleted_at__isnull=True)
