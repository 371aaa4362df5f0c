/**
 * Pushes as Infobip sends them (reference §3.12). The seed's body is kept as text, byte for
 * byte, so the first test sends exactly what the seed shows.
 */

/** The seed's delivery-report body (seed §3, "Get delivery reports"), verbatim. */
export const SEED_REPORTS_TEXT = `{
  "results": [
    {
      "messageId": "1215f543ab19-345f-adbd-12ad31451ed25f35",
      "to": "41793026731",
      "messageCount": 1,
      "sentAt": "2016-02-23T17:41:11.833+0100",
      "doneAt": "2016-02-23T17:41:11.843+0100",
      "mccMnc": "22801",
      "price": {
        "pricePerMessage": 0.0104,
        "currency": "EUR"
      },
      "status": {
        "groupId": 2,
        "groupName": "UNDELIVERABLE",
        "id": 9,
        "name": "UNDELIVERABLE_NOT_DELIVERED",
        "description": "Message sent not delivered"
      },
      "error": {
        "groupId": 1,
        "groupName": "HANDSET_ERRORS",
        "id": 6,
        "name": "EC_ABSENT_SUBSCRIBER_SM",
        "description": "Absent Subscriber",
        "permanent": false
      },
      "channel": "FACEBOOK"
    },
    {
      "messageId": "2315d543441c-335f-1d3d-142d31451ed25f35",
      "to": "41793026731",
      "sentAt": "2016-06-23T17:40:31.773+0100",
      "doneAt": "2016-06-23T17:40:31.787+0100",
      "messageCount": 1,
      "mccMnc": "22801",
      "price": {
        "pricePerMessage": 0.01,
        "currency": "EUR"
      },
      "status": {
        "groupId": 3,
        "groupName": "DELIVERED",
        "id": 5,
        "name": "DELIVERED_TO_HANDSET",
        "description": "Message delivered to handset"
      },
      "error": {
        "groupId": 0,
        "groupName": "OK",
        "id": 0,
        "name": "NO_ERROR",
        "description": "No Error",
        "permanent": false
      },
      "channel": "SMS"
    }
  ]
}`;

export const SEED_REPORTS = JSON.parse(SEED_REPORTS_TEXT) as {
	results: Array<Record<string, unknown>>;
};

/** What the trigger emits for the seed's two reports. */
export const SEED_ITEMS = [
	{
		event: 'deliveryReport',
		messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
		to: '41793026731',
		channel: 'FACEBOOK',
		status: 'UNDELIVERABLE_NOT_DELIVERED',
		statusId: 9,
		statusGroup: 'UNDELIVERABLE',
		statusGroupId: 2,
		statusDescription: 'Message sent not delivered',
		error: {
			id: 6,
			name: 'EC_ABSENT_SUBSCRIBER_SM',
			description: 'Absent Subscriber',
			groupId: 1,
			groupName: 'HANDSET_ERRORS',
			permanent: false,
		},
		price: { pricePerMessage: 0.0104, currency: 'EUR' },
		sentAt: '2016-02-23T16:41:11.833Z',
		doneAt: '2016-02-23T16:41:11.843Z',
		messageCount: 1,
		mccMnc: '22801',
		dedupeKey:
			'deliveryReport|1215f543ab19-345f-adbd-12ad31451ed25f35|FACEBOOK|UNDELIVERABLE/UNDELIVERABLE_NOT_DELIVERED',
		raw: SEED_REPORTS.results[0],
	},
	{
		event: 'deliveryReport',
		messageId: '2315d543441c-335f-1d3d-142d31451ed25f35',
		to: '41793026731',
		channel: 'SMS',
		status: 'DELIVERED_TO_HANDSET',
		statusId: 5,
		statusGroup: 'DELIVERED',
		statusGroupId: 3,
		statusDescription: 'Message delivered to handset',
		error: {
			id: 0,
			name: 'NO_ERROR',
			description: 'No Error',
			groupId: 0,
			groupName: 'OK',
			permanent: false,
		},
		price: { pricePerMessage: 0.01, currency: 'EUR' },
		sentAt: '2016-06-23T16:40:31.773Z',
		doneAt: '2016-06-23T16:40:31.787Z',
		messageCount: 1,
		mccMnc: '22801',
		dedupeKey:
			'deliveryReport|2315d543441c-335f-1d3d-142d31451ed25f35|SMS|DELIVERED/DELIVERED_TO_HANDSET',
		raw: SEED_REPORTS.results[1],
	},
];

