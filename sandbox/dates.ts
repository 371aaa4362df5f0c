/** Infobip's date-time format: `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (UTC, offset without colon). */

export function formatInfobipDate(epochMs: number): string {
	return new Date(epochMs).toISOString().replace('Z', '+0000');
}

const INFOBIP_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses `+0000`, `+00:00` and `Z` offsets; undefined when the text is not such a date-time. */
export function parseInfobipDate(text: string): number | undefined {
	if (!INFOBIP_DATE_TIME.test(text)) return undefined;
	const epochMs = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(epochMs) ? undefined : epochMs;
}

export const isInfobipDate = (text: string): boolean => parseInfobipDate(text) !== undefined;
