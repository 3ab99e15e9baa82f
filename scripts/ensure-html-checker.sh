#!/usr/bin/env bash
# The HTML validity test runs the Nu Html Checker (vnu.jar from the npm registry, pinned in
# package.json and package-lock.json) on Java. Install what is missing, where we may.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v java >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Java runtime for the HTML checker..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  else
    echo "Java is missing: the HTML validity test will be skipped." >&2
    echo "Install it with: sudo apt-get install default-jre-headless" >&2
  fi
fi
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  if command -v npm >/dev/null; then
    # --ignore-scripts: the package's own install script would try to download a Java.
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  else
    echo "npm is missing: the HTML validity test will be skipped." >&2
  fi
fi
