// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * `npm run test:editor`: the package's panels in the real n8n editor (2.41.1 on Node 24, from the
 * e2e cache), driven by playwright-core and Debian's Chromium (/usr/bin/chromium, installed with
 * apt-get when missing; never a downloaded browser). One n8n, one browser, one page:
 * - starts the sandbox and two loopback servers (one answers 403 like Infobip does for a key
 *   without the scope, one answers 404 like a web server that is not Infobip), creates the
 *   credentials through n8n's REST API and opens each credential's dialog: n8n tests an existing
 *   credential when its dialog opens; the banner must say what to fix;
 * - builds one workflow with a node for every resource × operation of Infobip OMNI and of Infobip
 *   Messages API (read from the built descriptions in dist/), the trigger and the AI tool variants
 *   n8n derives, and the Messages API's Send with a failover step, a template message and each
 *   body type; opens each panel and checks that nothing is marked before input: no parameter
 *   issue, no node issue on the canvas, no lint error, no "Unexpected end of JSON input", no
 *   clipped label; then adds every option of each options collection (defaults only) and checks
 *   again;
 * - opens examples/messenger-sms-failover.json's canvas: no node with an issue icon;
 * - writes one screenshot per panel and dialog into docs/screenshots/editor/ (1440×900).
 * Prints one line per check, then `editor: N passed, M failed`; exits 1 if any failed.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { startSandbox, type Sandbox } from '../../sandbox';
import { check, expect, print, tally } from './checks';
import { N8nHome, ROOT, runSync } from './n8n';

const CHROMIUM = '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 900 };
const GLOBAL_TIMEOUT_MS = 12 * 60_000;
const OUT_DIR = join(ROOT, 'docs/screenshots/editor');
const PACKAGE = 'n8n-nodes-infobip-omni';
/** The example whose canvas the editor test opens (the Messages API's seed flow). */
const MESSAGES_EXAMPLE = 'messenger-sms-failover.json';

type Json = Record<string, unknown>;

/**
 * `--readme`: the key panels the README shows, copied to docs/screenshots/<name>.png after the
 * run (scripts/e2e/screenshots.sh passes it). Keys are files in docs/screenshots/editor/.
 */
const README_PANELS: Record<string, string> = {
	'infobipOmni-message-sendText.png': 'panel-send-text.png',
	'infobipOmni-message-sendAdvanced-every-channel-1.png': 'panel-send-advanced.png',
	'infobipOmni-scenario-create-with-step.png': 'panel-scenario-create.png',
	'infobipOmniTrigger.png': 'panel-trigger.png',
	'infobipMessages-message-send-failover.png': 'panel-messages-send.png',
	'credential-basic-401.png': 'credential-wrong-password.png',
};

/** Debian's Chromium; apt-get installs it when missing (CI is a Debian machine). */
function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	print(`${CHROMIUM} missing: apt-get install -y chromium`);
	const root = process.getuid?.() === 0;
	const apt = (...args: string[]) =>
		runSync(root ? 'apt-get' : 'sudo', root ? args : ['apt-get', ...args]);
	apt('update');
	apt('install', '-y', '--no-install-recommends', 'chromium');
	expect(existsSync(CHROMIUM), `apt-get installed no ${CHROMIUM}`);
}

// ---- panels, from the built description ----------------------------------------------------

interface Panel {
	/** File name stem: <node>-<resource>-<operation>. */
	id: string;
	/** Node name on the canvas (unique). */
	name: string;
	type: string;
	parameters: Json;
	credentialType?: string;
	/** The panel whose options collections this one repeats (not expanded again, for time). */
	sameOptionsAs?: string;
	/** A parameter label to scroll to the middle of the panel before its screenshot. */
	scrollTo?: string;
}

