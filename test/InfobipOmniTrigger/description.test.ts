// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CHANNEL_OPTIONS } from '../../nodes/InfobipOmni/channels';
import { DLR_CHANNELS } from '../../nodes/InfobipMessages/channels';
import { STATUS_GROUPS } from '../../nodes/InfobipOmniTrigger/filters';
import { InfobipOmniTrigger } from '../../nodes/InfobipOmniTrigger/InfobipOmniTrigger.node';
import { OMNI_EVENTS } from '../../nodes/InfobipOmniTrigger/reports';

const root = resolve(__dirname, '..', '..');
const nodeDir = join(root, 'nodes', 'InfobipOmniTrigger');
const trigger = new InfobipOmniTrigger();
const { description } = trigger;
const property = (name: string) =>
	description.properties.find((p) => p.name === name) as INodeProperties;
const values = (p: INodeProperties) => (p.options as INodePropertyOptions[]).map((o) => o.value);

describe('Infobip OMNI Trigger description', () => {
	it('follows n8n trigger conventions', () => {
		expect(description.name).toBe('infobipOmniTrigger');
		expect(description.displayName).toContain('Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.subtitle).toBeTruthy();
		// Infobip authenticates nothing it pushes: the trigger takes no credential.
		expect(description.credentials).toBeUndefined();
	});

	it('is one POST webhook that answers at once', () => {
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
		expect(Object.keys(trigger.webhookMethods.default).sort()).toEqual([
			'checkExists',
			'create',
			'delete',
		]);
	});

	it('reuses the package icons, light and dark', () => {
		const icon = description.icon as { light: string; dark: string };
		expect(icon).toEqual({
			light: 'file:../../icons/infobip.svg',
			dark: 'file:../../icons/infobip.dark.svg',
		});
		for (const file of [icon.light, icon.dark]) {
			expect(statSync(resolve(nodeDir, file.replace(/^file:/, ''))).isFile()).toBe(true);
		}
	});

	it('explains the Notify URL in short numbered steps', () => {
		const notice = property('notice');
		expect(notice.type).toBe('notice');
		// n8n's notice keeps only <a>, <ul> and <li>.
		expect(notice.displayName.replace(/<\/?(ul|li)>/g, '')).not.toMatch(/<[a-z]/);
		const steps = [...notice.displayName.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
		expect(steps.map((step) => step.slice(0, 3))).toEqual(['1. ', '2. ', '3. ', '4. ']);
		expect(steps[0]).toMatch(/Execute step/);
		expect(steps[1]).toMatch(/Test URL.*Options → Notify URL/);
		expect(steps[3]).toMatch(/Production URL.*publish/);
		for (const step of steps) expect(step.length).toBeLessThan(190);
	});

	it("fills n8n's trigger panel with what to do instead of n8n's default texts", () => {
		const { triggerPanel } = new InfobipOmniTrigger().description;
		expect(triggerPanel).toMatchObject({
			header: 'Wait for a report from Infobip OMNI',
			executionsHelp: {
				inactive: expect.stringContaining('1. Click Execute step on this node'),
				active: expect.stringContaining('Production URL'),
			},
			activationHint: expect.stringContaining('publish'),
		});
		expect(JSON.stringify(triggerPanel)).not.toMatch(/create an event/);
	});

	it('offers every event, status group and shared channel', () => {
		expect(values(property('events')).sort()).toEqual([...OMNI_EVENTS].sort());
		expect(property('events').default).toEqual(OMNI_EVENTS);
		expect(values(property('statusFilter'))).toEqual(['all', 'finalFailures', 'selected']);
		expect(values(property('statusGroups')).sort()).toEqual([...STATUS_GROUPS].sort());
		// OMNI's channels and the Messages API's (every channel its reports name), once each, by name.
		const channels = property('channels').options as INodePropertyOptions[];
		expect(new Set(channels.map((o) => o.value))).toEqual(
			new Set([...CHANNEL_OPTIONS.map((o) => o.value), ...DLR_CHANNELS]),
		);
		expect(channels).toHaveLength(new Set(channels.map((o) => o.value)).size);
		expect(new Set(channels.map((o) => o.name)).size).toBe(channels.length);
		const names = channels.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const omni of CHANNEL_OPTIONS) {
			expect(channels).toContainEqual({ name: omni.name, value: omni.value });
		}
		expect(channels).toContainEqual({ name: 'Messenger', value: 'MESSENGER' });
		expect(channels).toContainEqual({ name: 'LINE (Messages API)', value: 'LINE_ON' });
		expect(channels).toContainEqual({ name: 'Zalo', value: 'ZALO' });
	});

	it('keeps the secret in a password field', () => {
		expect(property('secret')).toMatchObject({ type: 'string', typeOptions: { password: true } });
	});

	it('promises no dedupe it cannot keep in n8n, and points to Remove Duplicates instead', () => {
		// n8n 2.41 drops the static data a webhook call writes when it starts an execution.
		expect(property('options')).toBeUndefined();
		const text = JSON.stringify(description.properties);
		expect(text).not.toMatch(/dedupeWindow|Dedupe Window/);
		expect(property('duplicatesNotice')).toMatchObject({ type: 'notice' });
		expect(property('duplicatesNotice').displayName).toMatch(
			/Remove Duplicates.*Remove Items Processed in Previous Executions.*\{\{ \$json\.dedupeKey \}\}/,
		);
	});

	it('has a codex file next to it', () => {
		const codex = JSON.parse(readFileSync(join(nodeDir, 'InfobipOmniTrigger.node.json'), 'utf8'));
		expect(codex.node).toBe(`n8n-nodes-infobip-omni.${description.name}`);
		expect(codex.categories).toEqual(['Communication']);
		expect(codex.alias).toEqual(
			expect.arrayContaining(['SMS', 'Delivery report', 'Webhook', 'Infobip']),
		);
	});
});
