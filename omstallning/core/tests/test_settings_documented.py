"""Every environment variable the settings read is documented in the README's table."""

import re
from pathlib import Path

from django.conf import settings

ENV_READ = re.compile(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"')


def test_every_environment_variable_is_in_the_readme():
    source = (settings.BASE_DIR / "omstallning" / "settings" / "base.py").read_text()
    readme = Path(settings.BASE_DIR / "README.md").read_text()
    variables = set(ENV_READ.findall(source))
    assert {"SECRET_KEY", "DATABASE_URL", "DEBUG", "ALLOWED_HOSTS"} <= variables
    documented = set(re.findall(r"^\| `([A-Z_]+)`", readme, flags=re.MULTILINE))
    assert variables - documented == set()
