#!/usr/bin/env bash
# Development server with demo data: migrate, load the demo content once, then run the
# task worker in the background and the web server in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=omstallning.settings.dev
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
PY=.venv/bin/python

mkdir -p var
echo "Migrating the database in var/ ..."
$PY manage.py migrate --no-input --verbosity 0
$PY manage.py load_demo_content

$PY manage.py task_worker --queue-name '*' &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM

echo
echo "Omställningsplattformen runs at http://$HOST:$PORT/  (admin: http://$HOST:$PORT/admin/)"
echo "The task worker runs in the background (pid $WORKER). Stop both with Ctrl+C."
echo
$PY manage.py runserver --noreload "$HOST:$PORT"
