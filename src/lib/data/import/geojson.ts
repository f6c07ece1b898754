/**
 * GeoJSON features → drafts. Properties may use any of the common names below; Points are places,
 * LineStrings are routes and chains, placed at their first point. Besides plain values, the
 * documented nested forms are read: a crowd as `{low, high, words}`, sources as
 * `[{publisher, url, quote, date}]`, and a title or name per language as `{en: …, ru: …}`.
 * Anything else where a value is expected is refused, naming the property and what was expected.
 */
import { EVENT_TYPE_IDS, IsoLocalDateTime, LanguageTag, STANCES, type EventSource, type Stance } from '../schema';
import { readCrowdWords } from './crowd-words';
import { checkRange, readCount, readDateField, readRadius, type RowContext, type RowDraft } from './importer';
import { looseType } from './type-tables';
import { isRecord, kindOf } from '../file-values';
import { formatOffset, parseOffset, zoneOffsetMinutes } from '../time';

type Props = Record<string, unknown>;

/** The first of `keys` that the properties have, with its value. */
function first(props: Props, keys: readonly string[]): [string, unknown] | undefined {
	for (const key of keys) {
		const value = props[key];
		if (value !== undefined && value !== null && value !== '') return [key, value];
	}
	return undefined;
}

/** A text property: text, or a number written as text; anything else rejects the row. */
function text(props: Props, ctx: RowContext, ...keys: string[]): string {
	const found = first(props, keys);
	if (!found) return '';
	const [key, value] = found;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	ctx.reject(key, `expected text, got ${kindOf(value)}`);
	return '';
}

/**
 * A text property that may also be given per language (`{"en": "Minsk", "ru": "Минск"}`): the
 * text in the file's language (or the first given), and every language's text.
 */
function textPerLanguage(
	props: Props,
	ctx: RowContext,
	language: string,
	...keys: string[]
): { text: string; names?: Record<string, string> } {
	const found = first(props, keys);
	if (!found || !isRecord(found[1])) return { text: text(props, ctx, ...keys) };
	const [key, value] = found;
	const names: Record<string, string> = {};
	for (const [tag, name] of Object.entries(value)) {
		if (!LanguageTag.safeParse(tag).success || typeof name !== 'string' || !name.trim()) {
			ctx.reject(
				key,
				`expected text per language, such as {"en": "Minsk", "ru": "Минск"}, but "${tag}" holds ${kindOf(name)}`
			);
			return { text: '' };
		}
		names[tag] = name.trim();
	}
	const chosen = names[language] ?? Object.values(names)[0];
	if (!chosen) ctx.reject(key, 'expected text in at least one language, got an empty object');
	return { text: chosen ?? '', names };
}

/**
 * A whole number ≥ 0: a number, or digits as text. `within` names the object it sits in (`crowd`),
 * for the report.
 */
function count(props: Props, ctx: RowContext, keys: readonly string[], within = ''): number | undefined {
	const found = first(props, keys);
	if (!found) return undefined;
	const [name, value] = found;
	const field = within ? `${within}.${name}` : name;
	if (typeof value !== 'number' && typeof value !== 'string') {
		ctx.reject(field, `expected a whole number ≥ 0, got ${kindOf(value)}`);
		return undefined;
	}
	return readCount(String(value), field, ctx);
}

const isPosition = (v: unknown): v is [number, number] =>
	Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
const inRange = ([lon, lat]: [number, number]) =>
	Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

function readWhen(props: Props, ctx: RowContext, timeZone: string | undefined): RowDraft['event']['when'] | undefined {
	const startText = text(props, ctx, 'start', 'date', 'event_date');
	const endText = text(props, ctx, 'end');
	// A full local time with its offset is kept as a time, when it is the time zone's own.
	if (IsoLocalDateTime.safeParse(startText).success) {
		if (!timeZone)
			return void ctx.reject(
				'date',
				`"${startText}" is a local time, but the file names no time zone for its times; add "time_zone" with its IANA name (such as "Europe/Minsk") to the collection`
			);
		const offset = parseOffset(startText);
		const expected = zoneOffsetMinutes(timeZone, new Date(startText));
		if (offset !== expected)
			return void ctx.reject(
				'date',
				`expected the UTC offset of ${timeZone} on that date (${formatOffset(expected)}), got "${startText}"`
			);
		const precision = props.precision === 'exact' ? 'exact' : 'approximate';
		return { precision, start: startText };
	}
	if (/^\d{4}-\d{2}-\d{2}T/.test(startText)) {
		// A time without its offset from UTC cannot be placed on the day's axis without guessing.
		if (!readDateField(startText, 'date', ctx)) return undefined;
		ctx.reject('date', `expected a time with its offset from UTC, such as 2020-08-15T12:00+03:00, got "${startText}"`);
		return undefined;
	}
	const start = readDateField(startText, 'date', ctx);
	if (!start) return undefined;
	if (!endText) return { precision: 'day', start };
	const end = readDateField(endText, 'end', ctx);
	if (!end) return undefined;
	if (end < start) return void ctx.reject('end', `expected a date on or after ${start}, got ${end}`);
	return end === start ? { precision: 'day', start } : { precision: 'days', start, end };
}

