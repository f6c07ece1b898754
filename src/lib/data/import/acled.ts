/** ACLED export CSV rows → drafts. Older exports without disorder_type, civilian_targeting and tags are read too. */
import { EVENT_TYPE_IDS, type EventType } from '../schema';
import { readCrowdWords } from './crowd-words';
import { isSensitive } from './geojson';
import { acledSpan, readDate } from './dates';
import {
	checkRange,
	readCoordinates,
	readCount,
	readDateField,
	type LocationDraft,
	type RowContext,
	type RowDraft
} from './importer';
import { acledType } from './type-tables';

export const ACLED_COLUMNS = [
	'event_id_cnty',
	'event_date',
	'year',
	'time_precision',
	'disorder_type',
	'event_type',
	'sub_event_type',
	'actor1',
	'assoc_actor_1',
	'inter1',
	'actor2',
	'assoc_actor_2',
	'inter2',
	'interaction',
	'civilian_targeting',
	'iso',
	'region',
	'country',
	'admin1',
	'admin2',
	'admin3',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_scale',
	'notes',
	'fatalities',
	'tags',
	'timestamp'
] as const;
/** ACLED's columns of numbers: a plain number there is written as it is, a negative one included. */
export const ACLED_NUMERIC: ReadonlySet<string> = new Set([
	'year',
	'time_precision',
	'inter1',
	'inter2',
	'interaction',
	'iso',
	'latitude',
	'longitude',
	'geo_precision',
	'fatalities',
	'timestamp'
]);
/** Columns an ACLED file must have; the rest came later or are not needed. */
export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'location'] as const;

/** A `name=value` entry of ACLED's semicolon-separated tags. */
function tag(tags: string, name: string): string | undefined {
	for (const entry of tags.split(';')) {
		const at = entry.indexOf('=');
		// Our export writes a semicolon inside a value as %3B.
		if (at > 0 && entry.slice(0, at).trim().toLowerCase() === name)
			return entry
				.slice(at + 1)
				.trim()
				.replace(/%3B/gi, ';')
				.replace(/%25/g, '%');
	}
	return undefined;
}

/** A span written by our own export (`atlas days=2020-08-11/2020-08-13`), which ACLED's precision codes cannot hold. */
function atlasDays(tags: string): { from: string; to: string } | undefined {
	const m = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(tag(tags, 'atlas days') ?? '');
	if (!m) return undefined;
	const [from, to] = [readDate(m[1]!), readDate(m[2]!)];
	return 'date' in from && 'date' in to && from.date <= to.date ? { from: from.date, to: to.date } : undefined;
}

/** ACLED's geo_precision: 1 the town itself, 2 near it, 3 only the region. */
export const ACLED_GEO_PRECISION: Record<string, { kind: LocationDraft['kind']; radiusM?: number; words: string }> = {
	'1': { kind: 'city', words: 'the town named' },
	'2': { kind: 'place', radiusM: 25_000, words: 'near the town named' },
	'3': { kind: 'region', radiusM: 100_000, words: 'somewhere in the region' }
};

const split = (text: string) =>
	text
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);

export function readAcledRow(row: Record<string, string>, ctx: RowContext): RowDraft | undefined {
	const get = (key: string) => (row[key] ?? '').trim();
	const idText = get('event_id_cnty');
	if (!idText) ctx.reject('event_id_cnty', 'expected an event id, got nothing');
	const date = readDateField(get('event_date'), 'event_date', ctx);
	const span = date ? (atlasDays(get('tags')) ?? acledSpan(date, get('time_precision'))) : undefined;
	if (span && 'error' in span) ctx.reject('time_precision', span.error);
	const coordinates = readCoordinates(get('latitude'), get('longitude'), ctx);
	const geo = ACLED_GEO_PRECISION[get('geo_precision') || '1'];
	if (!geo) ctx.reject('geo_precision', `expected 1, 2 or 3, got "${get('geo_precision')}"`);
	const fatalities = readCount(get('fatalities'), 'fatalities', ctx);
	const name = get('location') || get('admin1');
	if (!name) ctx.reject('location', 'expected a location name, got nothing');
	const eventType = get('event_type');
	const subEventType = get('sub_event_type');
	if (!eventType) ctx.reject('event_type', 'expected an event type, got nothing');
	if (!span || 'error' in span || coordinates === null || !geo || !idText || !name || !eventType) return undefined;

	const tags = get('tags');
	const crowdWords = tag(tags, 'crowd size');
	const reading = crowdWords === undefined ? undefined : readCrowdWords(crowdWords);
	if (reading?.kind === 'contradiction') return void ctx.reject('tags', reading.reason);
	if (reading?.kind === 'unread')
		ctx.warn('tags', `crowd size "${crowdWords}" is not a size we can read; kept as words`);
	const crowd = { ...reading?.crowd };
	// Our own export keeps the source's words and convention beside ACLED's size.
	const words = tag(tags, 'crowd words');
	if (words) crowd.text = words;
	const convention = tag(tags, 'crowd convention');
	if (convention === 'ccc' || convention === 'atlas') crowd.convention = convention;
	if (!checkRange(crowd, ctx, ['tags', 'tags'])) return undefined;
	const tagged = tag(tags, 'atlas type')?.toLowerCase();
	const type: EventType =
		tagged && (EVENT_TYPE_IDS as string[]).includes(tagged)
			? (tagged as EventType)
			: acledType(eventType, subEventType, fatalities ?? 0);
	const notes = get('notes');
	const actors = [
		...split(get('actor1')),
		...split(get('assoc_actor_1')),
		...split(get('actor2')),
		...split(get('assoc_actor_2'))
	];
	const precision = geo.radiusM ? { kind: 'approximate' as const, radiusM: geo.radiusM } : { kind: 'exact' as const };
	return {
		location: {
			name,
			...(coordinates ? { coordinates } : {}),
			kind: geo.kind,
			precision,
			...(geo.kind === 'region' ? {} : { city: name }),
			...(get('country') ? { country: get('country') } : {}),
			...(isSensitive(get('sensitive')) ? { sensitive: true } : {}),
			...(get('admin1') ? { region: get('admin1') } : {})
		},
		event: {
			id: idText,
			type,
			status: 'reported',
			when:
				span.from === span.to
					? { precision: 'day', start: span.from }
					: { precision: 'days', start: span.from, end: span.to },
			crowd,
			...(fatalities ? { killed: { low: fatalities, high: fatalities } } : {}),
			sourceType: subEventType ? `${eventType} / ${subEventType}` : eventType,
			title: `${subEventType || eventType} in ${name}`,
			...(notes ? { description: notes } : {}),
			actors: [...new Set(actors)],
			sources: [
				{
					publisher: get('source') || 'ACLED',
					title: `ACLED event ${idText}`,
					language: 'en',
					...(notes ? { quote: notes, quoteKind: 'summary' as const } : { quoteKind: 'coded' as const })
				}
			]
		}
	};
}
