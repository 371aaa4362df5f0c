#!/usr/bin/env bash
# Screenshots of the example workflows in the n8n editor (docs/screenshots/*.png), for the README.
# Not part of CI. Needs Debian's Chromium (apt-get install -y chromium) and the e2e cache
# (Node 24 + n8n 2.41.1, installed by provision.sh on first use). Takes about 45 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t paths < <(bash scripts/e2e/provision.sh)
npx tsc -p tsconfig.dev.json
PATH="${paths[0]}:$PATH" node .dev-dist/scripts/e2e/screenshots.js
