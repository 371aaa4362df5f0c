// Answers every OMNI request with one scenario and every Messages API request with no results;
// logs method, URL and Authorization as JSON lines.
const http = require('node:http');
const fs = require('node:fs');

const [port, logFile] = process.argv.slice(2);
http
	.createServer((req, res) => {
		fs.appendFileSync(
			logFile,
			JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization }) + '\n',
		);
		res.writeHead(200, { 'content-type': 'application/json' });
		if (req.url.startsWith('/messages-api/')) return res.end('{"results":[]}');
		res.end(
			JSON.stringify({
				scenarios: [
					{
						key: '12CD1116DC7B451B2B7286412482CCC1',
						name: 'Seed',
						flow: [{ from: 'InfoSMS', channel: 'SMS' }],
						default: true,
					},
				],
			}),
		);
	})
	.listen(Number(port), '127.0.0.1');
