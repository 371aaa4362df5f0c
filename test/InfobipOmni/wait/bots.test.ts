/**
 * isBotOrPreview: a GET of a response link by a program (link preview, crawler, mail link checker,
 * HTTP library) must never count as a person's answer; a person's browser, in-app ones included,
 * must.
 */
import { isBotOrPreview } from '../../../nodes/InfobipOmni/wait/bots';

const PROGRAMS: Array<[string, string]> = [
	['no user agent at all', ''],
	['only spaces', '   '],
	["Node's fetch default", 'node'],
	['undici', 'undici'],
	['axios', 'axios/1.6.7'],
	['curl', 'curl/8.4.0'],
	['python-requests', 'python-requests/2.31.0'],
	["Go's net/http", 'Go-http-client/1.1'],
	["Java's HttpURLConnection", 'Java/17.0.9'],
	['OkHttp', 'okhttp/4.9.3'],
	['Wget', 'Wget/1.21.4'],
	['a bare Mozilla token', 'Mozilla/5.0'],
	['Apache HttpClient (has a space)', 'Apache-HttpClient/4.5.14 (Java/17.0.9)'],
	['Python urllib with a suffix', 'Python/3.11 aiohttp/3.9.1'],
	['Postman', 'PostmanRuntime/7.36.0 (Postman)'],
	[
		'Facebook / Messenger link preview',
		'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
	],
	['Facebook crawler, short name', 'Facebot (compatible; +http://www.facebook.com)'],
	[
		"iMessage's link preview",
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
	],
	[
		"iMessage's preview, iPhone variant",
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
	],
	['WhatsApp link preview (Android)', 'WhatsApp/2.23.20.0 A'],
	['WhatsApp link preview (iOS)', 'WhatsApp/2.23.24.76 i'],
	['Telegram link preview', 'TelegramBot (like TwitterBot)'],
	['Slack unfurl', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
	['Slack image proxy', 'Slack-ImgProxy (+https://api.slack.com/robots)'],
	['Discord embed', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
	[
		'Skype / Teams link preview',
		'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com',
	],
	[
		'Teams desktop client fetching',
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Teams/1.6.00.4472 Chrome/98.0.4758.141 Electron/17.4.0 Safari/537.36',
	],
	['Viber link preview', 'Mozilla/5.0 (compatible; Viber/20.6.0; +https://www.viber.com)'],
	[
		'LinkedIn preview',
		'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
	],
	['Twitter / X card', 'Twitterbot/1.0'],
	['Embedly', 'Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)'],
	['Pinterest', 'Pinterest/0.2 (+https://www.pinterest.com/bot.html)'],
	['VK share', 'Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)'],
	['Reddit', 'Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)'],
	[
		'Applebot',
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
	],
	[
		'Googlebot smartphone',
		'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.129 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
	],
	['Bing', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
	[
		'Bing preview',
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b',
	],
	['Yahoo', 'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)'],
	['Baidu', 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'],
	['a crawler by name', 'Mozilla/5.0 (compatible; SemrushCrawler/1.0)'],
	[
		'Google page renderer',
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/49.0.2623.75 Safari/537.36 Google-PageRenderer Google (+https://developers.google.com/+/web/snippet/)',
	],
	[
		'GoogleOther',
		'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 (compatible; GoogleOther)',
	],
	[
		'Gmail image proxy',
		'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
	],
	[
		'Headless Chrome (Puppeteer)',
		'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36',
	],
	[
		'PhantomJS',
		'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1',
	],
	[
		'Lighthouse',
		'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
	],
	["Outlook's link check", 'Mozilla/4.0 (compatible; ms-office; MSOffice 16)'],
	[
		'Outlook desktop fetching a link',
		'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17029; Pro)',
	],
	['Yahoo Mail proxy', 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html'],
	['Microsoft preview service', 'MicrosoftPreview/2.0 +https://aka.ms/MicrosoftPreview'],
	['LINE link preview', 'facebookexternalhit/1.1;line-poker/1.0'],
	['LINE crawler', 'Mozilla/5.0 (compatible; LineSpider/1.0)'],
	['LINE fetcher with no browser around it', 'Line/13.21.0'],
];

const PEOPLE: Array<[string, string]> = [
	[
		'Chrome on Windows',
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
	],
	[
		'Chrome on macOS',
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
	],
	[
		'Firefox on Windows',
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
	],
	[
		'Firefox on Linux',
		'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
	],
	[
		'Safari on macOS',
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
	],
	[
		'Safari on iPhone',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
	],
	[
		'Chrome on iPhone',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1',
	],
	[
		'Edge on Windows',
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
	],
	[
		'Chrome on Android',
		'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
	],
	[
		'Samsung Internet',
		'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
	],
	[
		'Android WebView of an app',
		'Mozilla/5.0 (Linux; Android 13; Pixel 7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36',
	],
	[
		'Messenger in-app browser on iPhone (a person tapping)',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/440.0.0.32.108;FBBV/550404236;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/17.1.2;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/5;FBRV/552208830]',
	],
	[
		'Facebook in-app browser on Android (a person tapping)',
		'Mozilla/5.0 (Linux; Android 13; SM-S911B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/442.0.0.33.113;]',
	],
	[
		'Messenger in-app browser on Android (a person tapping)',
		'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UD1A.231105.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.43 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/439.0.0.29.119;]',
	],
	[
		'Instagram in-app browser (a person tapping)',
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 300.0.0.13.110 (iPhone14,5; iOS 17_1; en_US; en-US; scale=3.00; 1170x2532; 516167812)',
	],
	[
		"LINE's in-app browser (a person tapping a link in LINE)",
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.21.0',
	],
	[
		'an Android phone whose model name contains "bot"',
		'Mozilla/5.0 (Linux; Android 9; CUBOT P30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
	],
	[
		'Opera on Windows',
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0',
	],
	[
		'Safari on iPad',
		'Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1',
	],
];

describe('isBotOrPreview', () => {
	it('has enough cases to mean something', () => {
		expect(PROGRAMS.length + PEOPLE.length).toBeGreaterThanOrEqual(40);
	});

	it.each(PROGRAMS)('a program: %s', (_what, userAgent) => {
		expect(isBotOrPreview(userAgent)).toBe(true);
	});

	it.each(PEOPLE)('a person: %s', (_what, userAgent) => {
		expect(isBotOrPreview(userAgent)).toBe(false);
	});

	it.each(PROGRAMS)('case does not matter: %s', (_what, userAgent) => {
		expect(isBotOrPreview(userAgent.toUpperCase())).toBe(true);
		expect(isBotOrPreview(userAgent.toLowerCase())).toBe(true);
	});

	it('no header at all is a program', () => {
		expect(isBotOrPreview(undefined)).toBe(true);
		expect(isBotOrPreview([])).toBe(true);
	});

	it('several headers: a program when any of them is one', () => {
		const [, chrome] = PEOPLE[0];
		const [, preview] = PROGRAMS.find(([what]) => what.startsWith('Facebook / Messenger'))!;
		expect(isBotOrPreview([chrome])).toBe(false);
		expect(isBotOrPreview([chrome, chrome])).toBe(false);
		expect(isBotOrPreview([chrome, preview])).toBe(true);
		expect(isBotOrPreview([preview, chrome])).toBe(true);
		expect(isBotOrPreview([chrome, ''])).toBe(true);
	});

	it('surrounding spaces do not turn a program into a person', () => {
		expect(isBotOrPreview('  curl/8.4.0  ')).toBe(true);
		expect(isBotOrPreview('\tnode\n')).toBe(true);
	});
});
