"""Publishers of the demo that are not municipalities, so the municipality loader does not create them.

Demo entries refer to a municipality by its three-digit code and to these by their slug.
"""

from municipalities.models import LanguageStatus, OrganisationKind

EXTRA_ORGANISATIONS = [
    {
        "slug": "hsl",
        "kind": OrganisationKind.JOINT_AUTHORITY,
        "name_fi": "Helsingin seudun liikenne -kuntayhtymä",
        "name_sv": "Helsingforsregionens trafik -samkommun",
        "name_en": "Helsinki Regional Transport Authority",
        "region": "01",
        "language_status": LanguageStatus.BILINGUAL_FI,
        "description": (
            "Helsingin seudun kuntien yhteinen kuntayhtymä, joka suunnittelee ja järjestää seudun "
            "joukkoliikenteen."
        ),
    },
    {
        "slug": "kuntaliitto",
        "kind": OrganisationKind.COORDINATOR,
        "name_fi": "Kuntaliitto – Suomen Kuntaliitto ry",
        "name_sv": "Kommunförbundet – Finlands Kommunförbund rf",
        "name_en": "Association of Finnish Municipalities",
        "region": "01",
        "language_status": LanguageStatus.BILINGUAL_FI,
        "description": (
            "Kuntien yhteinen edunvalvonta- ja kehittämisjärjestö, joka ylläpitää Kuntajaon luetteloa "
            "ja sen moderointia."
        ),
    },
    {
        "slug": "pohjanmaan-hyvinvointialue",
        "kind": OrganisationKind.WELLBEING_COUNTY,
        "name_fi": "Pohjanmaan hyvinvointialue",
        "name_sv": "Österbottens välfärdsområde",
        "name_en": "Ostrobothnia Wellbeing Services County",
        "region": "15",
        "language_status": LanguageStatus.BILINGUAL_SV,
        "description": (
            "Hyvinvointialue, joka on vuoden 2023 alusta järjestänyt Pohjanmaan kuntien asukkaiden "
            "sosiaali- ja terveyspalvelut sekä pelastustoimen."
        ),
    },
]
