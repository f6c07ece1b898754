/**
 * One importer for every format, shared by the command line and the browser's worker. Rows go in
 * one at a time; each is either kept or rejected with its line, field and reason. `finish` builds
 * the places from the kept rows and writes a published dataset. Nothing is fixed silently:
 * contradictions reject a row, and suspicious values are kept with a warning.
 */
import { distance } from '@turf/distance';
import { createGeocoder, type Geocoder } from '../geocoder';
import { PUBLISHED_FORMAT, PUBLISHED_VERSION, type PublishedDataset } from '../published';
import type { Place, ProtestEvent } from '../schema';
import { transliterate } from '../transliterate.js';
import { EVENT_ID_PATTERN } from '../vocabulary';
import type {
	ImportFormat,
	ImportOptions,
	ImportReport,
	LocationDraft,
	ReadingChoice,
	RowContext,
	RowDraft,
	RowIssue
} from './report';

export {
	formatIssue,
	reportLines,
	IMPORT_FORMATS,
	summaryLine,
	type ImportFormat,
	type ImportOptions,
	type ImportReport,
	type LocationDraft,
	type ReadingChoice,
	type RowContext,
	type RowDraft
} from './report';
export { checkRange, readCoordinates, readCount, readDateField, readRadius } from './row-values';

/**
 * The centre of the grid cell a point falls in, cells `km` wide: what a generalised record keeps.
 * Cells are `km` north–south and `km` east–west at their own latitude.
 */
export function snapToGrid([lon, lat]: [number, number], km: number): [number, number] {
	const latStep = km / 111.32;
	const snappedLat = (Math.floor(lat / latStep) + 0.5) * latStep;
	const lonStep = km / (111.32 * Math.max(Math.cos((snappedLat * Math.PI) / 180), 0.01));
	const snappedLon = (Math.floor(lon / lonStep) + 0.5) * lonStep;
	const round = (n: number) => Math.round(n * 1e5) / 1e5;
	return [round(Math.min(180, Math.max(-180, snappedLon))), round(Math.min(90, Math.max(-90, snappedLat)))];
}

/** Why a row whose id an earlier row (`first`) has already is rejected. */
export function repeatedId(first: { line: number; id: string }, id: string): string {
	return first.id === id
		? `expected a unique id, but line ${first.line} has "${id}" too`
		: `expected a unique id, but line ${first.line} has "${first.id}", which differs from "${id}" only in case`;
}

/** Kilometres beyond which a point is far from the rest of the file. */
const FAR_KM = 1000;