/** The seed's first report as an XML push (`notifyContentType: application/xml`). */
export const SEED_FIRST_REPORT_XML = `<?xml version="1.0" encoding="UTF-8"?>
<omniReportsResponse>
  <results>
    <result>
      <bulkId>bulk-7</bulkId>
      <messageId>1215f543ab19-345f-adbd-12ad31451ed25f35</messageId>
      <to>41793026731</to>
      <sentAt>2016-02-23T17:41:11.833+0100</sentAt>
      <doneAt>2016-02-23T17:41:11.843+0100</doneAt>
      <messageCount>1</messageCount>
      <mccMnc>22801</mccMnc>
      <price>
        <pricePerMessage>0.0104</pricePerMessage>
        <currency>EUR</currency>
      </price>
      <status>
        <groupId>2</groupId>
        <groupName>UNDELIVERABLE</groupName>
        <id>9</id>
        <name>UNDELIVERABLE_NOT_DELIVERED</name>
        <description>Message sent not delivered</description>
      </status>
      <error>
        <groupId>1</groupId>
        <groupName>HANDSET_ERRORS</groupName>
        <id>6</id>
        <name>EC_ABSENT_SUBSCRIBER_SM</name>
        <description>Absent Subscriber</description>
        <permanent>false</permanent>
      </error>
      <channel>FACEBOOK</channel>
      <callbackData>{"orderId":42}</callbackData>
    </result>
  </results>
</omniReportsResponse>`;

/** A seen report (the spec's shape: `sendAt`, not `sentAt`). */
export const SEEN_REPORTS = {
	results: [
		{
			messageId: '1215f543ab19-345f-adbd-12ad31451ed25f35',
			from: '385919998888',
			to: '41793026731',
			sendAt: '2023-04-05T11:21:57.793+0000',
			seenAt: '2023-04-05T11:22:10.251+0000',
		},
	],
};

/** An inbound WhatsApp text (the spec's shape: `integrationType`, `receivedAt`, `message`). */
export const INBOUND_MESSAGES = {
	results: [
		{
			from: '385919998888',
			to: '41793026731',
			integrationType: 'WHATSAPP',
			receivedAt: '2019-07-19T11:23:26.998+0000',
			messageId: 'ABEGOFl3VCQoAhBalbc6rTQT6mgS29EmGZ7a',
			pairedMessageId: null,
			callbackData: null,
			message: { type: 'TEXT', text: 'Support hello' },
			contact: { name: 'Frank' },
			price: { pricePerMessage: 0, currency: 'EUR' },
		},
	],
	messageCount: 1,
	pendingMessageCount: 0,
};

/** A delivery report with every group/channel choice set by the caller. */
export function deliveryReport(options: {
	messageId: string;
	group: string;
	name?: string;
	channel?: string;
	callbackData?: string;
}) {
	const groupIds: Record<string, number> = {
		PENDING: 1,
		UNDELIVERABLE: 2,
		DELIVERED: 3,
		EXPIRED: 4,
		REJECTED: 5,
	};
	return {
		bulkId: 'bulk-1',
		messageId: options.messageId,
		to: '41793026731',
		sentAt: '2023-04-06T15:22:37.413+0000',
		doneAt: '2023-04-06T15:22:37.437+0000',
		messageCount: 1,
		status: {
			groupId: groupIds[options.group] ?? 0,
			groupName: options.group,
			id: 1,
			name: options.name ?? `${options.group}_STATUS`,
			description: options.group,
		},
		channel: options.channel ?? 'SMS',
		...(options.callbackData === undefined ? {} : { callbackData: options.callbackData }),
	};
}
