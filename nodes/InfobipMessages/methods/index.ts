import type { INodeType } from 'n8n-workflow';

import { searchWhatsAppTemplates } from './templates';

/** listSearch and loadOptions of the Messages API node (the template picker lives here). */
export const methods: INodeType['methods'] = { listSearch: { searchWhatsAppTemplates } };
