import type { IDataObject } from 'n8n-workflow';

import { isObject } from './reports';

/**
 * Infobip OMNI has no API to register a webhook: each send names its own Notify URL (and the
 * account manager can set a default). So activation registers nothing remotely; the trigger
 * only records, in its static data, which URL n8n activated and when. `checkExists` asks that
 * record, `create` writes it, `delete` removes it. Nothing here can fail silently: there is no
 * remote call to fail.
 */
export const REGISTRATION_KEY = 'registration';

export interface Registration extends IDataObject {
	webhookUrl: string;
	activatedAt: string;
}

export function registrationFor(webhookUrl: string, now: number): Registration {
	return { webhookUrl, activatedAt: new Date(now).toISOString() };
}

/** Whether static data records this very URL as active. */
export function isRegistered(staticData: IDataObject, webhookUrl: string | undefined): boolean {
	const registration = staticData[REGISTRATION_KEY];
	return (
		webhookUrl !== undefined && isObject(registration) && registration.webhookUrl === webhookUrl
	);
}
