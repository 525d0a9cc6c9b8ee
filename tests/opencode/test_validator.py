"""The publiccode.yml validator: verdicts, and messages that name the key and its line:column."""

import pytest
import yaml

from solutions.opencode.publiccode import spdx
from solutions.opencode.publiccode.validator import is_language_tag, validate
from tests.opencode.conftest import read


def found(report, level="error"):
    return {(m.key, m.line, m.column) for m in report.messages if m.level == level}


def keys(report, level="error"):
    return {m.key for m in report.messages if m.level == level}


@pytest.mark.parametrize("name", ["valid-minimal.publiccode.yml", "valid-full.publiccode.yml"])
def test_valid_files_have_no_messages(name):
    report = validate(read(name))
    assert report.valid
    assert report.messages == []


def test_invalid_file_names_every_broken_key_with_its_line_and_column():
    report = validate(read("invalid.publiccode.yml"))
    assert not report.valid
    assert {
        ("url", 3, 6),
        ("platforms", 4, 12),
        ("developmentStatus", 5, 20),
        ("releaseDate", 7, 14),
        ("categories[0]", 9, 5),
        ("favouriteColour", 10, 1),
        ("description.fi.shortDescription", 13, 23),
        ("description.fi.longDescription", 14, 22),
        ("description.fi.features[0]", 16, 9),
        ("description.xx-invalid-tag-!", 17, 3),
        ("legal.license", 20, 12),
        ("maintenance.contractors", 22, 3),
        ("maintenance.contacts[0].email", 25, 14),
        ("localisation.localisationReady", 27, 22),
        ("localisation.availableLanguages[0]", 29, 7),
    } <= found(report)


def test_deprecated_keys_warn_without_making_the_file_invalid():
    report = validate(read("warnings.publiccode.yml"))
    assert report.valid
    assert keys(report, "warning") == {
        "publiccodeYmlVersion",
        "inputTypes",
        "description.en.genericName",
        "legal.license",
        "legal.authorsFile",
    }


def test_message_text_reads_line_column_level_key(minimal_text):
    report = validate(minimal_text.replace("developmentStatus: stable", "developmentStatus: done"))
    assert [str(m) for m in report.errors] == [
        "6:20 error: developmentStatus: “done” is not one of: concept, development, beta, stable, obsolete"
    ]


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('publiccodeYmlVersion: "0"', 'publiccodeYmlVersion: "1.0"', "publiccodeYmlVersion"),
        ("name: Päiväkotihaku\n", "", "name"),
        ("softwareType: standalone/web", "softwareType: website", "softwareType"),
        ("  - web\n", "", "platforms"),
        ("  type: internal", "  type: sometimes", "maintenance.type"),
        ("  localisationReady: true", "  localisationReady: 1", "localisation.localisationReady"),
        (
            "      email: eija.yllapitaja@example.org\n",
            "      email: nobody\n",
            "maintenance.contacts[0].email",
        ),
        ("license: EUPL-1.2", "license: EUPL-1.2 AND", "legal.license"),
        ("license: EUPL-1.2", "license: (EUPL-1.2 OR MIT", "legal.license"),
        ("license: EUPL-1.2", "license: EUPL-1.2 or MIT", "legal.license"),
        ("license: EUPL-1.2", "license: MIT WITH Not-An-Exception", "legal.license"),
        ("    - sv\n", "    - sv_FI\n", "localisation.availableLanguages[1]"),
    ],
)
def test_one_broken_rule_one_named_error(minimal_text, old, new, key):
    assert old in minimal_text
    report = validate(minimal_text.replace(old, new, 1))
    assert not report.valid
    assert key in keys(report)


def test_internal_maintenance_needs_contacts(minimal_text):
    text = minimal_text.split("  contacts:")[0] + "localisation:" + minimal_text.split("localisation:")[1]
    report = validate(text)
    assert found(report) == {("maintenance.contacts", 22, 3)}


def test_contractors_are_refused_unless_maintenance_is_by_contract(minimal_text):
    text = minimal_text.replace(
        "  contacts:", '  contractors:\n    - name: Firma Oy\n      until: "2027-01-01"\n  contacts:'
    )
    assert keys(validate(text)) == {"maintenance.contractors"}


def test_contractor_needs_a_date_until(full_text):
    report = validate(full_text.replace('      until: "2027-12-31"\n', ""))
    assert keys(report) == {"maintenance.contractors[0].until"}


def test_lower_case_country_section_warns(minimal_text):
    report = validate(minimal_text + "it:\n  riuso:\n    codiceIPA: c_h501\n")
    assert report.valid
    assert keys(report, "warning") == {"it"}


def test_unquoted_release_date_is_read_as_a_date(minimal_text):
    assert validate(minimal_text + "releaseDate: 2026-01-31\n").valid


def test_duplicate_key_is_an_error(minimal_text):
    report = validate(minimal_text + "name: Toinen\n")
    assert any(m.key == "name" and "duplicate" in m.text for m in report.errors)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("name: [unclosed\n", 2),
        ("a: 1\n  b: 2\n", 2),
        ("", 1),
        ("- just\n- a list\n", 1),
        ("--- a\n--- b\n", 2),
    ],
)
def test_unreadable_yaml_is_refused_with_a_position_and_never_raises(text, line):
    report = validate(text)
    assert not report.valid
    assert report.errors[0].line == line


def test_not_utf8_and_too_large_are_refused():
    assert "UTF-8" in validate(b"name: \xff\xfe").errors[0].text
    assert not validate(b"a: " + b"x" * (1024 * 1024 + 1)).valid


def test_alias_bomb_is_refused_quickly():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 9):
        bomb += (
            f"{'b' * n}: &{'b' * n} [*{'a' if n == 1 else 'b' * (n - 1)}"
            + f", *{'a' if n == 1 else 'b' * (n - 1)}" * 9
            + "]\n"
        )
    report = validate(bomb)
    assert not report.valid
    assert "aliases" in report.errors[0].text


@pytest.mark.parametrize(
    ("expression", "valid"),
    [
        ("MIT", True),
        ("mit", True),
        ("GPL-2.0-or-later WITH Classpath-exception-2.0", True),
        ("(MIT OR Apache-2.0) AND (EUPL-1.2 OR GPL-3.0-only)", True),
        ("LicenseRef-kunnan-oma", True),
        ("Apache-2.0+", True),
        ("", False),
        ("MIT AND", False),
        ("(MIT", False),
        ("MIT)", False),
        ("MIT Apache-2.0", False),
        ("WITH MIT", False),
        ("Kunnan-oma-lisenssi", False),
    ],
)
def test_spdx_expressions(expression, valid):
    assert spdx.is_valid(expression) is valid


@pytest.mark.parametrize(
    ("tag", "valid"),
    [
        ("fi", True),
        ("sv-FI", True),
        ("en-GB", True),
        ("zh-Hant-TW", True),
        ("sma", True),
        ("de-CH-1996", True),
        ("fi-x-kunta", True),
        ("suomi", False),
        ("zz", False),
        ("fi_FI", False),
        ("", False),
        ("en-", False),
    ],
)
def test_language_tags(tag, valid):
    assert is_language_tag(tag) is valid


def test_document_keeps_text_as_written(full_text):
    document = validate(full_text).document
    assert document["releaseDate"] == "2026-03-01"
    assert document["softwareVersion"] == "2.1.0"
    assert document["dependsOn"]["hardware"][0]["optional"] is True
    assert document == yaml.safe_load(full_text) | {"releaseDate": "2026-03-01"}
