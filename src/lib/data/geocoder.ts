/**
 * Free-text place lookup over the gazetteer, in English, Belarusian, Russian or any Latin
 * transliteration. Every name is reduced to one Latin "key" (no case, no diacritics, one
 * spelling of ja/ya, kh/h, w/v …) so that Pushkinskaja, Pushkinskaya and Пушкінская meet.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { compareText } from './order';
import type { Place } from './schema';
import { transliterate } from './transliterate.js';

/** Belarusian Łacinka and scholarly letters, spelled as English-language news does. */
const LATIN_EXTRAS: Record<string, string> = { ž: 'zh', š: 'sh', č: 'ch', ł: 'l' };

/** Words that describe rather than name a place; dropped from both the query and the names. */
const NOISE_WORDS = new Set([
	'the',
	'near',
	'in',
	'at',
	'of',
	'by',
	'front',
	'outside',
	'city',
	'town',
	'metro',
	'station',
	'stantsiya',
	'stantsyya',
	'underground',
	'subway',
	'stantsyya',
	'u',
	'v',
	'vozle',
	'okolo',
	'kalya',
	'la'
]);

/** Words that say the reader means a metro station. */
const METRO_WORDS = /(^|[^\p{L}])(metro|station|subway|метро|станция|станцыя)($|[^\p{L}])/iu;

/** Lower-case, no diacritics, Cyrillic spelled in Latin, and the common spelling variants merged. */
export function nameKey(text: string): string {
	// ё is often written е, and both must meet; Cyrillic then follows the press-style spelling.
	const lower = text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
	const latin = transliterate([...lower].map((ch) => LATIN_EXTRAS[ch] ?? ch).join(''));
	const words = latin
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.split(' ')
		.filter((word) => word && !NOISE_WORDS.has(word));
	return words
		.join(' ')
		.replace(/kh/g, 'h')
		.replace(/shch/g, 'sh')
		.replace(/j/g, 'y')
		.replace(/w/g, 'v')
		.replace(/ts/g, 'c')
		.replace(/iy\b/g, 'y')
		.replace(/ij\b/g, 'y')
		.replace(/yy/g, 'y')
		.replace(/(.)\1/g, '$1');
}

