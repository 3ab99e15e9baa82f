#!/usr/bin/env bash
# Development server with demo data: migrate, load the demo content once, then run the
# task workers (mail and the rest; knowledge feeds) in the background and the web server in
# the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=omstallning.settings.dev
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# Links in e-mails and invitations point at this server.
export BASE_URL="${BASE_URL:-http://$HOST:$PORT}"
PY=.venv/bin/python

mkdir -p var
echo "Migrating the database in var/ ..."
$PY manage.py migrate --no-input --verbosity 0
$PY manage.py load_demo_content
echo
echo "Staff accounts enrol their second factor through a one-time link (valid 72 hours):"
$PY manage.py invite_second_factor --all-without-device --no-mail

$PY manage.py task_worker --queue-name default &
WORKERS=$!
trap 'kill $WORKERS 2>/dev/null || true' EXIT INT TERM
# Feed imports get a worker of their own, so that a slow feed never holds up the mail.
$PY manage.py task_worker --queue-name knowledge_feeds &
WORKERS="$WORKERS $!"

echo
echo "Omställningsplattformen runs at http://$HOST:$PORT/  (admin: http://$HOST:$PORT/admin/)"
echo "The task workers run in the background (pids $WORKERS). Stop everything with Ctrl+C."
echo
$PY manage.py runserver --noreload "$HOST:$PORT"
