"""Swedish and English names of the demo's most used tags, as a coordinator would give them."""

from taggit.models import Tag

from solutions.models import TagNames

NAMES = {
    "rajapinta": ("gränssnitt", "API"),
    "hankinnat": ("upphandlingar", "procurement"),
    "prosessikuvaus": ("processbeskrivning", "process description"),
    "sähköinen asiointi": ("e-tjänster", "e-services"),
    "tilavaraus": ("lokalbokning", "room booking"),
    "varhaiskasvatus": ("småbarnspedagogik", "early childhood education"),
    "osallisuus": ("delaktighet", "participation"),
    "avoin data": ("öppna data", "open data"),
    "avoin lähdekoodi": ("öppen källkod", "open source"),
    "kaavoitus": ("planläggning", "land use planning"),
    "kartta": ("karta", "map"),
    "paikkatieto": ("geodata", "geospatial data"),
    "tapahtumat": ("evenemang", "events"),
    "tunnistautuminen": ("identifiering", "identification"),
    "liikuntapaikat": ("idrottsplatser", "sports facilities"),
}


def seed_tag_names() -> str:
    made = 0
    for tag in Tag.objects.filter(name__in=NAMES):
        sv, en = NAMES[tag.name]
        _names, created = TagNames.objects.update_or_create(
            tag=tag, defaults={"name_fi": tag.name, "name_sv": sv, "name_en": en}
        )
        made += created
    return f"{made} tags named in Swedish and English"