interface Option {
	name: string;
	value: string;
	action?: string;
}
interface Property {
	name: string;
	type: string;
	default?: unknown;
	options?: Option[];
	displayOptions?: { show?: Record<string, unknown[]> };
}
interface Description {
	name: string;
	displayName: string;
	properties: Property[];
	credentials?: Array<{ name: string; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

function description(file: string, className: string): Description {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(ROOT, 'dist/nodes', file)) as Record<
		string,
		new () => { description: Description }
	>;
	return new module[className]().description;
}

/**
 * One action node's panels: every resource × operation, then the tool variant n8n derives, once.
 * `prefix` keeps canvas names apart where two nodes share an action ("Get many delivery reports").
 */
function actionPanels(action: Description, prefix = ''): Panel[] {
	const defaultCredential = action.credentials?.[0]?.name;
	const resources = action.properties.find((p) => p.name === 'resource')?.options ?? [];
	const list: Panel[] = [];
	for (const resource of resources) {
		const operations = action.properties.find(
			(p) =>
				p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource.value),
		);
		for (const operation of operations?.options ?? []) {
			list.push({
				id: `${action.name}-${resource.value}-${operation.value}`,
				name: `${prefix}${operation.action ?? `${resource.name} ${operation.name}`}`,
				type: `${PACKAGE}.${action.name}`,
				parameters: { resource: resource.value, operation: operation.value },
				credentialType: defaultCredential,
			});
		}
	}
	// The tool panel: the node's default resource and operation (what a new tool node opens with).
	const resource = action.properties.find((p) => p.name === 'resource')?.default;
	const operation = action.properties.find(
		(p) => p.name === 'operation' && (p.displayOptions?.show?.resource ?? []).includes(resource),
	)?.default;
	const first =
		list.find(
			(panel) => panel.parameters.resource === resource && panel.parameters.operation === operation,
		) ?? list[0];
	if (first) {
		// n8n derives <name>Tool for a node with usableAsTool; its panel shows the same fields.
		list.push({
			...first,
			id: first.id.replace(action.name, `${action.name}Tool`),
			name: `${action.displayName} Tool`,
			type: `${first.type}Tool`,
			sameOptionsAs: first.id,
		});
	}
	return list;
}

/** Every panel: both action nodes (and their tools), the trigger, and the filled-in variants. */
function panels(): Panel[] {
	const action = description('InfobipOmni/InfobipOmni.node.js', 'InfobipOmni');
	const messages = description('InfobipMessages/InfobipMessages.node.js', 'InfobipMessages');
	const trigger = description(
		'InfobipOmniTrigger/InfobipOmniTrigger.node.js',
		'InfobipOmniTrigger',
	);
	const list: Panel[] = actionPanels(action);
	list.push({
		id: trigger.name,
		name: trigger.displayName,
		type: `${PACKAGE}.${trigger.name}`,
		parameters: {},
		credentialType: trigger.credentials?.[0]?.name,
	});
	list.push(...everyChannelPanels(action, action.credentials?.[0]?.name));
	list.push(...actionPanels(messages, 'Messages API: '));
	list.push(...messagesSendPanels(messages));
	return list;
}

/**
 * The Messages API's Send filled in the ways that show more fields: a failover step, a template
 * message, and each body type (read from the built description), so that every label they show
 * is on screen for the clipped-label check.
 */
function messagesSendPanels(messages: Description): Panel[] {
	const credentialType = messages.credentials?.[0]?.name;
	const send = `${messages.name}-message-send`;
	const panel = (suffix: string, name: string, parameters: Json): Panel => ({
		id: `${send}-${suffix}`,
		name: `Messages API: Send, ${name}`,
		type: `${PACKAGE}.${messages.name}`,
		parameters: { resource: 'message', operation: 'send', ...parameters },
		credentialType,
		sameOptionsAs: send,
	});
	const shown = (property: Property) => {
		const show = property.displayOptions?.show ?? {};
		return (
			(show.resource ?? ['message']).includes('message') &&
			(show.operation ?? ['send']).includes('send')
		);
	};
	const bodyTypes =
		messages.properties.find((p) => p.name === 'bodyType' && p.type === 'options' && shown(p))
			?.options ?? [];
	const messageTypes =
		messages.properties.find((p) => p.name === 'messageType' && p.type === 'options' && shown(p))
			?.options ?? [];
	const list: Panel[] = [
		{
			...panel('failover', 'with a failover step', {
				channel: 'MESSENGER',
				failover: { steps: [{ channel: 'SMS' }] },
			}),
			// The README's image of Send: the main message and its failover step, side by side.
			scrollTo: 'Failover',
		},
	];
	for (const type of messageTypes.filter((option) => option.value !== 'content')) {
		// Templates exist on WhatsApp (among others): the channel that shows the template picker.
		list.push(
			panel(type.value, `${type.name} message`, { channel: 'WHATSAPP', messageType: type.value }),
		);
	}
	for (const type of bodyTypes) {
		list.push(panel(`body-${type.value}`, `${type.name} body`, { bodyType: type.value }));
	}
	return list;
}

