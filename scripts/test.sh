#!/usr/bin/env bash
# `npm test`: every test, on a fresh machine of this kind. Installs what the tests need
# (Debian's chromium and PostgreSQL), builds the real site (once per audience), runs the unit,
# fixture-build and built-site tests (vitest), and drives the site through the Ayin server in
# Chromium (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

# What the tests need from Debian: chromium for the browser tests and certificate PDFs,
# PostgreSQL for the database tests (they start a private cluster of their own from its binaries).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-noto-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# The certificate PDF test reads its text back (pdftotext, pdftoppm) and decodes its QR code.
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step "Checking that native modules and binaries are installed"
node scripts/setup.mjs

step "Type-checking"
npx tsc --noEmit

step "Validating the sample content"
npx tsx scripts/validate.ts

step "Building the site (one build per audience)"
npx tsx scripts/build.ts

step "Unit, server, fixture-build and built-site tests (vitest)"
npx vitest run

# Faults (Meilisearch, re-index and server killed, database stopped, disk full), load and
# property tests, bounded: fewer learners and iterations than `npm run test:reliability`.
step "Faults, load and property tests, bounded (test:reliability --quick)"
npx tsx scripts/test-reliability.ts --quick

step "Browser tests against the Ayin server (Playwright, Debian chromium)"
npx playwright test
