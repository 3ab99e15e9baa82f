"""Runs e2e/server_data.py's functions on the live server's database, for Server.call.

Started once per server (`python -m e2e.server_shell`, in the server's environment), since
starting Django for every call took two seconds each. Reads one JSON request per line,
{"function": name, "kwargs": {...}}, and answers each with one line: RESULT_PREFIX and the
result as JSON, or ERROR_PREFIX and the traceback as a JSON string. Anything else a function
prints goes to standard error, so it cannot be taken for an answer.
"""

from __future__ import annotations

import json
import sys
import traceback

RESULT_PREFIX = "E2E-RESULT "
ERROR_PREFIX = "E2E-ERROR "


def main() -> None:
    import django

    answers = sys.stdout
    sys.stdout = sys.stderr
    django.setup()

    from django.conf import settings
    from django.db import connections
    from django.utils import translation

    from e2e import server_data

    for line in sys.stdin:
        request = json.loads(line)
        translation.activate(settings.LANGUAGE_CODE)
        try:
            result = getattr(server_data, request["function"])(**request["kwargs"])
            answer = RESULT_PREFIX + json.dumps(result)
        except Exception:
            answer = ERROR_PREFIX + json.dumps(traceback.format_exc())
        finally:
            # As after a request: the next call starts on a fresh connection.
            connections.close_all()
        answers.write(answer + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