/**
 * Send Advanced with every channel of Channel Contents added, once per message type (WhatsApp's
 * Text, Image… side by side with Viber's, LINE's and Facebook's), so that every label a type
 * shows is on screen for the clipped-label check; and Scenario Create with a step.
 */
function everyChannelPanels(action: Description, credentialType?: string): Panel[] {
	const contents = action.properties.find(
		(p) => p.name === 'channelContents' && p.type === 'fixedCollection',
	) as unknown as { options?: Array<{ name: string; values: Property[] }> } | undefined;
	const channels = contents?.options ?? [];
	/** Per channel: its message-type parameter and values, if it has one. */
	const types = channels.map((channel) => {
		const selector = channel.values.find(
			(v) => (v.name === 'contentType' || v.name === 'type') && v.type === 'options',
		);
		return {
			channel: channel.name,
			name: selector?.name,
			values: (selector?.options ?? []).map((o) => o.value),
		};
	});
	const rounds = Math.max(1, ...types.map((t) => t.values.length));
	const list: Panel[] = [];
	for (let round = 0; round < rounds; round++) {
		const channelContents: Json = {};
		for (const t of types) {
			channelContents[t.channel] = t.name ? { [t.name]: t.values[round % t.values.length] } : {};
		}
		list.push({
			id: `${action.name}-message-sendAdvanced-every-channel-${round + 1}`,
			name: `Send Advanced, every channel (${round + 1})`,
			type: `${PACKAGE}.${action.name}`,
			parameters: { resource: 'message', operation: 'sendAdvanced', channelContents },
			credentialType,
			sameOptionsAs: `${action.name}-message-sendAdvanced`,
		});
	}
	list.push({
		id: `${action.name}-scenario-create-with-step`,
		name: 'Create a scenario, with a step',
		type: `${PACKAGE}.${action.name}`,
		parameters: {
			resource: 'scenario',
			operation: 'create',
			name: 'Chat apps',
			steps: { step: [{ channel: 'SMS', from: 'InfoSMS' }] },
		},
		credentialType,
		sameOptionsAs: `${action.name}-scenario-create`,
	});
	return list;
}

// ---- n8n REST ------------------------------------------------------------------------------

