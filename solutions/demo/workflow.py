"""Work in progress for the demo: a draft, a submission waiting in the moderation queue and an edit
of a published solution waiting as a revision, made through the real workflow functions by the
demo editors, so that the editor and the coordinator of the demo both find something to do.

Running it again changes nothing: each piece is made only when it is not there yet.
"""

from solutions.models import ModerationState, Solution
from solutions.services import publishing as workflow

DRAFT = {
    "title": "Kyläkirjastojen omatoimiaika",
    "summary": "Kirjastokortilla sisään myös henkilökunnan työajan ulkopuolella: ovien, valojen ja "
    "valvonnan ohjaus kirjastojärjestelmästä.",
    "description": "Luonnos: kuvataan, miten omatoimikirjasto otettiin käyttöön kahdessa "
    "kylätoimipisteessä.\n\n"
    "- kulunvalvonta kirjastokortilla ja PIN-koodilla\n- aukioloajat kirjastojärjestelmästä",
    "kind": "practice",
    "lifecycle": "pilot",
    "language": "fi",
    "tags": ["kirjasto", "omatoimikirjasto"],
}
SUBMISSION = {
    "title": "Saamenkielinen asiointiopas",
    "summary": "Kunnan sähköisten palvelujen ohjeet pohjois-, inarin- ja koltansaameksi, "
    "samasta sisällönhallinnasta kuin suomenkieliset.",
    "description": "Opas kokoaa asioinnin yleisimmät tilanteet: varhaiskasvatushaku, rakennuslupa ja "
    "kirjaston e-palvelut.\n\nKäännökset tehtiin yhdessä saamelaiskäräjien kielitoimiston kanssa.",
    "kind": "practice",
    "lifecycle": "production",
    "language": "fi",
    "tags": ["saame", "kielipalvelut", "asiointi"],
    "adoption_conditions": "Kääntäjät tai kumppani saamen kieliin; sisällönhallinta, joka tukee "
    "useaa kieltä.",
}
REVISION_SUMMARY_ADDITION = " Nyt myös tapahtumien ilmoittautumiset."


def seed_workflow(editors: dict[str, object]) -> list[str]:
    """Create the demo's work in progress; `editors` maps a municipality code to its demo editor."""
    done = []
    kuhmo, inari, helsinki = editors["290"], editors["148"], editors["091"]
    kuhmo_org = kuhmo.memberships.get(organisation__code="290").organisation
    if not Solution.objects.filter(organisation=kuhmo_org, title=DRAFT["title"]).exists():
        workflow.create_draft(kuhmo_org, kuhmo, DRAFT)
        done.append(f"a draft of {kuhmo_org.name_fi}")

    inari_org = inari.memberships.get(organisation__code="148").organisation
    if not Solution.objects.filter(organisation=inari_org, title=SUBMISSION["title"]).exists():
        workflow.submit(workflow.create_draft(inari_org, inari, SUBMISSION), inari)
        done.append(f"a submission of {inari_org.name_fi} in the queue")

    published = (
        Solution.objects.filter(organisation__code="091", moderation_state=ModerationState.PUBLISHED)
        .order_by("title")
        .first()
    )
    if published and workflow.pending_revision(published) is None:
        data = workflow.solution_data(published)
        if not data["summary"].endswith(REVISION_SUMMARY_ADDITION):
            data["summary"] = (data["summary"] + REVISION_SUMMARY_ADDITION)[:300]
            workflow.propose_revision(published, helsinki, data)
            done.append(f"an edit of “{published.title}” waiting for review")
    return done
