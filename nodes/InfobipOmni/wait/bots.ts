/**
 * Who opened a response link: a person, or a program that fetched it on its own (a chat app
 * building a link preview, a mail scanner, a crawler, an HTTP library). Only a person's request
 * may count as an answer: n8n's own Send and Wait had approvals given by link unfurlers, and
 * filters them with the `isbot` package plus a Microsoft preview check. A community node may not
 * depend on packages, so these are compact rules of our own.
 */

/**
 * Words in the user agents of programs that fetch links by themselves (case-insensitive):
 * crawlers and previewers by name, then mail link checkers, headless browsers and HTTP libraries
 * whose user agents have a space (single-token ones are caught before, whatever their name).
 * The LINE app is matched by its preview fetcher (`line-poker`, `LineSpider`), not by `Line/`:
 * `Line/13.x` ends the user agent of LINE's in-app browser, that is of a person tapping a link.
 */
const PROGRAM_WORDS = [
	'bot',
	'crawl',
	'spider',
	'slurp',
	'preview',
	'facebookexternalhit',
	'facebot',
	'whatsapp',
	'telegram',
	'slack',
	'discord',
	'skype',
	'teams',
	'viber',
	'linkedin',
	'embedly',
	'pinterest',
	'vkshare',
	'line-poker',
	'google-',
	'googleother',
	'google favicon',
	'headlesschrome',
	'phantomjs',
	'lighthouse',
	'ms-office',
	'msoffice',
	'microsoft office',
	'microsoft outlook',
	'microsoftpreview',
	'imageproxy',
	'mailproxy',
	'httpclient',
	'http-client',
	'python',
	'java/',
	'curl',
	'wget',
	'okhttp',
	'axios',
	'node-fetch',
	'undici',
	'libwww',
	'guzzle',
	'postman',
	'httpie',
	'scrapy',
];

const PROGRAM = new RegExp(
	PROGRAM_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'),
	'i',
);

/** Phone models whose names contain "bot" (`CUBOT P30`): people, not robots. */
const PERSON_WORDS = /cubot/gi;

function isProgram(userAgent: string): boolean {
	const text = userAgent.trim();
	// No user agent, or a single token (`curl/8.4`, `Go-http-client/1.1`, `node`): browsers
	// always send several (`Mozilla/5.0 (…) …`).
	if (!/\s/.test(text)) return true;
	return PROGRAM.test(text.replace(PERSON_WORDS, ''));
}

/**
 * True when the request comes from a program rather than a person: no user agent, a single-token
 * one, or one of a link previewer, crawler, mail link checker, headless browser or HTTP library.
 * In-app browsers (Messenger `FBAN/…`, Facebook `FB_IAB/FB4A`, Instagram, LINE) are people.
 * Several user-agent headers: a program if any of them is one.
 */
export function isBotOrPreview(userAgent: string | string[] | undefined): boolean {
	if (userAgent === undefined) return true;
	const agents = Array.isArray(userAgent) ? userAgent : [userAgent];
	if (agents.length === 0) return true;
	return agents.some((agent) => typeof agent !== 'string' || isProgram(agent));
}