/** The crowd: `size_low` and `size_high`, or `{low, high, words}`, or words alone. */
function readSize(props: Props, ctx: RowContext): RowDraft['event']['crowd'] | undefined {
	let low = count(props, ctx, ['size_low']);
	let high = count(props, ctx, ['size_high']);
	let words = '';
	const nested = first(props, ['crowd', 'size']);
	if (nested && isRecord(nested[1])) {
		const [key, crowd] = nested;
		const unknown = Object.keys(crowd).filter((k) => !['low', 'high', 'words', 'text'].includes(k));
		if (unknown.length) {
			ctx.reject(key, `expected {low, high, words}, but it also has ${unknown.map((k) => `"${k}"`).join(', ')}`);
			return undefined;
		}
		low ??= count(crowd, ctx, ['low'], key);
		high ??= count(crowd, ctx, ['high'], key);
		words = text(crowd, ctx, 'words', 'text');
	} else words = text(props, ctx, 'size_text', 'size', 'crowd');
	let crowd: RowDraft['event']['crowd'];
	if (low !== undefined || high !== undefined) {
		const convention = text(props, ctx, 'size_convention');
		crowd = {
			...(low !== undefined ? { low } : {}),
			...(high !== undefined ? { high } : {}),
			...(words ? { text: words } : {}),
			...(convention === 'ccc' || convention === 'atlas' ? { convention } : {})
		};
	} else {
		const reading = readCrowdWords(words);
		if (reading.kind === 'contradiction') return void ctx.reject('size', reading.reason);
		if (reading.kind === 'unread') ctx.warn('size', `"${words}" is not a size we can read; kept as words`);
		crowd = reading.crowd;
	}
	return checkRange(crowd, ctx, ['size_low', 'size_high']) ? crowd : undefined;
}

const QUOTE_KINDS = ['verbatim', 'summary', 'coded'] as const;

/**
 * One source from `sources: [{publisher, url, quote, date}]`, or from the flat properties, where
 * `date` is the event's.
 */
function readSource(props: Props, ctx: RowContext, field: string): EventSource | undefined {
	const nested = field !== '';
	const url = text(props, ctx, 'url');
	const safeUrl = /^https?:\/\/\S+$/i.test(url) ? url : undefined;
	if (url && !safeUrl) ctx.warn(`${field}url`, `"${url}" is not an http or https link; left out`);
	const quote = text(props, ctx, 'quote');
	const quoteKind = text(props, ctx, 'quote_kind');
	const dateText = nested ? text(props, ctx, 'date') : '';
	const date = dateText ? readDateField(dateText, `${field}date`, ctx) : undefined;
	if (dateText && !date) return undefined;
	const language = text(props, ctx, 'language');
	let publisher = text(props, ctx, 'source', 'publisher');
	if (!publisher && safeUrl) publisher = new URL(safeUrl).hostname;
	return {
		publisher: publisher || 'not named',
		...(safeUrl ? { url: safeUrl } : {}),
		...(date ? { date } : {}),
		language: LanguageTag.safeParse(language).success ? language : 'en',
		...(quote
			? {
					quote,
					quoteKind: (QUOTE_KINDS as readonly string[]).includes(quoteKind)
						? (quoteKind as EventSource['quoteKind'])
						: 'summary'
				}
			: { quoteKind: 'coded' as const })
	};
}

function readSources(props: Props, ctx: RowContext): EventSource[] | undefined {
	const list = props.sources;
	if (list === undefined || list === null) {
		const source = readSource(props, ctx, '');
		return source ? [source] : undefined;
	}
	if (!Array.isArray(list) || list.length === 0) {
		ctx.reject(
			'sources',
			`expected a list of sources such as [{"publisher": "…", "url": "…", "quote": "…"}], got ${kindOf(list)}`
		);
		return undefined;
	}
	const sources: EventSource[] = [];
	for (const [i, item] of list.entries()) {
		if (!isRecord(item)) {
			ctx.reject(`sources[${i + 1}]`, `expected an object with publisher, url, quote and date, got ${kindOf(item)}`);
			return undefined;
		}
		const source = readSource(item, ctx, `sources[${i + 1}].`);
		if (!source) return undefined;
		sources.push(source);
	}
	return sources;
}

/** What a feature is read with: the file's language and the time zone of its local times. */
export interface FeatureSetting {
	language: string;
	timeZone?: string;
}

