import {
	presentedSecrets,
	secretAccepted,
	secretEquals,
} from '../../nodes/InfobipOmniTrigger/secret';

describe('secret', () => {
	it.each<[string, unknown, unknown, string[]]>([
		['nothing', {}, {}, []],
		['the query parameter', { secret: 's' }, {}, ['s']],
		['the header (n8n lower-cases header names)', {}, { 'x-infobip-omni-secret': 'h' }, ['h']],
		['both, header first', { secret: 's' }, { 'x-infobip-omni-secret': 'h' }, ['h', 's']],
		['a repeated query parameter: none', { secret: ['a', 'b'] }, {}, []],
		['an empty value', { secret: '' }, {}, ['']],
		['no query object', undefined, undefined, []],
	])('presents %s', (_what, query, headers, expected) => {
		expect(presentedSecrets(query, headers)).toEqual(expected);
	});

	it.each([
		['s3cret', 's3cret', true],
		['s3cret', 's3cre', false],
		['s3cret', 's3cret ', false],
		['s3cret', 'S3CRET', false],
		['ünïcode', 'ünïcode', true],
	])('secretEquals(%j, %j) = %s', (expected, presented, result) => {
		expect(secretEquals(expected, presented)).toBe(result);
	});

	it.each<[string, string, unknown, unknown, boolean]>([
		['no secret configured', '', {}, {}, true],
		['the right query parameter', 'k', { secret: 'k' }, {}, true],
		['the right header', 'k', {}, { 'x-infobip-omni-secret': 'k' }, true],
		[
			'a wrong header, the right query',
			'k',
			{ secret: 'k' },
			{ 'x-infobip-omni-secret': 'x' },
			true,
		],
		['nothing presented', 'k', {}, {}, false],
		['wrong values', 'k', { secret: 'x' }, { 'x-infobip-omni-secret': 'y' }, false],
	])('%s → %s', (_what, expected, query, headers, result) => {
		expect(secretAccepted(expected, query, headers)).toBe(result);
	});
});
