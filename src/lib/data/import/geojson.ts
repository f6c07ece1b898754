/**
 * GeoJSON features → drafts. Properties may use any of the common names below; Points are places,
 * LineStrings are routes and chains, placed at their first point.
 */
import { EVENT_TYPE_IDS, IsoLocalDateTime, LanguageTag, STANCES, type Stance } from '../schema';
import { readCrowdWords } from './crowd-words';
import { readDate } from './dates';
import { checkRange, readCount, type RowContext, type RowDraft } from './importer';
import { looseType } from './type-tables';

/** The first property present among `keys`, as text. */
function pick(props: Record<string, unknown>, ...keys: string[]): string {
	for (const key of keys) {
		const value = props[key];
		if (value !== undefined && value !== null && value !== '') return String(value).trim();
	}
	return '';
}

/** `true`, "true", "yes" or 1: a record its publisher marked sensitive. */
export const isSensitive = (value: unknown) =>
	value === true || value === 1 || /^(?:true|yes|1)$/i.test(String(value ?? ''));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosition = (v: unknown): v is [number, number] =>
	Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number';
const inRange = ([lon, lat]: [number, number]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

function readWhen(props: Record<string, unknown>, ctx: RowContext): RowDraft['event']['when'] | undefined {
	const startText = pick(props, 'start', 'date', 'event_date');
	const endText = pick(props, 'end');
	// A full local time with its offset is kept as a time; anything else is a date.
	if (IsoLocalDateTime.safeParse(startText).success) {
		const precision = props.precision === 'exact' ? 'exact' : 'approximate';
		return { precision, start: startText };
	}
	const start = readDate(startText);
	if ('error' in start) {
		ctx.reject('date', start.error);
		return undefined;
	}
	if (!endText) return { precision: 'day', start: start.date };
	const end = readDate(endText);
	if ('error' in end) return void ctx.reject('end', end.error);
	if (end.date < start.date)
		return void ctx.reject('end', `expected a date on or after ${start.date}, got ${end.date}`);
	return end.date === start.date
		? { precision: 'day', start: start.date }
		: { precision: 'days', start: start.date, end: end.date };
}

function readSize(props: Record<string, unknown>, ctx: RowContext): RowDraft['event']['crowd'] | undefined {
	const low = readCount(pick(props, 'size_low'), 'size_low', ctx);
	const high = readCount(pick(props, 'size_high'), 'size_high', ctx);
	const words = pick(props, 'size_text', 'size', 'crowd');
	let crowd: RowDraft['event']['crowd'];
	if (low !== undefined || high !== undefined) {
		const convention = pick(props, 'size_convention');
		crowd = {
			...(low !== undefined ? { low } : {}),
			...(high !== undefined ? { high } : {}),
			...(words ? { text: words } : {}),
			...(convention === 'ccc' || convention === 'atlas' ? { convention } : {})
		};
	} else {
		const reading = readCrowdWords(words);
		if (reading.kind === 'unread') ctx.warn('size', `"${words}" is not a size we can read; kept as words`);
		crowd = reading.crowd;
	}
	return checkRange(crowd, ctx, ['size_low', 'size_high']) ? crowd : undefined;
}

export function readGeoJsonFeature(feature: unknown, ctx: RowContext): RowDraft | undefined {
	if (!isRecord(feature) || feature.type !== 'Feature') return void ctx.reject('type', 'expected a GeoJSON Feature');
	const geometry = feature.geometry;
	const props = isRecord(feature.properties) ? feature.properties : {};
	let point: [number, number] | undefined;
	let path: [number, number][] | undefined;
	if (isRecord(geometry) && geometry.type === 'Point' && isPosition(geometry.coordinates))
		point = [geometry.coordinates[0], geometry.coordinates[1]];
	else if (
		isRecord(geometry) &&
		geometry.type === 'LineString' &&
		Array.isArray(geometry.coordinates) &&
		geometry.coordinates.length >= 2 &&
		geometry.coordinates.every(isPosition)
	) {
		path = geometry.coordinates.map((c) => [c[0], c[1]] as [number, number]);
		point = path[0];
	} else if (geometry !== null && geometry !== undefined)
		return void ctx.reject('geometry', 'expected a Point or a LineString with [longitude, latitude] positions');
	if (point && !inRange(point))
		return void ctx.reject('geometry', `expected [longitude, latitude] within range, got [${point.join(', ')}]`);
	if (path?.some((p) => !inRange(p)))
		return void ctx.reject('geometry', 'expected every position of the line within range');

	const title = pick(props, 'title', 'name');
	const location = pick(props, 'location', 'place', 'locality', 'city') || title;
	if (!location) return void ctx.reject('location', 'expected a location or title, got nothing');
	if (!point && !location) return void ctx.reject('geometry', 'expected a geometry or a location name');
	const when = readWhen(props, ctx);
	const crowd = readSize(props, ctx);
	if (!when || !crowd) return undefined;

	const typeWords = pick(props, 'type', 'event_type');
	const url = pick(props, 'url');
	const safeUrl = /^https?:\/\//i.test(url) ? url : undefined;
	if (url && !safeUrl) ctx.warn('url', `"${url}" is not an http or https link; left out`);
	const quote = pick(props, 'quote');
	const quoteKind = pick(props, 'quote_kind');
	const description = pick(props, 'description', 'notes');
	const stance = pick(props, 'stance');
	const names = isRecord(props.names)
		? Object.fromEntries(
				Object.entries(props.names).filter(
					(e): e is [string, string] => LanguageTag.safeParse(e[0]).success && typeof e[1] === 'string' && e[1] !== ''
				)
			)
		: undefined;
	const radius = Number(props.radius_m);
	const detained = readCount(pick(props, 'detained'), 'detained', ctx);
	const killed = readCount(pick(props, 'killed', 'fatalities'), 'killed', ctx);
	const status = pick(props, 'status');
	const id =
		pick(props, 'id') || (typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : '');
	return {
		location: {
			name: location,
			...(names ? { names } : {}),
			...(point ? { coordinates: point } : {}),
			kind: 'place',
			precision: radius > 0 ? { kind: 'approximate', radiusM: radius } : { kind: 'exact' },
			city: pick(props, 'city') || location,
			...(pick(props, 'country') ? { country: pick(props, 'country') } : {}),
			...(isSensitive(props.sensitive) ? { sensitive: true } : {}),
			...(pick(props, 'region', 'admin1', 'state') ? { region: pick(props, 'region', 'admin1', 'state') } : {})
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
			title: title || `${typeWords || 'Event'} in ${location}`,
			...(description ? { description } : {}),
			actors: [],
			sources: [
				{
					publisher: pick(props, 'source', 'publisher') || (safeUrl ? new URL(safeUrl).hostname : 'not named'),
					...(safeUrl ? { url: safeUrl } : {}),
					language: LanguageTag.safeParse(pick(props, 'language')).success ? pick(props, 'language') : 'en',
					...(quote
						? { quote, quoteKind: quoteKind === 'verbatim' ? ('verbatim' as const) : ('summary' as const) }
						: { quoteKind: 'coded' as const })
				}
			]
		}
	};
}
