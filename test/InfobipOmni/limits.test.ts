/**
 * n8n's linter wants literal defaults in node descriptions: these tests keep the literals of the
 * send options equal to nodes/InfobipOmni/limits.ts, the one place the limits are decided.
 */
import type { INodeProperties } from 'n8n-workflow';

import { InfobipOmni } from '../../nodes/InfobipOmni/InfobipOmni.node';
import { LIMITS } from '../../nodes/InfobipOmni/limits';

const sendSettings = new InfobipOmni().description.properties.filter(
	(property) =>
		property.name === 'requestSettings' &&
		property.displayOptions?.show?.resource?.includes('message') === true,
);

const option = (collection: INodeProperties, name: string) =>
	(collection.options as INodeProperties[]).find((entry) => entry.name === name);

describe('send Request Settings follow LIMITS', () => {
	it('every send operation has its Request Settings collection', () => {
		expect(sendSettings.map((property) => property.displayOptions?.show?.operation)).toEqual([
			['sendText'],
			['sendRichMedia'],
			['sendAdvanced'],
			['sendAndWaitForDelivery'],
		]);
	});

	it.each([
		['batchSize', LIMITS.batchSize],
		['requestsInFlight', LIMITS.requestsInFlight],
	])('%s: default and maximum', (name, limit) => {
		for (const collection of sendSettings) {
			const entry = option(collection, name);
			expect(entry?.default).toBe(limit.default);
			expect(entry?.typeOptions?.maxValue).toBe(limit.max);
			expect(entry?.description).toContain(`1 to ${limit.max}`);
		}
	});
});