async function rest<T = Json>(home: N8nHome, cookie: string, path: string, body: Json): Promise<T> {
	const response = await fetch(`${home.baseUrl}/rest${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`POST /rest${path}: ${response.status} ${text.slice(0, 400)}`);
	return (JSON.parse(text) as { data: T }).data;
}

// ---- loopback servers ------------------------------------------------------------------------

/** Answers every request with one status and body (a 403 like Infobip's, a 404 like a web site's). */
async function fixedServer(status: number, type: string, body: string) {
	const server: Server = createServer((request, response) => {
		request.resume();
		response.writeHead(status, { 'content-type': type });
		response.end(body);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((done) => server.close(() => done())),
	};
}

// ---- the editor --------------------------------------------------------------------------------

/** In-app navigation through the editor's Vue router (no reload); a full load when that fails. */
async function navigate(page: Page, base: string, path: string) {
	const pushed = await page
		.evaluate(async (to) => {
			type Router = { push(to: string): Promise<unknown> };
			type Mounted = { __vue_app__?: { config: { globalProperties: { $router?: Router } } } };
			const app = (document.querySelector('#app') as unknown as Mounted | null)?.__vue_app__;
			const router = app?.config.globalProperties.$router;
			if (!router) return false;
			await router.push(to);
			return true;
		}, path)
		.catch(() => false);
	if (!pushed) await page.goto(`${base}${path}`);
}

/** The visible issue and lint markers inside `scope`, each named by its parameter's label. */
async function markers(page: Page, scope: string): Promise<string[]> {
	return await page.evaluate((scopeSelector) => {
		const root = document.querySelector(scopeSelector);
		if (!root) return [`${scopeSelector} not found`];
		const visible = (element: Element) => {
			const box = (element as HTMLElement).getBoundingClientRect();
			return box.width > 0 && box.height > 0;
		};
		const labelOf = (element: Element) => {
			const item = element.closest('[data-test-id="parameter-item"]');
			// The label's title only (not its Fixed / Expression toggle).
			const label =
				item?.querySelector('[data-test-id="input-label"] label [class*="_title_"]') ??
				item?.querySelector('[data-test-id="input-label"] label');
			const path = element.closest('[data-parameter-path]')?.getAttribute('data-parameter-path');
			return (
				(label?.textContent ?? '').trim() || path || element.getAttribute('data-test-id') || '?'
			);
		};
		const found: string[] = [];
		const kinds: Array<[string, string]> = [
			['[data-test-id="parameter-issues"]', 'issue marker'],
			['.has-issues', 'input marked as having issues'],
			['[data-test-id="node-issues"]', 'node issue icon'],
			['.cm-lintRange-error, .cm-lint-marker-error', 'lint error'],
		];
		for (const [selector, kind] of kinds) {
			for (const element of root.querySelectorAll(selector)) {
				if (!visible(element)) continue;
				const title = element.querySelector('[title]')?.getAttribute('title') ?? '';
				found.push(`${kind} on "${labelOf(element)}"${title ? ` (${title})` : ''}`);
			}
		}
		const text = (root as HTMLElement).innerText;
		if (text.includes('Unexpected end of JSON input'))
			found.push('text "Unexpected end of JSON input"');
		for (const toast of document.querySelectorAll('.el-notification')) {
			if (visible(toast))
				found.push(`toast "${(toast as HTMLElement).innerText.trim().slice(0, 160)}"`);
		}
		return [...new Set(found)];
	}, scope);
}

/** Labels whose text is clipped (scrollWidth > clientWidth) at the panel's default width. */
async function clippedLabels(page: Page): Promise<string[]> {
	return await page.evaluate(() => {
		const clipped: string[] = [];
		for (const label of document.querySelectorAll(
			'[data-test-id="ndv"] [data-test-id="input-label"]',
		)) {
			for (const element of [label, ...label.querySelectorAll('*')]) {
				const html = element as HTMLElement;
				if (html.clientWidth > 0 && html.scrollWidth > html.clientWidth + 1) {
					clipped.push(
						`"${(label.textContent ?? '').trim()}" (${html.scrollWidth} > ${html.clientWidth} px)`,
					);
					break;
				}
			}
		}
		return [...new Set(clipped)];
	});
}

/** Adds every option of each options collection in the open panel (their defaults); returns how many. */
async function addAllOptions(page: Page): Promise<number> {
	const parameterCount = () =>
		page.evaluate(
			() =>
				document.querySelectorAll('[data-test-id="ndv"] [data-test-id="parameter-item"]').length,
		);
	/** Clicks the first option of the open dropdown in the page (no actionability wait per item). */
	const pickFirst = () =>
		page.evaluate(() => {
			const item = [
				...document.querySelectorAll('.el-select-dropdown .el-select-dropdown__item'),
			].find(
				(element) =>
					!element.classList.contains('is-disabled') &&
					(element as HTMLElement).getBoundingClientRect().height > 0,
			) as HTMLElement | undefined;
			item?.click();
			return Boolean(item);
		});
	/**
	 * Closes an options list left open (it would catch the next click): a click on the input pane,
	 * outside the parameters. Escape would close the whole panel.
	 */
	const closeDropdowns = async () => {
		if (!(await page.locator('.el-select-dropdown:visible').count())) return;
		await page.mouse.click(150, VIEWPORT.height - 150);
		await page
			.locator('.el-select-dropdown:visible')
			.first()
			.waitFor({ state: 'hidden', timeout: 2_000 })
			.catch(() => undefined);
	};
	let added = 0;
	let skip = 0;
	for (let round = 0; round < 80; round++) {
		const adds = page.locator('[data-test-id="ndv"] [data-test-id="collection-parameter-add"]');
		if ((await adds.count()) <= skip) break;
		const add = adds.nth(skip);
		const before = await parameterCount();
		await closeDropdowns();
		await add.click({ timeout: 10_000 });
		// A collection with one option shows a button that adds it at once; others open a list.
		let picked = false;
		for (let wait = 0; wait < 10 && !picked; wait++) {
			if ((await parameterCount()) > before) break;
			picked = await pickFirst();
			if (!picked) await page.waitForTimeout(100);
		}
		if (picked || (await parameterCount()) > before) {
			added++;
			await page.waitForTimeout(100);
			continue;
		}
		// Nothing left to add: close the list and go on with the next collection.
		await closeDropdowns();
		skip++;
	}
	return added;
}

async function openPanel(page: Page, panel: Panel) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${panel.name}"]`).dblclick();
	await page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]', {
		timeout: 20_000,
	});
	await page.waitForTimeout(1_000); // lint and issue computation, icons
}

