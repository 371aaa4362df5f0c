/**
 * Infobip message statuses and errors used by the sandbox: one table, one place.
 * Short descriptions follow the wording of Infobip's own examples (seed, spec).
 */

export interface MessageStatus {
	groupId: number;
	groupName: string;
	id: number;
	name: string;
	description: string;
}

export interface MessageError {
	groupId: number;
	groupName: string;
	id: number;
	name: string;
	description: string;
	permanent: boolean;
}

/** The general status groups (`generalStatus` filter on logs). */
export const STATUS_GROUPS = [
	'ACCEPTED',
	'PENDING',
	'UNDELIVERABLE',
	'DELIVERED',
	'EXPIRED',
	'REJECTED',
] as const;
export type StatusGroupName = (typeof STATUS_GROUPS)[number];

const status = (
	groupId: number,
	groupName: StatusGroupName,
	id: number,
	name: string,
	description: string,
): MessageStatus => ({ groupId, groupName, id, name, description });

export const STATUSES = {
	/** Send response status, exactly as in the seed (group 0 is not documented elsewhere). */
	MESSAGE_ACCEPTED: status(0, 'ACCEPTED', 0, 'MESSAGE_ACCEPTED', 'Message accepted'),
	PENDING_ENROUTE: status(1, 'PENDING', 7, 'PENDING_ENROUTE', 'Message sent to next instance'),
	UNDELIVERABLE_NOT_DELIVERED: status(
		2,
		'UNDELIVERABLE',
		9,
		'UNDELIVERABLE_NOT_DELIVERED',
		'Message sent not delivered',
	),
	UNDELIVERABLE_NOT_SENT: status(
		2,
		'UNDELIVERABLE',
		31,
		'UNDELIVERABLE_NOT_SENT',
		'Message not sent',
	),
	DELIVERED_TO_HANDSET: status(
		3,
		'DELIVERED',
		5,
		'DELIVERED_TO_HANDSET',
		'Message delivered to handset',
	),
	EXPIRED_EXPIRED: status(4, 'EXPIRED', 15, 'EXPIRED_EXPIRED', 'Message expired'),
	REJECTED_NETWORK: status(5, 'REJECTED', 6, 'REJECTED_NETWORK', 'Network is forbidden'),
	REJECTED_DUPLICATE_MESSAGE_ID: status(
		5,
		'REJECTED',
		23,
		'REJECTED_DUPLICATE_MESSAGE_ID',
		'Duplicate message ID',
	),
	MISSING_TO: status(5, 'REJECTED', 51, 'MISSING_TO', 'Destination address is missing'),
	REJECTED_DESTINATION: status(
		5,
		'REJECTED',
		52,
		'REJECTED_DESTINATION',
		'Invalid destination address',
	),
} as const satisfies Record<string, MessageStatus>;
export type StatusName = keyof typeof STATUSES;

const error = (
	groupId: number,
	groupName: string,
	id: number,
	name: string,
	description: string,
	permanent: boolean,
): MessageError => ({ groupId, groupName, id, name, description, permanent });

export const ERRORS = {
	NO_ERROR: error(0, 'OK', 0, 'NO_ERROR', 'No Error', false),
	/** Exactly the seed's failed FACEBOOK step. */
	EC_ABSENT_SUBSCRIBER_SM: error(
		1,
		'HANDSET_ERRORS',
		6,
		'EC_ABSENT_SUBSCRIBER_SM',
		'Absent Subscriber',
		false,
	),
	EC_UNKNOWN_SUBSCRIBER: error(
		1,
		'HANDSET_ERRORS',
		1,
		'EC_UNKNOWN_SUBSCRIBER',
		'Unknown Subscriber',
		true,
	),
	EC_MESSAGE_EXPIRED: error(
		3,
		'OPERATOR_ERRORS',
		811,
		'EC_MESSAGE_EXPIRED',
		'Message expired before it reached handset',
		true,
	),
} as const satisfies Record<string, MessageError>;
export type ErrorName = keyof typeof ERRORS;

/** Copies so that callers can never mutate the shared tables. */
export const statusOf = (name: StatusName): MessageStatus => ({ ...STATUSES[name] });
export const errorOf = (name: ErrorName): MessageError => ({ ...ERRORS[name] });
