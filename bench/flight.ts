// Dev-only (never shipped, never scanned): n8n Cloud's runtime rules do not apply here.
/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/** What both benchmarks share: the sandbox's latency and the server-side count of requests. */
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Every request to the sandbox waits this long before its answer. */
export const LATENCY_MS = 20;

/**
 * Requests to /omni/ and /messages-api/ paths in flight, counted on the server side through Node's HTTP
 * diagnostics channels: started (all), current and max (at once) since the last reset.
 */
export const flight = {
	current: 0,
	max: 0,
	started: 0,
	reset() {
		flight.current = 0;
		flight.max = 0;
		flight.started = 0;
	},
};

const counted = new WeakSet<ServerResponse>();
diagnostics.subscribe('http.server.request.start', (message) => {
	const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
	if (!/^\/(omni|messages-api)\//.test(request.url ?? '')) return;
	counted.add(response);
	flight.started++;
	flight.current++;
	flight.max = Math.max(flight.max, flight.current);
});
diagnostics.subscribe('http.server.response.finish', (message) => {
	const { response } = message as { response: ServerResponse };
	if (!counted.has(response)) return;
	counted.delete(response);
	flight.current--;
});
