#!/usr/bin/env bash
# The README's images in the n8n editor: the example workflows (docs/screenshots/<example>.png,
# scripts/e2e/screenshots.ts), then the key panels and credential dialogs (docs/screenshots/
# panel-*.png, credential-*.png, copied from the editor test's docs/screenshots/editor/, see
# scripts/e2e/editor.ts README_PANELS). Needs Debian's Chromium (/usr/bin/chromium; the editor
# test installs it with apt-get when missing) and the e2e cache (Node 24 + n8n 2.41.1, installed
# by provision.sh on first use). Takes about 5 min. The images are written even when an editor
# check fails; its failures are printed, and this script then exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t paths < <(bash scripts/e2e/provision.sh)
npx tsc -p tsconfig.dev.json
if [ ! -x /usr/bin/chromium ]; then
	if [ "$(id -u)" -eq 0 ]; then apt-get update && apt-get install -y --no-install-recommends chromium
	else sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium; fi
fi
PATH="${paths[0]}:$PATH" node .dev-dist/scripts/e2e/screenshots.js
node .dev-dist/scripts/e2e/editor.js --readme
