import type { IDataObject } from 'n8n-workflow';

import { OMNI_EVENTS, type OmniEvent } from './reports';

/** Infobip's general status groups (https://www.infobip.com/docs/developer-resources/api-fundamentals/message-status-codes), in Infobip's group id order. */
export const STATUS_GROUPS = ['PENDING', 'UNDELIVERABLE', 'DELIVERED', 'EXPIRED', 'REJECTED'];

/** The groups after which Infobip will not deliver the message any more. */
export const FINAL_FAILURE_GROUPS = ['UNDELIVERABLE', 'EXPIRED', 'REJECTED'];

/** The "Delivery Statuses" choice: every report, final failures only, or chosen groups. */
export type StatusFilterMode = 'all' | 'finalFailures' | 'selected';

/** What passes, as read from the node's parameters. `undefined` lets everything through. */
export interface ReportFilters {
	events?: OmniEvent[];
	statusGroups?: string[];
	channels?: string[];
}

const upper = (values: string[]) => values.map((value) => value.trim().toUpperCase());

/** Builds the filters; an empty multi-select means "all", as its hint says. */
export function buildFilters(options: {
	events: string[];
	statusFilter: StatusFilterMode;
	statusGroups: string[];
	channels: string[];
}): ReportFilters {
	const events = options.events.filter((event): event is OmniEvent =>
		(OMNI_EVENTS as string[]).includes(event),
	);
	let statusGroups: string[] | undefined;
	if (options.statusFilter === 'finalFailures') statusGroups = FINAL_FAILURE_GROUPS;
	if (options.statusFilter === 'selected' && options.statusGroups.length) {
		statusGroups = upper(options.statusGroups);
	}
	return {
		events: events.length ? events : undefined,
		statusGroups,
		channels: options.channels.length ? upper(options.channels) : undefined,
	};
}

/**
 * Whether a normalised item passes. Status groups apply to delivery reports only (seen reports
 * and inbound messages have no status). A result that names no channel, such as a seen report,
 * cannot match a channel filter, so it is dropped while one is set.
 */
export function passesFilters(item: IDataObject, filters: ReportFilters): boolean {
	const event = item.event as OmniEvent;
	if (filters.events && !filters.events.includes(event)) return false;
	if (filters.statusGroups && event === 'deliveryReport') {
		const group = typeof item.statusGroup === 'string' ? item.statusGroup.toUpperCase() : '';
		if (!filters.statusGroups.includes(group)) return false;
	}
	if (filters.channels) {
		const channel = typeof item.channel === 'string' ? item.channel.toUpperCase() : '';
		if (!filters.channels.includes(channel)) return false;
	}
	return true;
}
