import { createHash, timingSafeEqual } from 'crypto';

/**
 * Infobip signs nothing it pushes and sends no credentials, so the trigger's one defence is a
 * shared secret that only the sender knows. Infobip cannot add headers to a Notify URL call, so
 * the query parameter is the way for Infobip; the header suits a proxy in front of n8n.
 */
export const SECRET_QUERY_PARAMETER = 'secret';
export const SECRET_HEADER = 'x-infobip-omni-secret';

/** Every secret the request presents: the header, then the query parameter. */
export function presentedSecrets(query: unknown, headers: unknown): string[] {
	const presented: string[] = [];
	const header = (headers as Record<string, unknown> | undefined)?.[SECRET_HEADER];
	if (typeof header === 'string') presented.push(header);
	const parameter = (query as Record<string, unknown> | undefined)?.[SECRET_QUERY_PARAMETER];
	if (typeof parameter === 'string') presented.push(parameter);
	return presented;
}

/**
 * Compares in constant time. Hashing both sides first gives buffers of equal length, so
 * neither the content nor the length of the secret leaks through timing.
 */
export function secretEquals(expected: string, presented: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(expected), digest(presented));
}

/** Whether the request may pass: no secret configured, or one presented secret matches. */
export function secretAccepted(expected: string, query: unknown, headers: unknown): boolean {
	if (expected === '') return true;
	let accepted = false;
	// Every candidate is compared (no early exit) so timing does not tell which one matched.
	for (const candidate of presentedSecrets(query, headers)) {
		if (secretEquals(expected, candidate)) accepted = true;
	}
	return accepted;
}
