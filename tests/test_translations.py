"""The Finnish, Swedish and English message catalogues are complete for every string in the code.

The catalogue is extracted afresh from the source into a temporary folder, so a string added to a
template or a view without a translation fails here, as does a fuzzy or empty translation.
"""

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SOURCE_FOLDERS = ["kuntajako", "municipalities", "solutions", "templates", "static"]


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory):
    """Every translatable message in the source, as (context, msgid) pairs.

    makemessages writes into any locale/ folder it finds under the working directory, so it runs in
    a folder of links to the source folders, never touching the committed catalogues.
    """
    workdir = tmp_path_factory.mktemp("extract")
    for name in SOURCE_FOLDERS:
        (workdir / name).symlink_to(settings.BASE_DIR / name)
    target = workdir / "locale"
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[target]):
        patch.chdir(workdir)
        call_command(
            "makemessages",
            locale=["fi"],
            symlinks=True,
            ignore_patterns=["locale"],  # the committed catalogues, reached through the kuntajako link
            verbosity=0,
            no_obsolete=True,
        )
    catalogue = polib.pofile(str(target / "fi" / "LC_MESSAGES" / "django.po"))
    return {(entry.msgctxt, entry.msgid) for entry in catalogue}


def committed(language):
    path = settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing"
    return polib.pofile(str(path))


def is_translated(entry):
    if entry.msgid_plural:
        return all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(source_messages, language):
    catalogue = committed(language)
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalogue if not entry.obsolete}
    missing = sorted(msgid for key in source_messages if (msgid := key[1]) and key not in entries)
    untranslated = sorted(
        e.msgid for key, e in entries.items() if key in source_messages and not is_translated(e)
    )
    fuzzy = sorted(e.msgid for key, e in entries.items() if key in source_messages and e.fuzzy)
    problems = [f"not in catalogue: {m!r}" for m in missing]
    problems += [f"untranslated: {m!r}" for m in untranslated]
    problems += [f"fuzzy: {m!r}" for m in fuzzy]
    assert not problems, f"{language}: {len(problems)} problems\n" + "\n".join(problems)


def test_catalogues_have_some_messages(source_messages):
    # Guards the test above against an extraction that silently finds nothing.
    assert len(source_messages) > 50
