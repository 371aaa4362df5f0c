import { CHANNEL_BY_VALUE, type OmniChannel } from '../channels';
import { ParameterError } from './parameterError';
import { quote } from './values';

/** Refuses a channel value that is not an OMNI channel (e.g. set by an expression): the one check for it. */
export function checkChannel(value: string, field = 'Channel'): OmniChannel {
	const channel = CHANNEL_BY_VALUE.get(value);
	if (!channel) {
		throw new ParameterError(
			field,
			`${quote(value)} is not an OMNI channel`,
			`Use one of: ${[...CHANNEL_BY_VALUE.keys()].join(', ')}.`,
		);
	}
	return channel;
}
