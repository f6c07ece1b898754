/** Crowd Counting Consortium CSV rows → drafts. */
import { readCrowdWords } from './crowd-words';
import { isSensitive } from './geojson';
import { checkRange, readCoordinates, readCount, readDateField, type RowContext, type RowDraft } from './importer';
import { EVENT_TYPE_IDS } from '../schema';
import { looseType } from './type-tables';

export const CCC_COLUMNS = [
	'date',
	'locality',
	'state',
	'location',
	'location_detail',
	'county',
	'online',
	'type',
	'macroevent',
	'actors',
	'claims',
	'valence',
	'issues',
	'size_low',
	'size_high',
	'size_mean',
	'size_text',
	'size_cat',
	'arrests',
	'injuries_crowd',
	'injuries_police',
	'damage',
	'teargas',
	'source_1',
	'source_2',
	'source_3',
	'misc',
	'final',
	'lat',
	'lon',
	'resolved_locality',
	'resolved_county',
	'resolved_state'
] as const;
/** CCC's columns of numbers: a plain number there is written as it is, a negative one included. */
export const CCC_NUMERIC: ReadonlySet<string> = new Set([
	'size_low',
	'size_high',
	'size_mean',
	'arrests',
	'injuries_crowd',
	'injuries_police',
	'lat',
	'lon'
]);
export const CCC_REQUIRED = ['date', 'locality', 'size_low', 'size_high'] as const;

const isUrl = (text: string) => /^https?:\/\/\S+$/i.test(text);

export function readCccRow(row: Record<string, string>, ctx: RowContext): RowDraft | undefined {
	const get = (key: string) => (row[key] ?? '').trim();
	const date = readDateField(get('date'), 'date', ctx);
	const coordinates = readCoordinates(get('lat'), get('lon'), ctx, { lat: 'lat', lon: 'lon' });
	const locality = get('resolved_locality') || get('locality');
	if (!locality) ctx.reject('locality', 'expected a locality, got nothing');
	const low = readCount(get('size_low'), 'size_low', ctx);
	const high = readCount(get('size_high'), 'size_high', ctx);
	const text = get('size_text');
	const arrests = readCount(get('arrests'), 'arrests', ctx);
	if (!date || coordinates === null || !locality) return undefined;

	// CCC's own numbers win; its words are read by the CCC convention only when it gave none.
	let crowd: RowDraft['event']['crowd'];
	if (low !== undefined || high !== undefined)
		crowd = {
			...(low !== undefined ? { low } : {}),
			...(high !== undefined ? { high } : {}),
			...(text ? { text } : {})
		};
	else {
		const reading = readCrowdWords(text);
		if (reading.kind === 'contradiction') return void ctx.reject('size_text', reading.reason);
		if (reading.kind === 'unread') ctx.warn('size_text', `"${text}" is not a size we can read; kept as words`);
		crowd = reading.crowd;
	}
	if (!checkRange(crowd, ctx, ['size_low', 'size_high'])) return undefined;

	const state = get('resolved_state') || get('state');
	const location = get('location');
	const typeWords = get('type');
	const claims = get('claims');
	const urls = [get('source_1'), get('source_2'), get('source_3')].filter(Boolean);
	const sources = urls.map((url) => ({
		publisher: isUrl(url) ? new URL(url).hostname.replace(/^www\./, '') : url,
		...(isUrl(url) ? { url } : {}),
		language: 'en',
		...(claims ? { quote: claims, quoteKind: 'summary' as const } : { quoteKind: 'coded' as const })
	}));
	const description = [claims && `Claims: ${claims}`, get('misc')].filter(Boolean).join(' ');
	return {
		location: {
			name: location || locality,
			...(coordinates ? { coordinates } : {}),
			kind: location ? 'place' : 'city',
			// CCC's coordinates are its locality's, so a named location within it is only near them.
			precision: location ? { kind: 'approximate', radiusM: 5000 } : { kind: 'exact' },
			city: locality,
			...(isSensitive(get('sensitive')) ? { sensitive: true } : {}),
			...(state ? { region: state } : {})
		},
		event: {
			type: looseType(typeWords, EVENT_TYPE_IDS),
			status: 'reported',
			when: { precision: 'day', start: date },
			crowd,
			...(arrests ? { detained: { low: arrests, high: arrests } } : {}),
			...(typeWords ? { sourceType: typeWords } : {}),
			title: `${typeWords ? typeWords[0]!.toUpperCase() + typeWords.slice(1) : 'Event'} in ${location || locality}`,
			...(description ? { description } : {}),
			actors: get('actors')
				.split(';')
				.map((a) => a.trim())
				.filter(Boolean),
			sources: sources.length
				? sources
				: [
						{
							publisher: 'Crowd Counting Consortium',
							language: 'en',
							...(claims ? { quote: claims, quoteKind: 'summary' as const } : { quoteKind: 'coded' as const })
						}
					]
		}
	};
}