/** Scrolls the open panel so that the parameter labelled `label` sits in its middle. */
async function scrollToLabel(page: Page, label: string) {
	const found = await page.evaluate((text) => {
		// The innermost element of the parameters whose text is the label (input or collection title).
		const match = [
			...document.querySelectorAll('[data-test-id="ndv"] [data-test-id="node-parameters"] *'),
		].find(
			(element) => element.children.length === 0 && (element.textContent ?? '').trim() === text,
		);
		match?.scrollIntoView({ block: 'center' });
		return Boolean(match);
	}, label);
	expect(found, `no parameter labelled "${label}" in the panel`);
	await page.waitForTimeout(300);
}

async function closePanel(page: Page) {
	await page.keyboard.press('Escape');
	const ndv = page.locator('[data-test-id="ndv"]');
	try {
		await ndv.waitFor({ state: 'hidden', timeout: 5_000 });
	} catch {
		await page.locator('[data-test-id="ndv-close-button"]').click();
		await ndv.waitFor({ state: 'hidden', timeout: 5_000 });
	}
}

// ---- credential cases ------------------------------------------------------------------------

interface CredentialCase {
	id: string;
	title: string;
	type: 'infobipOmniBasicAuthApi' | 'infobipOmniApiKeyApi';
	data: Json;
	/** What the banner must say: 'success', or patterns the failure text must all match. */
	expect: 'success' | RegExp[];
	/** A known exception: when the text matches this, n8n's own message is all there is. */
	n8nDecides?: RegExp;
}

function credentialCases(
	sandbox: Sandbox,
	forbidden: string,
	notInfobip: string,
): CredentialCase[] {
	const [account] = sandbox.accounts;
	const basic = { username: account.username, password: account.password };
	return [
		{
			id: 'basic-ok',
			title: 'Basic Auth, the sandbox',
			type: 'infobipOmniBasicAuthApi',
			data: { ...basic, baseUrl: sandbox.baseUrl },
			expect: 'success',
		},
		{
			id: 'apikey-ok',
			title: 'API key, the sandbox',
			type: 'infobipOmniApiKeyApi',
			data: { apiKey: account.apiKey, baseUrl: sandbox.baseUrl },
			expect: 'success',
		},
		{
			id: 'basic-401',
			title: 'Basic Auth, wrong password (401)',
			type: 'infobipOmniBasicAuthApi',
			data: { ...basic, password: 'not the password', baseUrl: sandbox.baseUrl },
			expect: [/Username|Password/, /Base URL/],
		},
		{
			id: 'apikey-401',
			title: 'API key, wrong key (401)',
			type: 'infobipOmniApiKeyApi',
			data: { apiKey: 'not-a-key', baseUrl: sandbox.baseUrl },
			expect: [/API Key/, /Base URL/],
		},
		{
			id: 'apikey-403',
			title: 'API key without the OMNI scope (403)',
			type: 'infobipOmniApiKeyApi',
			data: { apiKey: account.apiKey, baseUrl: forbidden },
			expect: [/scope/i],
		},
		{
			id: 'basic-404',
			title: 'Base URL that is not Infobip (404)',
			type: 'infobipOmniBasicAuthApi',
			data: { ...basic, baseUrl: notInfobip },
			expect: [/Base URL/, /Infobip API address/],
		},
		{
			id: 'basic-no-scheme',
			title: 'loopback Base URL without scheme (becomes http)',
			type: 'infobipOmniBasicAuthApi',
			data: { ...basic, baseUrl: `127.0.0.1:${sandbox.port}` },
			expect: 'success',
		},
		{
			id: 'basic-https-to-http',
			title: 'https:// to a plain-http server',
			type: 'infobipOmniBasicAuthApi',
			data: { ...basic, baseUrl: `https://127.0.0.1:${sandbox.port}` },
			expect: [/http:\/\//],
			n8nDecides: /EPROTO/,
		},
	];
}

/** Waits for the dialog's test verdict; returns 'success' or the danger banner's full text. */
async function credentialVerdict(page: Page): Promise<string> {
	const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
	await dialog.waitFor({ state: 'visible', timeout: 30_000 });
	const success = dialog.locator('[data-test-id="credentials-config-container-test-success"]');
	const danger = dialog.locator('.el-tag--danger', {
		hasText: /connect with these settings|connection settings/,
	});
	await success.or(danger).first().waitFor({ state: 'visible', timeout: 30_000 });
	if (await success.isVisible()) return 'success';
	const more = danger.getByText('More details');
	if (await more.isVisible()) {
		await more.click();
		await page.waitForTimeout(300);
	}
	// The banner: n8n's headline, its Retry button, then the details (the credential test's text).
	const text = await danger.innerText();
	const button = await danger.locator('button').allInnerTexts();
	const lines = text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !button.includes(line) && line !== 'More details');
	return lines.join(' | ');
}

