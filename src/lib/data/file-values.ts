/**
 * How a value from a file or a link is told apart and described in a reason: whether it is an
 * object, what kind of JSON value it is, and the value itself cut to a length a person reads.
 */

/** A JSON object: not null, not a list. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a JSON value is, in words: for a reason that names what was found instead. */
export function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return 'a number';
	return `${typeof value === 'boolean' ? 'true or false' : typeof value}`;
}

/** A value as a reason or a notice quotes it: at most `max` characters, then "…". */
export function quoted(text: string, max = 60): string {
	const chars = [...text];
	return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