/** Levenshtein edit distance. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
		}
		previous = current;
	}
	return previous[b.length]!;
}

/** 1 for the same key, falling towards 0 as the spellings differ. */
function similarity(a: string, b: string): number {
	if (!a || !b) return 0;
	return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

export interface Candidate {
	place: Place;
	score: number;
	/** The name or alias that matched. */
	matched: string;
}

export type GeocodeResult =
	| { status: 'match'; place: Place; score: number; matched: string }
	| { status: 'ambiguous'; candidates: Candidate[] }
	| { status: 'unknown'; suggestions: Candidate[] };

export interface Geocoder {
	geocode(text: string): GeocodeResult;
	/** Places whose names start with or resemble the text, best first; for search-as-you-type. */
	suggest(text: string, limit?: number): Candidate[];
	/** Keys every name and builds the index now (they are otherwise built on the first query). */
	prepare(): void;
}

/** A score at or above this is a match; below it, the best ones are offered as suggestions. */
const MATCH_THRESHOLD = 0.8;

/** Scores below this never matter: neither a match nor a suggestion. */
const LOWEST_USEFUL_SCORE = 0.3;
/**
 * With many names, only the names sharing the most letter triples with the query are scored in
 * full (an edit distance each): a hundred thousand places answer as you type.
 */
const FULLY_SCORED = 400;

/** The distinct letter triples of a key, padded so that short keys and word starts have some. */
function trigrams(key: string): Set<string> {
	const padded = `  ${key} `;
	const grams = new Set<string>();
	for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
	return grams;
}

/** Builds a geocoder over gazetteer places. */
export function createGeocoder(places: readonly Place[]): Geocoder {
	type Entry = { place: Place; name: string; key: string };
	// Names are keyed on the first query, not when the dataset opens.
	let keyed: Entry[] | undefined;
	const allEntries = (): Entry[] =>
		(keyed ??= places.flatMap((place) => {
			const { names, aliases } = place.properties;
			return [...Object.values(names), ...aliases, place.id.replace(/-/g, ' ')].map((name) => ({
				place,
				name,
				key: nameKey(name)
			}));
		}));
	// Letter triple → the entries whose key has it; built on the first query, only for long lists.
	let postings: Map<string, number[]> | undefined;
	function indexed(entries: readonly Entry[]): Map<string, number[]> {
		if (!postings) {
			postings = new Map();
			entries.forEach((entry, i) => {
				for (const gram of trigrams(entry.key)) {
					const list = postings!.get(gram);
					if (list) list.push(i);
					else postings!.set(gram, [i]);
				}
			});
		}
		return postings;
	}
	function candidates(key: string): readonly Entry[] {
		const entries = allEntries();
		if (entries.length <= FULLY_SCORED) return entries;
		const index = indexed(entries);
		const shared = new Uint16Array(entries.length);
		const touched: number[] = [];
		for (const gram of trigrams(key))
			for (const i of index.get(gram) ?? []) {
				if (shared[i] === 0) touched.push(i);
				shared[i]!++;
			}
		// Most shared triples first, by buckets: a short query touches tens of thousands of names.
		const buckets: number[][] = [];
		for (const i of touched) (buckets[shared[i]!] ??= []).push(i);
		const chosen: Entry[] = [];
		for (let count = buckets.length - 1; count > 0 && chosen.length < FULLY_SCORED; count--)
			for (const i of buckets[count] ?? []) {
				if (chosen.length === FULLY_SCORED) break;
				chosen.push(entries[i]!);
			}
		return chosen;
	}

	function scored(text: string): Candidate[] {
		const key = nameKey(text);
		if (!key) return [];
		const best = new Map<string, Candidate>();
		for (const entry of candidates(key)) {
			let score = similarity(key, entry.key);
			// A name that begins with the query ("Pushk") is a strong partial match.
			if (key.length >= 3 && entry.key.startsWith(key))
				score = Math.max(score, 0.75 + 0.2 * (key.length / entry.key.length));
			if (score < LOWEST_USEFUL_SCORE) continue;
			const previous = best.get(entry.place.id);
			if (!previous || score > previous.score)
				best.set(entry.place.id, { place: entry.place, score, matched: entry.name });
		}
		return [...best.values()].sort((a, b) => b.score - a.score || compareText(a.place.id, b.place.id));
	}

	return {
		geocode(text) {
			const ranked = scored(text);
			const top = ranked[0];
			if (!top || top.score < MATCH_THRESHOLD)
				return { status: 'unknown', suggestions: ranked.filter((c) => c.score > LOWEST_USEFUL_SCORE).slice(0, 5) };
			let tied = ranked.filter((c) => top.score - c.score < 0.001);
			// "Victory Square" names both the square and its metro station: the words decide.
			const wantsMetro = METRO_WORDS.test(text);
			const byKind = tied.filter((c) => (c.place.properties.kind === 'metro station') === wantsMetro);
			if (byKind.length > 0) tied = byKind;
			if (tied.length > 1) return { status: 'ambiguous', candidates: tied };
			const best = tied[0]!;
			return { status: 'match', place: best.place, score: best.score, matched: best.matched };
		},
		suggest(text, limit = 8) {
			return scored(text)
				.filter((c) => c.score >= 0.6)
				.slice(0, limit);
		},
		prepare() {
			const entries = allEntries();
			if (entries.length > FULLY_SCORED) indexed(entries);
		}
	};
}

/** Kinds of place that a point can belong to. */
const SETTLEMENT_KINDS = new Set(['city', 'town', 'foreign city']);

/**
 * The city or town a point belongs to: the one whose boundary contains it, else the nearest
 * settlement within `maxKm`, else undefined.
 */
export function cityAt(
	point: [number, number],
	places: readonly Place[],
	options: { boundaries?: Record<string, Feature<Polygon | MultiPolygon>>; maxKm?: number } = {}
): Place | undefined {
	const settlements = places.filter((p) => SETTLEMENT_KINDS.has(p.properties.kind));
	for (const [id, boundary] of Object.entries(options.boundaries ?? {})) {
		if (booleanPointInPolygon(point, boundary)) return settlements.find((p) => p.id === id);
	}
	let nearest: { place: Place; km: number } | undefined;
	for (const place of settlements) {
		const km = distance(point, place.geometry.coordinates, { units: 'kilometers' });
		if (!nearest || km < nearest.km) nearest = { place, km };
	}
	return nearest && nearest.km <= (options.maxKm ?? 15) ? nearest.place : undefined;
}