async function closeDialog(page: Page) {
	const dialog = page.locator('[data-test-id="credential-edit-dialog"]');
	await page.keyboard.press('Escape');
	try {
		await dialog.waitFor({ state: 'hidden', timeout: 3_000 });
	} catch {
		await dialog.locator('.el-dialog__headerbtn, [aria-label="Close"]').first().click();
		await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
	}
}

// ---- main ----------------------------------------------------------------------------------------

async function main() {
	const started = Date.now();
	ensureChromium();
	mkdirSync(OUT_DIR, { recursive: true });
	// Only this run's panels: a panel that no longer exists leaves no old image behind.
	for (const file of readdirSync(OUT_DIR).filter((name) => name.endsWith('.png'))) {
		rmSync(join(OUT_DIR, file));
	}
	const cleanups: Array<() => Promise<unknown> | unknown> = [];
	let cleaned = false;
	const cleanup = async () => {
		if (cleaned) return;
		cleaned = true;
		for (const step of cleanups.reverse()) {
			try {
				await step();
			} catch (error) {
				print(`     (cleanup: ${error instanceof Error ? error.message : String(error)})`);
			}
		}
	};
	const watchdog = setTimeout(() => {
		tally.failed++;
		print(`FAIL global timeout: still running after ${GLOBAL_TIMEOUT_MS / 60_000} min`);
		void cleanup().finally(() => {
			print(`editor: ${tally.passed} passed, ${tally.failed} failed`);
			process.exit(1);
		});
	}, GLOBAL_TIMEOUT_MS);
	try {
		const sandbox = await startSandbox();
		cleanups.push(() => sandbox.close());
		const forbidden = await fixedServer(
			403,
			'application/json',
			JSON.stringify({
				requestError: { serviceException: { messageId: 'FORBIDDEN', text: 'Forbidden' } },
			}),
		);
		cleanups.push(forbidden.close);
		const notInfobip = await fixedServer(404, 'text/html', '<html><body>Not Found</body></html>');
		cleanups.push(notInfobip.close);

		const home = await N8nHome.create(print);
		cleanups.push(() => home.remove());
		await home.start();
		cleanups.push(() => home.stop());
		const cookie = await home.ownerCookie();
		print(`n8n ready on ${home.baseUrl} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

		const cases = credentialCases(sandbox, forbidden.url, notInfobip.url);
		const credentialIds = new Map<string, { id: string; name: string }>();
		for (const item of cases) {
			const name = `Infobip ${item.title}`;
			const created = await rest<{ id: string }>(home, cookie, '/credentials', {
				name,
				type: item.type,
				data: item.data,
			});
			credentialIds.set(item.id, { id: created.id, name });
		}
		const list = panels();
		const basicOk = credentialIds.get('basic-ok');
		const columns = 4;
		const workflow = await rest<{ id: string }>(home, cookie, '/workflows', {
			name: 'Infobip OMNI panels',
			nodes: list.map((panel, index) => ({
				id: `panel-${index}`,
				name: panel.name,
				type: panel.type,
				typeVersion: 1,
				position: [(index % columns) * 320, Math.floor(index / columns) * 240],
				parameters: panel.parameters,
				...(panel.credentialType === 'infobipOmniBasicAuthApi' && basicOk
					? { credentials: { infobipOmniBasicAuthApi: basicOk } }
					: {}),
			})),
			connections: {},
			settings: {},
		});

		const browser: Browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
		});
		cleanups.push(() => browser.close());
		const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
		const [cookieName, cookieValue] = cookie.split(/=(.*)/s, 2);
		await context.addCookies([
			{ name: cookieName, value: cookieValue, domain: '127.0.0.1', path: '/', httpOnly: true },
		]);
		const page = await context.newPage();
		page.setDefaultTimeout(20_000);
		page.on('dialog', (dialog) => void dialog.accept());

		// Credential dialogs: n8n tests an existing credential as its dialog opens.
		let loaded = false;
		for (const item of cases) {
			const credential = credentialIds.get(item.id);
			if (!credential) continue;
			await check(`credential ${item.id}: ${item.title}`, async () => {
				const path = `/home/credentials/${credential.id}`;
				if (loaded) await navigate(page, home.baseUrl, path);
				else await page.goto(`${home.baseUrl}${path}`);
				loaded = true;
				try {
					const verdict = await credentialVerdict(page);
					await page.screenshot({ path: join(OUT_DIR, `credential-${item.id}.png`) });
					if (item.expect === 'success') {
						expect(
							verdict === 'success',
							`expected "Connection tested successfully", got: ${verdict}`,
						);
						return 'tested successfully';
					}
					expect(verdict !== 'success', 'the test passed; expected it to fail');
					const missing = item.expect.filter((pattern) => !pattern.test(verdict));
					if (missing.length === 0) return verdict;
					if (item.n8nDecides?.test(verdict)) {
						return `n8n decides (known exception: n8n shows only its own TLS error): ${verdict}`;
					}
					throw new Error(`not actionable (needs ${missing.join(' and ')}): ${verdict}`);
				} finally {
					await closeDialog(page).catch(() => undefined);
				}
			});
		}

		// Panels: one workflow holds a node per panel.
		await navigate(page, home.baseUrl, `/workflow/${workflow.id}`);
		await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await page.waitForFunction(
			(count) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= count,
			list.length,
			{ timeout: 30_000 },
		);
		await page.waitForTimeout(1_500);
		await check(
			`canvas: no node shows an issue icon before input (${list.length} nodes)`,
			async () => {
				const found = await markers(page, '.vue-flow');
				const named = await page.evaluate(() =>
					[...document.querySelectorAll('[data-test-id="canvas-node"]')]
						.filter((node) => node.querySelector('[data-test-id="node-issues"]'))
						.map((node) => node.getAttribute('data-node-name')),
				);
				expect(found.length === 0, `${named.join(', ') || found.join('; ')}`);
				return '';
			},
		);
		for (const panel of list) {
			const label = `panel ${panel.id}`;
			let open = false;
			let atOpen: string[] = [];
			await check(`${label}: opens with no issue, lint or JSON error before input`, async () => {
				await openPanel(page, panel);
				open = true;
				if (panel.scrollTo) await scrollToLabel(page, panel.scrollTo);
				await page.screenshot({ path: join(OUT_DIR, `${panel.id}.png`) });
				const found = await markers(page, '[data-test-id="ndv"]');
				atOpen = found;
				expect(found.length === 0, found.join('; '));
				return '';
			});
			if (!open) {
				await closePanel(page).catch(() => undefined);
				continue;
			}
			if (panel === list[0]) {
				await check(
					'self-test: the clipped-label check sees a label made 200 characters long',
					async () => {
						const restore = await page.evaluate(() => {
							const span = document.querySelector(
								'[data-test-id="ndv"] [data-test-id="input-label"] label [class*="_title_"] > span',
							);
							if (!span) return undefined;
							const text = span.textContent ?? '';
							span.textContent = 'A very long label '.repeat(12).slice(0, 200);
							return text;
						});
						expect(restore !== undefined, 'no parameter label found in the panel');
						const clipped = await clippedLabels(page);
						await page.evaluate((text) => {
							const span = document.querySelector(
								'[data-test-id="ndv"] [data-test-id="input-label"] label [class*="_title_"] > span',
							);
							if (span) span.textContent = text;
						}, restore);
						expect(clipped.length > 0, 'the long label was not reported');
						return `reported ${clipped[0]}`;
					},
				);
			}
			await check(`${label}: no clipped label at the default panel width`, async () => {
				const clipped = await clippedLabels(page);
				atOpen.push(...clipped.map((c) => `clipped ${c}`));
				expect(clipped.length === 0, `clipped: ${clipped.join(', ')}`);
				return '';
			});
			if (panel.sameOptionsAs) {
				print(`     ${label}: options as in ${panel.sameOptionsAs}, not added again`);
				await closePanel(page).catch(() => undefined);
				continue;
			}
			// Only what the added options bring: the markers at opening are the check above.
			await check(`${label}: every option added at its default shows no new issue`, async () => {
				const added = await addAllOptions(page);
				await page.waitForTimeout(added ? 800 : 0);
				const found = [
					...(await markers(page, '[data-test-id="ndv"]')),
					...(await clippedLabels(page)).map((c) => `clipped ${c}`),
				].filter((marker) => !atOpen.includes(marker));
				expect(found.length === 0, `${added} options added; ${found.join('; ')}`);
				return `${added} options added`;
			});
			await closePanel(page).catch(() => undefined);
		}

		// The Messages API example as users import it: its canvas shows no issue before input.
		await check(
			`canvas of examples/${MESSAGES_EXAMPLE}: every node shown, none with an issue icon`,
			async () => {
				const example = JSON.parse(
					readFileSync(join(ROOT, 'examples', MESSAGES_EXAMPLE), 'utf8'),
				) as Json & { nodes: Json[] };
				const created = await rest<{ id: string }>(home, cookie, '/workflows', {
					name: example.name,
					// The sandbox credential in place of the example's "Infobip OMNI account".
					nodes: example.nodes.map((node) =>
						node.credentials && basicOk
							? { ...node, credentials: { infobipOmniBasicAuthApi: basicOk } }
							: node,
					),
					connections: example.connections,
					settings: example.settings,
				});
				await navigate(page, home.baseUrl, `/workflow/${created.id}`);
				await page.waitForFunction(
					(count) => document.querySelectorAll('[data-test-id="canvas-node"]').length === count,
					example.nodes.length,
					{ timeout: 30_000 },
				);
				await page.waitForTimeout(1_500);
				await page.screenshot({
					path: join(OUT_DIR, `example-${MESSAGES_EXAMPLE.replace(/\.json$/, '.png')}`),
				});
				const found = await markers(page, '.vue-flow');
				const named = await page.evaluate(() =>
					[...document.querySelectorAll('[data-test-id="canvas-node"]')]
						.filter((node) => node.querySelector('[data-test-id="node-issues"]'))
						.map((node) => node.getAttribute('data-node-name')),
				);
				expect(found.length === 0, `${named.join(', ') || found.join('; ')}`);
				return `${example.nodes.length} nodes`;
			},
		);
	} catch (error) {
		tally.failed++;
		print(
			`FAIL editor run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
		);
	} finally {
		clearTimeout(watchdog);
		await cleanup();
	}
	print(`editor took ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${OUT_DIR}`);
	if (process.argv.includes('--readme')) {
		for (const [from, to] of Object.entries(README_PANELS)) {
			const source = join(OUT_DIR, from);
			if (!existsSync(source)) {
				print(`     (no ${from}: docs/screenshots/${to} not updated)`);
				continue;
			}
			copyFileSync(source, join(ROOT, 'docs/screenshots', to));
			print(join(ROOT, 'docs/screenshots', to));
		}
	}
	print(`editor: ${tally.passed} passed, ${tally.failed} failed`);
	process.exit(tally.failed ? 1 : 0);
}

void main();