/** Lower-case Latin words joined by hyphens, from any script we can transliterate. */
export function slugify(text: string): string {
	return transliterate(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

/** Hands out unique slugs: `minsk`, `minsk-2`, … */
function slugMaker(fallback: string) {
	const used = new Set<string>();
	return (text: string): string => {
		const base = slugify(text) || fallback;
		let slug = base;
		for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
		used.add(slug);
		return slug;
	};
}

interface Kept {
	line: number;
	draft: RowDraft;
}

export interface Importer {
	readonly format: ImportFormat;
	/** Reads one row; `read` fills in the draft or rejects through the context. `record` names it where lines do not. */
	add(line: number, read: (ctx: RowContext) => RowDraft | undefined, record?: string): void;
	/** Rejects a row that could not even be read as a row (a broken quote, a wrong field count): one row, one issue. */
	rejectRow(line: number, field: string, message: string): void;
	/** Reports a problem with the file as a whole, at a line where known: no row is read. */
	fail(field: string, message: string, line?: number): void;
	/** Gives up on the whole file part-way (its text is not what it claims): every row read so far is rejected with it. */
	abandon(field: string, message: string, choice?: ReadingChoice, line?: number): void;
	finish(): { dataset: PublishedDataset; report: ImportReport };
}

export function createImporter(format: ImportFormat, options: ImportOptions): Importer {
	const kept: Kept[] = [];
	const rejections: RowIssue[] = [];
	const warnings: RowIssue[] = [];
	let rejectedRows = 0;
	const needs = new Set<ReadingChoice>();
	/** Kept ids by their lower-case form: ids that differ only in case are one id. */
	const eventIds = new Map<string, { line: number; id: string }>();
	let rowsRead = 0;
	let handedOff = 0;
	let geocoder: Geocoder | undefined;

	function locate(draft: RowDraft, ctx: RowContext): boolean {
		if (draft.location.coordinates) return true;
		const name = draft.location.name;
		if (!options.gazetteer?.length) {
			ctx.reject('location', `expected coordinates: "${name}" has none, and no gazetteer was given to find it in`);
			return false;
		}
		geocoder ??= createGeocoder(options.gazetteer);
		const found = geocoder.geocode(name);
		if (found.status === 'match') {
			const place = found.place;
			draft.location = {
				...draft.location,
				names: place.properties.names,
				coordinates: place.geometry.coordinates,
				kind: place.properties.kind,
				precision: place.properties.precision
			};
			return true;
		}
		const list = (found.status === 'ambiguous' ? found.candidates : found.suggestions)
			.map((c) => `${c.place.id} (${c.matched})`)
			.join(', ');
		ctx.reject(
			'location',
			found.status === 'ambiguous'
				? `"${name}" names more than one place: ${list}`
				: `"${name}" is not in the gazetteer${list ? `; nearest: ${list}` : ''}`
		);
		return false;
	}

	/** An id is kept as written; one an id cannot hold is made one, with a warning; a repeat is rejected. */
	function checkId(draft: RowDraft, ctx: RowContext) {
		const written = draft.event.id!;
		if (!EVENT_ID_PATTERN.test(written)) {
			const made = slugify(written);
			if (!made) return ctx.reject('id', `expected an id of letters, digits, ".", "_" or "-", got "${written}"`);
			ctx.warn(
				'id',
				`"${written}" has characters an id cannot hold (letters, digits, ".", "_" and "-"); kept as "${made}"`
			);
			draft.event.id = made;
		}
		// Too many ids to hold: the caller finds repeats in its own store, with the same words.
		if (options.handOff) return;
		const id = draft.event.id!;
		const first = eventIds.get(id.toLowerCase());
		if (!first) return void eventIds.set(id.toLowerCase(), { line: ctx.line, id });
		ctx.reject('id', repeatedId(first, id));
	}

	/** Replaces a sensitive row's coordinates by its grid cell's centre, and drops its exact route. */
	function generalise(draft: RowDraft) {
		const rule = options.generalise;
		const coordinates = draft.location.coordinates;
		if (!rule || !coordinates || !(rule.all || draft.location.sensitive)) return;
		draft.location = {
			...draft.location,
			coordinates: snapToGrid(coordinates, rule.km),
			generalisedKm: rule.km,
			precision: { kind: 'approximate', radiusM: Math.round((rule.km * 1000) / Math.SQRT2) }
		};
		delete draft.event.path;
		delete draft.event.pathSourced;
	}

	return {
		format,
		add(line, read, record) {
			rowsRead++;
			let bad = false;
			const named = record ? { record } : {};
			const ctx: RowContext = {
				line,
				...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
				reject(field, message) {
					bad = true;
					rejections.push({ line, field, message, ...named });
				},
				warn(field, message) {
					warnings.push({ line, field, message, ...named });
				},
				need: (choice) => void needs.add(choice)
			};
			let draft: RowDraft | undefined;
			try {
				draft = read(ctx);
			} catch {
				// The reader's own error text would mean nothing to the person reading the report.
				ctx.reject('row', 'could not be read: a value in it has a form the importer does not know');
			}
			if (!bad && draft) locate(draft, ctx);
			if (!bad && draft) generalise(draft);
			if (!bad && draft?.event.id !== undefined) checkId(draft, ctx);
			if (bad || !draft) {
				if (!bad) ctx.reject('row', 'is empty');
				rejectedRows++;
				return;
			}
			if (options.handOff) {
				handedOff++;
				options.handOff(line, draft);
			} else kept.push({ line, draft });
		},
		rejectRow(line, field, message) {
			rowsRead++;
			rejections.push({ line, field, message });
			rejectedRows++;
		},
		fail(field, message, line = 1) {
			rejections.push({ line, field, message });
		},
		abandon(field, message, choice, line = 1) {
			if (choice) needs.add(choice);
			rejections.push({ line, field, message: `${message}. Nothing of the file was imported` });
			rejectedRows += kept.length + handedOff;
			kept.length = 0;
			handedOff = 0;
		},
		finish() {
			warnFarPoints(kept, warnings);
			const dataset = buildDataset(kept, options);
			const imported = kept.length + handedOff;
			const report: ImportReport = {
				format,
				rowsRead,
				imported,
				rejected: rejectedRows,
				rejections,
				warnings: warnings.sort((a, b) => a.line - b.line),
				...(needs.size ? { needs: [...needs] } : {})
			};
			dataset.provenance = {
				format,
				...(options.file ? { file: options.file } : {}),
				rowsRead,
				imported,
				rejected: rejectedRows
			};
			return { dataset, report };
		}
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * A point far from the rest whose swapped coordinates would fall among them is kept with a
 * warning: it is probably a swapped pair, but only the publisher can say.
 */
function warnFarPoints(kept: readonly Kept[], warnings: RowIssue[]): void {
	if (kept.length < 3) return;
	const points = kept.map((k) => k.draft.location.coordinates!);
	const centre: [number, number] = [median(points.map((p) => p[0])), median(points.map((p) => p[1]))];
	kept.forEach(({ line }, i) => {
		const [lon, lat] = points[i]!;
		if (distance(centre, [lon, lat]) <= FAR_KM) return;
		if (Math.abs(lon) <= 90 && distance(centre, [lat, lon]) <= FAR_KM)
			warnings.push({
				line,
				field: 'latitude',
				message: `latitude and longitude look swapped: [${lon}, ${lat}] is over ${FAR_KM} km from the other rows, [${lat}, ${lon}] would be among them`
			});
	});
}

function buildDataset(kept: readonly Kept[], options: ImportOptions): PublishedDataset {
	const language = options.defaultLanguage ?? 'en';
	const placeSlug = slugMaker('place');
	// Rows without an id get `row-N`, clear of every id the file gives (case aside).
	const givenIds = new Set(kept.flatMap(({ draft }) => (draft.event.id ? [draft.event.id.toLowerCase()] : [])));
	const rowId = (line: number) => {
		let id = `row-${line}`;
		for (let n = 2; givenIds.has(id); n++) id = `row-${line}-${n}`;
		givenIds.add(id);
		return id;
	};
	const places = new Map<string, Place>();
	const cityMembers = new Map<string, Place[]>();
	const source = { publisher: options.placeSource ?? options.title };

	const placeKey = (loc: LocationDraft) => `${loc.name}\u0000${loc.coordinates!.join(',')}`;
	const cityKey = (loc: LocationDraft) => `${loc.city ?? ''}\u0000${loc.region ?? ''}\u0000${loc.country ?? ''}`;

	const events: ProtestEvent[] = [];
	for (const { line, draft } of kept) {
		const loc = draft.location;
		const key = placeKey(loc);
		let place = places.get(key);
		if (!place) {
			const id = placeSlug(loc.name);
			const ownCity = !loc.city || loc.city === loc.name;
			place = {
				type: 'Feature',
				id,
				geometry: { type: 'Point', coordinates: loc.coordinates! },
				properties: {
					names: { [language]: loc.name, ...loc.names },
					aliases: [],
					kind: loc.kind,
					city: ownCity ? id : '',
					precision: loc.precision,
					...(loc.country ? { country: loc.country } : {}),
					...(loc.region ? { region: loc.region } : {}),
					...(loc.generalisedKm ? { generalisedKm: loc.generalisedKm } : {}),
					sources: [source]
				}
			};
			places.set(key, place);
			if (!ownCity) {
				const members = cityMembers.get(cityKey(loc)) ?? [];
				members.push(place);
				cityMembers.set(cityKey(loc), members);
			}
		}
		const { id, ...event } = draft.event;
		events.push({ ...event, id: id ?? rowId(line), place: place.id } as ProtestEvent);
	}
	// A location inside a named city belongs to that city's place, made at its members' centre
	// when the file has no row for the city itself.
	const all = [...places.values()];
	for (const [key, members] of cityMembers) {
		const [cityName, region, country] = key.split('\u0000') as [string, string, string];
		let city = all.find(
			(p) =>
				p.properties.city === p.id &&
				p.properties.names[language] === cityName &&
				(p.properties.region ?? '') === region &&
				(p.properties.country ?? '') === country
		);
		if (!city) {
			const lon = members.reduce((s, p) => s + p.geometry.coordinates[0], 0) / members.length;
			const lat = members.reduce((s, p) => s + p.geometry.coordinates[1], 0) / members.length;
			const id = placeSlug(cityName);
			city = {
				type: 'Feature',
				id,
				geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] },
				properties: {
					names: { [language]: cityName },
					aliases: [],
					kind: 'city',
					city: id,
					precision: { kind: 'exact' },
					...(country ? { country } : {}),
					...(region ? { region } : {}),
					note: 'Placed at the centre of its locations in the file.',
					sources: [source]
				}
			};
			all.push(city);
		}
		for (const member of members) member.properties.city = city.id;
	}
	return {
		format: PUBLISHED_FORMAT,
		version: PUBLISHED_VERSION,
		slug: options.slug,
		title: options.title,
		...(options.description ? { description: options.description } : {}),
		defaultLanguage: language,
		timeZone: options.timeZone ?? 'UTC',
		bbox: extent(all),
		dateRange: dateExtent(events),
		attribution: options.attribution ?? [],
		places: all,
		events
	};
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function extent(places: readonly Place[]): [number, number, number, number] {
	if (places.length === 0) return [-180, -90, 180, 90];
	let [w, s, e, n] = [180, 90, -180, -90];
	for (const { geometry } of places) {
		const [lon, lat] = geometry.coordinates;
		[w, s, e, n] = [Math.min(w, lon), Math.min(s, lat), Math.max(e, lon), Math.max(n, lat)];
	}
	return [w, s, e, n];
}

function dateExtent(events: readonly ProtestEvent[]): { from: string; to: string } {
	let from = '';
	let to = '';
	for (const { when } of events) {
		const start = when.start.slice(0, 10);
		const end = (when.end ?? when.start).slice(0, 10);
		if (!from || start < from) from = start;
		if (!to || end > to) to = end;
	}
	const today = new Date().toISOString().slice(0, 10);
	return { from: from || today, to: to || today };
}
