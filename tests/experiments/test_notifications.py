"""Who hears of experiments: the organisation of a decision, the followers of a topic of a new call."""

from datetime import timedelta

from django.utils import timezone

from solutions.experiments.services import calls, experiments
from solutions.notifications.models import Notification
from solutions.notifications.services.follows import follow
from tests.checks import committed


def test_the_organisations_editors_hear_of_an_approval(submitted, coordinator, editor, member):
    with committed():
        experiments.approve(submitted, coordinator)
    notification = Notification.objects.get(recipient=editor)
    assert notification.kind == "experiment_approved"
    assert submitted.title in notification.display_title
    assert notification.display_url == submitted.get_absolute_url()
    # A plain member of the organisation is not an editor: not told; the coordinator decided: not told.
    assert not Notification.objects.filter(recipient__in=[member, coordinator]).exists()


def test_a_rejection_carries_its_reason(submitted, coordinator, editor):
    with committed():
        experiments.reject(submitted, coordinator, "Tämä on hankinta, ei kokeilu.")
    notification = Notification.objects.get(recipient=editor)
    assert notification.kind == "experiment_rejected"
    assert "Tämä on hankinta, ei kokeilu." in notification.text


def test_followers_of_a_service_class_hear_of_a_new_call(coordinator, editor, service_class, outsider_admin):
    follow(editor, service_class)
    data = {
        "title": "Kokeilut asukkaiden palautteen käsittelyyn",
        "theme": "Nopeampi vastaus palautteeseen.",
        "deadline": timezone.localdate() + timedelta(days=30),
        "support_offered": "Sparrausta.",
        "service_classes": [service_class],
    }
    with committed():
        call = calls.open_call(coordinator, data)
    notification = Notification.objects.get(recipient=editor)
    assert notification.kind == "experiment_call"
    assert notification.display_url == call.get_absolute_url()
    assert not Notification.objects.filter(recipient=outsider_admin).exists()
