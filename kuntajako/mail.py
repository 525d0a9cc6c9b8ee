"""E-mail to people, written in their own language and sent outside the request.

`send_templated_mail` renders `templates/emails/<name>.subject.txt` and `<name>.body.txt` with the
recipient's preferred language active, then hands the finished message to a background task once
the surrounding transaction commits, so a rolled-back action never sends mail and a slow mail
server never slows a page. In tests, wrap the action in `django_capture_on_commit_callbacks(
execute=True)` and read `mailoutbox`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_email(to: list[str], subject: str, body: str, headers: dict[str, str] | None = None) -> None:
    EmailMessage(subject=subject, body=body, to=to, headers=headers or {}).send()


def render_mail(name: str, context: dict, language: str) -> tuple[str, str]:
    """The subject (one line) and the plain-text body of a mail template, in `language`."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}.subject.txt", context).split())
        body = render_to_string(f"emails/{name}.body.txt", context)
    return subject, body


def send_templated_mail(recipient, name: str, context: dict, headers: dict[str, str] | None = None) -> None:
    """Mail `recipient` (a user, or an e-mail address) in their language, after the commit."""
    if isinstance(recipient, str):
        address, language = recipient, settings.LANGUAGE_CODE
    else:
        address, language = recipient.email, recipient.preferred_language or settings.LANGUAGE_CODE
    subject, body = render_mail(name, {"recipient": recipient, **context}, language)
    transaction.on_commit(
        lambda: send_email.enqueue(to=[address], subject=subject, body=body, headers=headers)
    )


def mailable(user) -> bool:
    """May this person be told anything (in the site or by e-mail)? The one answer to it: an active
    account that has not been deleted. Their own choice of how often comes on top (notifications)."""
    return bool(user is not None and user.is_active and not user.deleted_at)


def mailable_users():
    """The people `mailable` says yes to, as a queryset."""
    return get_user_model().objects.filter(is_active=True, deleted_at__isnull=True)
