#!/usr/bin/env bash
# What some tests need beyond Node and Neo4j, installed where it can be without asking:
#   - networkx and lxml (test/requirements.txt) into the project's own .venv, with pip from PyPI;
#   - a chromium for the explorer tests: one on PATH or ACCORD_CHROMIUM, else Debian's
#     `chromium` (and a font for Chinese text) with apt-get when run as root
#     (ACCORD_TEST_APT=no leaves the system alone).
# What cannot be had is named in one line; the tests that need it are then skipped with a
# notice (test/support/prerequisites.ts), or fail the run under ACCORD_TEST_STRICT=1.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test-deps: $*" >&2; }

venv=.venv
stamp="$venv/.accord-installed"
if [ ! -f "$stamp" ] || [ test/requirements.txt -nt "$stamp" ]; then
  if ! command -v python3 >/dev/null; then
    say "no python3: the GraphML and GEXF tests will be skipped (install Python 3.9+ with venv)"
  elif python3 -m venv "$venv" >&2 &&
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r test/requirements.txt >&2; then
    touch "$stamp"
    say "networkx and lxml installed into $venv"
  else
    say "could not install networkx and lxml into $venv (see above): the GraphML and GEXF tests will be skipped"
  fi
fi

# The names test/support/prerequisites.ts looks for.
browser() {
  [ -n "${ACCORD_CHROMIUM:-}" ] && return 0
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    command -v "$name" >/dev/null && return 0
  done
  return 1
}
if ! browser; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ "${ACCORD_TEST_APT:-yes}" != no ]; then
    say "no chromium: installing Debian's chromium and fonts-wqy-microhei with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; } >/dev/null ||
      say "apt-get could not install chromium: the explorer tests will be skipped"
  else
    say "no chromium on PATH (or ACCORD_CHROMIUM): the explorer tests will be skipped; install Debian's chromium"
  fi
fi