export function readGeoJsonFeature(
	feature: unknown,
	ctx: RowContext,
	{ language, timeZone }: FeatureSetting = { language: 'en' }
): RowDraft | undefined {
	if (!isRecord(feature) || feature.type !== 'Feature')
		return void ctx.reject(
			'type',
			`expected a GeoJSON Feature, got ${isRecord(feature) ? `type "${String(feature.type)}"` : kindOf(feature)}`
		);
	const geometry = feature.geometry;
	if (feature.properties !== undefined && feature.properties !== null && !isRecord(feature.properties))
		return void ctx.reject('properties', `expected an object of properties, got ${kindOf(feature.properties)}`);
	const props = isRecord(feature.properties) ? feature.properties : {};
	let point: [number, number] | undefined;
	let path: [number, number][] | undefined;
	if (isRecord(geometry) && geometry.type === 'Point') {
		if (!isPosition(geometry.coordinates))
			return void ctx.reject('geometry', 'expected a Point with [longitude, latitude] coordinates');
		point = [geometry.coordinates[0], geometry.coordinates[1]];
	} else if (isRecord(geometry) && geometry.type === 'LineString') {
		const coordinates = geometry.coordinates;
		if (!Array.isArray(coordinates) || coordinates.length < 2 || !coordinates.every(isPosition))
			return void ctx.reject('geometry', 'expected a LineString with two or more [longitude, latitude] positions');
		path = coordinates.map((c) => [c[0], c[1]] as [number, number]);
		point = path[0];
	} else if (isRecord(geometry))
		return void ctx.reject(
			'geometry',
			`expected a Point or a LineString, got ${typeof geometry.type === 'string' ? `a ${geometry.type.slice(0, 40)}` : 'a geometry with no type'}; draw an area as the point it is reported at`
		);
	else if (geometry !== null && geometry !== undefined)
		return void ctx.reject('geometry', `expected a Point or a LineString, got ${kindOf(geometry)}`);
	if (point && !inRange(point))
		return void ctx.reject('geometry', `expected [longitude, latitude] within range, got [${point.join(', ')}]`);
	if (path?.some((p) => !inRange(p)))
		return void ctx.reject('geometry', 'expected every position of the line within range');

	const title = textPerLanguage(props, ctx, language, 'title', 'name');
	const place = textPerLanguage(props, ctx, language, 'location', 'place', 'locality', 'city');
	const location = place.text || title.text;
	if (!point && !location)
		return void ctx.reject(
			'geometry',
			'expected a geometry, or a location name to find in the gazetteer, but the feature has neither'
		);
	if (!location) return void ctx.reject('location', 'expected a location or title, got nothing');
	const when = readWhen(props, ctx, timeZone);
	const crowd = readSize(props, ctx);
	const sources = readSources(props, ctx);
	const typeWords = text(props, ctx, 'type', 'event_type');
	const description = text(props, ctx, 'description', 'notes');
	const stance = text(props, ctx, 'stance');
	const status = text(props, ctx, 'status');
	const city = text(props, ctx, 'city');
	const country = text(props, ctx, 'country');
	const region = text(props, ctx, 'region', 'admin1', 'state');
	const radius = readRadius(props.radius_m, 'radius_m', ctx);
	const detained = count(props, ctx, ['detained']);
	const killed = count(props, ctx, ['killed', 'fatalities']);
	const id =
		text(props, ctx, 'id') ||
		(typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : '');
	if (!when || !crowd || !sources || radius === null) return undefined;
	const names = { ...(isRecord(props.names) ? languageNames(props.names) : {}), ...place.names };
	return {
		location: {
			name: location,
			...(Object.keys(names).length ? { names } : {}),
			...(point ? { coordinates: point } : {}),
			kind: 'place',
			precision: radius ? { kind: 'approximate', radiusM: radius } : { kind: 'exact' },
			city: city || location,
			...(country ? { country } : {}),
			...(isSensitive(props.sensitive) ? { sensitive: true } : {}),
			...(region ? { region } : {})
		},
		event: {
			...(id ? { id } : {}),
			type: typeWords ? looseType(typeWords, EVENT_TYPE_IDS) : 'other',
			status: status === 'announced' || status === 'called' ? status : 'reported',
			...((STANCES as readonly string[]).includes(stance) ? { stance: stance as Stance } : {}),
			when,
			// The file draws its own line: it is drawn as given, unless the file says it is schematic.
			...(path
				? { path: { type: 'LineString' as const, coordinates: path }, pathSourced: props.route_sourced !== false }
				: {}),
			crowd,
			...(detained ? { detained: { low: detained, high: detained } } : {}),
			...(killed ? { killed: { low: killed, high: killed } } : {}),
			...(typeWords ? { sourceType: typeWords } : {}),
			title: title.text || `${typeWords || 'Event'} in ${location}`,
			...(description ? { description } : {}),
			actors: [],
			sources
		}
	};
}

/** A place's names by language, the entries that are names in a language. */
function languageNames(names: Props): Record<string, string> {
	return Object.fromEntries(
		Object.entries(names).filter(
			(e): e is [string, string] =>
				LanguageTag.safeParse(e[0]).success && typeof e[1] === 'string' && e[1].trim() !== ''
		)
	);
}

/** `true`, "true", "yes" or 1: a record its publisher marked sensitive. */
export const isSensitive = (value: unknown) =>
	value === true || value === 1 || (typeof value === 'string' && /^(?:true|yes|1)$/i.test(value.trim()));
