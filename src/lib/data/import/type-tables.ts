/**
 * How other datasets' event types become ours. Documented in docs/data-format.md; anything not
 * listed becomes `other`, keeping the source's own words in `sourceType`.
 */
import type { EventType } from '../schema';

/** ACLED "event type / sub-event type" → our type. */
const ACLED_TYPES: Record<string, EventType> = {
	'Protests / Peaceful protest': 'rally',
	'Protests / Protest with intervention': 'rally',
	'Protests / Excessive force against protesters': 'repression',
	'Protests / Excessive force against protestors': 'repression',
	'Strategic developments / Arrests': 'repression',
	'Strategic developments / Other': 'statement',
	'Strategic developments / Agreement': 'statement',
	'Violence against civilians / Attack': 'death'
};

/** Only an attack that killed someone is a death; any other attack is `other`. */
export function acledType(eventType: string, subEventType: string, fatalities: number): EventType {
	const key = `${eventType.trim()} / ${subEventType.trim()}`;
	const found = Object.entries(ACLED_TYPES).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
	if (found === 'death' && !(fatalities > 0)) return 'other';
	return found ?? 'other';
}

/** CCC `type` words → our type; the first rule whose words appear wins. */
const CCC_TYPES: readonly (readonly [RegExp, EventType])[] = [
	[/human chain/i, 'human-chain'],
	[/\b(?:strike|walkout|walk-out|sick-out)\b/i, 'strike'],
	[/\bvigil\b/i, 'vigil'],
	[/\b(?:funeral|memorial)\b/i, 'funeral'],
	[/\b(?:rally|march|demonstration|protest|picket|sit-in|motorcade|caravan|parade|occupation)\b/i, 'rally']
];

function cccType(words: string): EventType {
	return CCC_TYPES.find(([pattern]) => pattern.test(words))?.[1] ?? 'other';
}

/** Our type from a loosely named GeoJSON property: one of ours, else the CCC words, else other. */
export function looseType(words: string, ours: readonly string[]): EventType {
	const key = words.trim().toLowerCase().replace(/\s+/g, '-');
	if (ours.includes(key)) return key as EventType;
	return cccType(words);
}
