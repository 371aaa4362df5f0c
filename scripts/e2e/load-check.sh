#!/usr/bin/env bash
# Proves that the real n8n app loads the packed package: installs the tarball as a community
# package, imports one credential of each type, runs a workflow with each action node (Infobip
# OMNI, Infobip Messages API) under each of them
# (`n8n execute`), and checks the status and the Authorization headers a local server received.
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t paths < <(bash scripts/e2e/provision.sh)
export PATH="${paths[0]}:$PATH"
N8N="${paths[1]}"

work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
export N8N_USER_FOLDER="$work/home" N8N_ENCRYPTION_KEY=infobip-omni-load-check-key \
	N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false \
	N8N_LOG_LEVEL=info N8N_RUNNERS_BROKER_PORT="${N8N_RUNNERS_BROKER_PORT:-5679}"

npm run build >/dev/null
tarball="$(npm pack --silent --pack-destination "$work")"
mkdir -p "$N8N_USER_FOLDER/.n8n/nodes"
(cd "$N8N_USER_FOLDER/.n8n/nodes" && echo '{"name":"installed-nodes","private":true}' >package.json \
	&& npm install "$work/$tarball" --omit=peer --no-audit --no-fund >/dev/null)

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
node scripts/e2e/echo-server.js "$port" "$work/received.jsonl" &
server_pid=$!
sed "s/__PORT__/$port/g" scripts/e2e/credentials.json >"$work/credentials.json"

"$N8N" import:credentials --input="$work/credentials.json" >/dev/null
"$N8N" import:workflow --input=scripts/e2e/load-check.workflow.json >/dev/null
started=$(date +%s%N)
"$N8N" execute --id=wfloadcheck0001 --rawOutput >"$work/execute.out" 2>&1 || true
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# --rawOutput mixes log lines into stdout: parse from the first line that starts with "{".
node -e '
	const fs = require("fs");
	const [out, log, ms] = process.argv.slice(1);
	const text = fs.readFileSync(out, "utf8");
	const run = JSON.parse(text.slice(text.search(/^\{/m)));
	const received = fs.readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l));
	const auths = received.map((r) => r.auth);
	// Infobip OMNI, then Infobip Messages API, each under Basic auth and the API key.
	const expected = ["Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "App test-key-123"];
	const urls = received.map((r) => r.url);
	const ok = run.status === "success" && JSON.stringify(auths) === JSON.stringify([...expected, ...expected])
		&& JSON.stringify(urls) === JSON.stringify([
			"/omni/1/scenarios?page=0&limit=5", "/omni/1/scenarios?page=0&limit=5",
			"/messages-api/1/reports?limit=5", "/messages-api/1/reports?limit=5",
		]);
	console.log(`n8n execute: status ${run.status}, ${received.length} requests ${JSON.stringify(urls)}, headers ${JSON.stringify(auths)}, ${ms} ms`);
	console.log(ok ? "LOAD CHECK OK" : "LOAD CHECK FAILED");
	process.exit(ok ? 0 : 1);
' "$work/execute.out" "$work/received.jsonl" "$elapsed_ms"
