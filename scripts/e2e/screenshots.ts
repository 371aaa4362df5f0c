// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Screenshots of the example workflows in the n8n editor, for the README (not part of CI):
 *   bash scripts/e2e/screenshots.sh     # these, then the key panels (scripts/e2e/editor.ts)
 * Starts n8n 2.41.1 on 127.0.0.1 with a fresh user folder and the packed package as a community
 * package, sets up the owner, imports the examples, logs in (the n8n-auth cookie from
 * /rest/login), and drives Debian's Chromium (/usr/bin/chromium) with playwright-core: open each
 * workflow, wait for its nodes, capture the canvas at 1280×720 into docs/screenshots/<example>.png.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser } from 'playwright-core';

import { N8nHome, ROOT } from './n8n';

const print = (line = '') => process.stdout.write(`${line}\n`);

const WIDTH = 1280;
const HEIGHT = 720;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

async function main() {
	const outDir = join(ROOT, 'docs/screenshots');
	mkdirSync(outDir, { recursive: true });
	const home = await N8nHome.create(print);
	let browser: Browser | undefined;
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

		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'],
		});
		const context = await browser.newContext({
			viewport: { width: WIDTH, height: HEIGHT },
			deviceScaleFactor: 1,
		});
		const [name, value] = cookie.split(/=(.*)/s, 2);
		await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/', httpOnly: true }]);
		const page = await context.newPage();

		for (const file of examples) {
			const workflow = JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')) as {
				id: string;
				nodes: unknown[];
			};
			await page.goto(`${home.baseUrl}/workflow/${workflow.id}`);
			await page.waitForFunction(
				(count) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= count,
				workflow.nodes.length,
				{ timeout: 60_000 },
			);
			await page.waitForTimeout(2_000); // icons, edges, fit-view animation
			// Fit view fills the width: step back once if a node hides under the right-hand toolbar.
			const underToolbar = await page.evaluate(
				(width) =>
					[...document.querySelectorAll('[data-test-id="canvas-node"]')].some((node) => {
						const box = node.getBoundingClientRect();
						return box.right > width - 150 && box.top < 320;
					}),
				WIDTH,
			);
			if (underToolbar) {
				await page.locator('[data-test-id="zoom-out-button"]').click();
				await page.waitForTimeout(1_000);
			}
			const target = join(outDir, file.replace(/\.json$/, '.png'));
			await page.screenshot({ path: target });
			print(`${target}`);
		}
	} finally {
		await browser?.close();
		await home.stop();
		home.remove();
	}
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		print(`screenshots failed: ${error.stack ?? error.message}`);
		process.exit(1);
	},
);
