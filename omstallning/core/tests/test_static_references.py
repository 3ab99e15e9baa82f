"""Every static file the templates and admin hooks name exists.

The tests serve static files with the plain storage, which takes any name; in production the
manifest storage fails the page on a name it does not know. So the names are checked here
(and CI runs collectstatic with the production storage).
"""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

APPS = Path(__file__).resolve().parents[2]
IN_TEMPLATES = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]""")
IN_PYTHON = re.compile(r"""\bstatic\(\s*['"]([^'"]+)['"]""")


def named_static_files() -> dict[str, str]:
    """Static file name → the first file that names it."""
    names: dict[str, str] = {}
    for pattern, glob in ((IN_TEMPLATES, "*.html"), (IN_PYTHON, "*.py")):
        for path in sorted(APPS.rglob(glob)):
            if "tests" in path.parts:
                continue
            for name in pattern.findall(path.read_text(encoding="utf-8")):
                names.setdefault(name, str(path.relative_to(APPS)))
    return names


def test_every_named_static_file_exists():
    names = named_static_files()

    assert {"css/site.css", "js/site.js", "funding/admin.css"} <= set(names)
    missing = {name: where for name, where in names.items() if not finders.find(name)}
    assert missing == {}


def test_a_wrong_name_would_be_found(tmp_path):
    assert IN_TEMPLATES.findall("{% static 'css/sajt.css' %}") == ["css/sajt.css"]
    assert IN_PYTHON.findall('static("events/admin.css")') == ["events/admin.css"]
    assert finders.find("css/sajt.css") is None
