"""Demo news, blog posts and events in every state, written through the services by demo people.

A Kuhmo editor writes; a coordinator of Kuntaliitto publishes and rejects. There is a published news
item and a blog post with an image, a draft, a post waiting in the moderation queue and a rejected
one; upcoming events (in Helsinki time), an online event in Stockholm time, an event waiting in the
queue, and a past event with its slides. The people have no usable password. Items are found by
title before they are made, so running the seeding again adds nothing.
"""

import datetime
import zoneinfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from municipalities.models import Membership, MembershipRole, MembershipState, Organisation, User
from solutions.models import ServiceClass
from solutions.news.models import Event, Post
from solutions.news.services import publishing

DOMAIN = "uutiset.kuntajako.example"
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
# A 1×1 PNG, and the smallest PDF readers accept: the demo files pass the same checks as uploads.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
    b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _person(local, name, organisation, role):
    user, created = User.objects.get_or_create(
        email=f"{local}@{DOMAIN}", defaults={"display_name": name, "email_confirmed_at": timezone.now()}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role, "state": MembershipState.ACTIVE}
    )
    return user


def _classes(*codes):
    return list(ServiceClass.objects.filter(code__in=codes))


def _at(days, hour, zone=HELSINKI):
    day = (timezone.now() + datetime.timedelta(days=days)).astimezone(zone).date()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


POSTS = [
    # (state, kind, title, summary, body, service class codes, image description)
    (
        "published", "news", "Digiviikko kokoaa kunnat marraskuussa",
        "Kuntaliiton digitalisaatioviikolla esitellään kuntien yhteisiä ratkaisuja ja kokeiluja.",
        "Viikon aikana kunnat kertovat, mitä ovat **kehittäneet yhdessä**.\n\n"
        "- tilavarausten yhteinen prosessi\n- avoimet rajapinnat\n- saavutettavat lomakkeet",
        ["P9"], None,
    ),
    (
        "published", "blog", "Miten jaoimme tilavarausprosessin naapurikunnalle",
        "Kokemuksia siitä, mitä prosessikuvauksen jakaminen vaati ja mitä se säästi.",
        "## Lähtötilanne\n\nVuorot varattiin puhelimella.\n\n## Mitä teimme\n\nKuvasimme prosessin BPMN:nä "
        "ja julkaisimme sen Kuntajaossa.",
        ["P27"], "Tilavarausprosessin kaavio",
    ),
    ("draft", "news", "Kirjastoauton uudet reitit", "Luonnos: reitit muuttuvat tammikuussa.", "", [], None),
    (
        "submitted", "news", "Kuhmo avaa sähköisen asioinnin",
        "Kuntalaiset voivat hoitaa lupa-asiat verkossa.", "Palvelu avautuu joulukuussa.", [], None,
    ),
    (
        "rejected", "blog", "Mainos: paras järjestelmä", "Yrityksen tuote-esittely.", "Osta heti!", [], None,
    ),
]  # fmt: skip


WAITING_EVENTS = {"Kuhmon digitreffit kuntalaisille"}


def _events(kuhmo, kuntaliitto):
    return [
        # (organisation, title, summary, starts, hours, zone, place, online, registration, classes, slides)
        (
            kuntaliitto, "Webinaari: avoimet rajapinnat kunnissa",
            "Miten kunta julkaisee rajapinnan ja mitä siitä seuraa.", _at(14, 9), 2, "Europe/Helsinki",
            "", "https://example.fi/webinaari", "https://example.fi/ilmoittaudu", ["P9"], False,
        ),
        (
            kuhmo, "Tilavarausten verkostotapaaminen",
            "Kunnat, jotka käyttävät yhteistä tilavarausprosessia, tapaavat.", _at(30, 12), 3,
            "Europe/Helsinki", "Kuhmon kaupungintalo, Kainuuntie 82", "", "", ["P27"], False,
        ),
        (
            kuntaliitto, "Nordiskt möte om kommunal digitalisering",
            "Pohjoismaiset kuntaverkostot vertailevat yhteiskehittämistä.", _at(45, 10, STOCKHOLM), 4,
            "Europe/Stockholm", "", "https://example.se/mote", "", [], False,
        ),
        (
            kuntaliitto, "Digiviikon avaus",
            "Viikon avaustilaisuus; esitysten kalvot ovat alla.", _at(-20, 13), 2, "Europe/Helsinki",
            "Kuntatalo, Toinen linja 14, Helsinki", "https://example.fi/avaus", "", ["P9"], True,
        ),
        (
            kuhmo, "Kuhmon digitreffit kuntalaisille",
            "Neuvontaa sähköiseen asiointiin; odottaa vielä koordinaattorin tarkastusta.", _at(21, 17), 2,
            "Europe/Helsinki", "Kuhmon kirjasto", "", "", ["P9"], False,
        ),
    ]  # fmt: skip


def seed_news() -> str:
    """Create the demo news and events that are missing; return a one-line summary."""
    kuhmo = Organisation.objects.filter(code="290").first()
    kuntaliitto = Organisation.objects.filter(slug="kuntaliitto").first()
    if kuhmo is None or kuntaliitto is None:
        return "news skipped: Kuhmo or Kuntaliitto is missing"
    made = {"posts": 0, "events": 0}
    with transaction.atomic():
        editor = _person("toimittaja.kuhmo", "Tiina Toimittaja", kuhmo, MembershipRole.EDITOR)
        coordinator = _person(
            "uutiset.kuntaliitto", "Ulla Uutiskoordinaattori", kuntaliitto, MembershipRole.COORDINATOR
        )
        for state, kind, title, summary, body, codes, image in POSTS:
            if Post.objects.filter(title=title).exists():
                continue
            data = {
                "kind": kind,
                "title": title,
                "summary": summary,
                "body": body,
                "service_classes": _classes(*codes),
            }
            post = publishing.create(Post, kuhmo, editor, data)
            if image:
                publishing.add_attachment(
                    post, editor, title=image, file=SimpleUploadedFile("kaavio.png", PNG)
                )
            if state != "draft":
                publishing.submit(post, editor)
            if state == "published":
                publishing.approve(publishing.open_item(post), coordinator)
            elif state == "rejected":
                publishing.reject(publishing.open_item(post), coordinator, "Mainoksia ei julkaista uutisina.")
            made["posts"] += 1
        for (
            organisation,
            title,
            summary,
            starts,
            hours,
            zone,
            place,
            online,
            registration,
            codes,
            slides,
        ) in _events(kuhmo, kuntaliitto):
            if Event.objects.filter(title=title).exists():
                continue
            author = editor if organisation == kuhmo else coordinator
            data = {
                "title": title, "summary": summary, "body": "", "starts_at": starts,
                "ends_at": starts + datetime.timedelta(hours=hours), "time_zone": zone, "place": place,
                "online_url": online, "registration_url": registration, "service_classes": _classes(*codes),
            }  # fmt: skip
            event = publishing.create(Event, organisation, author, data)
            publishing.submit(event, author)
            if author == editor and title not in WAITING_EVENTS:
                publishing.approve(publishing.open_item(event), coordinator)
            if slides:
                publishing.add_attachment(
                    event, coordinator, title="Avauksen kalvot", file=SimpleUploadedFile("kalvot.pdf", PDF)
                )
            made["events"] += 1
    return ", ".join(f"{count} {name}" for name, count in made.items()) + " created"
