"""The English catalogue covers every user-facing string, and the compiled catalogue is current."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]
LOCALE = PROJECT / "omstallning" / "locale"

needs_gettext = pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msgattrib") and shutil.which("msgfmt")),
    reason="GNU gettext tools are not installed",
)


def _catalog(mo_file: Path) -> dict:
    with mo_file.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)


@needs_gettext
def test_every_string_in_the_code_has_an_english_translation(tmp_path):
    # makemessages writes into the source tree, so let it work on a copy.
    shutil.copytree(PROJECT / "omstallning", tmp_path / "omstallning")
    shutil.copy(PROJECT / "manage.py", tmp_path / "manage.py")
    subprocess.run(
        [sys.executable, "../manage.py", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=tmp_path / "omstallning",
        env={"DJANGO_SETTINGS_MODULE": "omstallning.settings.test", "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    catalogue = tmp_path / "omstallning" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    missing = subprocess.run(
        ["msgattrib", "--untranslated", "--no-wrap", str(catalogue)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-wrap", str(catalogue)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    untranslated = [
        line for line in missing.splitlines() if line.startswith('msgid "') and line != 'msgid ""'
    ]
    assert untranslated == [], "Add English for these in omstallning/locale/en (see README)"
    assert "msgid" not in fuzzy.replace('msgid ""', ""), fuzzy


@needs_gettext
@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_compiled_catalogue_matches_its_source(tmp_path, language):
    source = LOCALE / language / "LC_MESSAGES" / "django.po"
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(fresh), str(source)], check=True)

    assert _catalog(LOCALE / language / "LC_MESSAGES" / "django.mo") == _catalog(fresh), (
        f"Run compilemessages: {language}/django.mo is older than django.po"
    )
