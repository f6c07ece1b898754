/**
 * The data model: one zod schema per record, and the TypeScript types inferred from it.
 * Documented for data authors in docs/data-format.md.
 */
import { z } from './zod';
import {
	EVENT_DETAIL_FIELDS,
	EVENT_ID_PATTERN,
	EVENT_TYPE_IDS,
	SLUG_PATTERN,
	STANCES,
	type EventType
} from './vocabulary';

export { EVENT_DETAIL_FIELDS, EVENT_TYPE_IDS, EVENT_TYPES, STANCES, type EventType } from './vocabulary';

/** Stable identifiers: lower-case words joined by hyphens. */
export const Slug = z.string().regex(SLUG_PATTERN, 'a slug of lower-case letters, digits and hyphens');

/** An event's id as its source wrote it (see EVENT_ID_PATTERN). */
export const EventId = z
	.string()
	.regex(EVENT_ID_PATTERN, 'an id of letters, digits, ".", "_" and "-", at most 128 characters');

/** Only web links: a javascript: or data: URL must never reach a link in the page. */
const SafeUrl = z
	.string()
	.url('an absolute URL')
	.refine((value) => /^https?:\/\//i.test(value), 'an http or https URL');

export const IsoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && isRealDate(value), 'a real calendar date');

/** A local date and time with its UTC offset, so that it is unambiguous: 2020-08-15T12:00+03:00. */
export const IsoLocalDateTime = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?[+-]\d{2}:\d{2}$/, 'a local time as YYYY-MM-DDTHH:MM+HH:MM')
	.refine((value) => isRealDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value)), 'a real date and time');

function isRealDate(ymd: string): boolean {
	const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Longitude first, as in GeoJSON. */
const LonLat = z.tuple([
	z.number().min(-180, 'a longitude ≥ -180').max(180, 'a longitude ≤ 180'),
	z.number().min(-90, 'a latitude ≥ -90').max(90, 'a latitude ≤ 90')
]);
const PointGeometry = z.strictObject({ type: z.literal('Point'), coordinates: LonLat });
const LineGeometry = z.strictObject({ type: z.literal('LineString'), coordinates: z.array(LonLat).min(2) });

export const LanguageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or ru');

/** Where a fact comes from. Title, date and URL are recorded when known and never made up. */
const Source = z.strictObject({
	publisher: z.string().min(1),
	title: z.string().min(1).optional(),
	date: IsoDate.optional(),
	url: SafeUrl.optional(),
	language: LanguageTag.optional()
});

/**
 * The sentence an event rests on. `verbatim`: the source's exact words. `summary`: a sentence
 * from the project's research notes that summarises the cited source.
 */
export const EventSource = Source.extend({
	language: LanguageTag,
	quote: z.string().min(1).optional(),
	quoteKind: z.enum(['verbatim', 'summary', 'coded'])
}).superRefine((source, ctx) => {
	// Only a coded record (an imported row of fields, with no sentence) may lack a quote.
	if (source.quoteKind !== 'coded' && !source.quote)
		ctx.addIssue({ code: 'custom', path: ['quote'], message: `a quote (quoteKind is "${source.quoteKind}")` });
});

const PLACE_KINDS = [
	'city',
	'town',
	'foreign city',
	'country',
	'metro station',
	'government building',
	'square',
	'monument',
	'market',
	'factory',
	'detention centre',
	'hospital',
	/** An imported location that names no kind. */
	'place',
	/** An imported location known only to its region (ACLED geo_precision 3). */
	'region'
] as const;
export const PlaceKind = z.enum(PLACE_KINDS);

const Precision = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('exact') }),
	z.strictObject({ kind: z.literal('approximate'), radiusM: z.number().positive('a radius in metres > 0') })
]);

/** A place's names by language tag: `{ "en": "Minsk", "be": "Мінск" }`. At least one. */
const Names = z
	.record(LanguageTag, z.string().min(1))
	.refine((names) => Object.keys(names).length > 0, 'at least one name');

/** A place in the gazetteer, as a GeoJSON Feature. */
export const Place = z.strictObject({
	type: z.literal('Feature'),
	id: Slug,
	geometry: PointGeometry,
	properties: z.strictObject({
		names: Names,
		aliases: z.array(z.string().min(1)).default([]),
		kind: PlaceKind,
		/** The city or town the place belongs to; a city names itself. */
		city: Slug,
		precision: Precision,
		population: z.number().int().positive().optional(),
		/** Country and first-level region, as an imported file names them. */
		country: z.string().min(1).optional(),
		region: z.string().min(1).optional(),
		note: z.string().optional(),
		/** The coordinates were snapped to a grid of this many kilometres to protect the people involved. */
		generalisedKm: z.number().positive().optional(),
		sources: z.array(Source).min(1, 'at least one source')
	})
});

export const Gazetteer = z.strictObject({
	type: z.literal('FeatureCollection'),
	name: z.string().optional(),
	description: z.string().optional(),
	/** West, south, east, north: every place must lie inside. */
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	features: z.array(z.unknown())
});

const EventTypeSchema = z.enum(EVENT_TYPE_IDS as [EventType, ...EventType[]]);

/**
 * When an event happened, in its own local time. `exact` and `approximate` carry a time;
 * `day` is a date; `days` spans from start to end.
 */
export const When = z
	.object({
		precision: z.enum(['exact', 'approximate', 'day', 'days']),
		start: z.union([IsoLocalDateTime, IsoDate]),
		end: z.union([IsoLocalDateTime, IsoDate]).optional()
	})
	.superRefine((when, ctx) => {
		const hasTime = when.start.includes('T');
		if ((when.precision === 'exact' || when.precision === 'approximate') && !hasTime)
			ctx.addIssue({ code: 'custom', path: ['start'], message: `a time (precision is "${when.precision}")` });
		if ((when.precision === 'day' || when.precision === 'days') && hasTime)
			ctx.addIssue({
				code: 'custom',
				path: ['start'],
				message: `a date without a time (precision is "${when.precision}")`
			});
		if (when.precision === 'days' && !when.end)
			ctx.addIssue({ code: 'custom', path: ['end'], message: 'an end date (precision is "days")' });
		if (when.end && when.end.slice(0, 10) < when.start.slice(0, 10))
			ctx.addIssue({ code: 'custom', path: ['end'], message: `a date on or after start (${when.start})` });
	});

/** A count of people: any part may be missing; a missing count is unknown, not zero. */
export const CountRange = z
	.object({
		low: z.number().int().nonnegative().optional(),
		high: z.number().int().nonnegative().optional(),
		/** The source's own words. */
		text: z.string().min(1).optional(),
		/** The numbers were read from words ("thousands") by this convention; see docs/data-format.md. */
		convention: z.enum(['ccc', 'atlas']).optional(),
		/** The numbers rest on the project's research notes rather than on a quoted sentence. */
		basis: z.literal('notes').optional()
	})
	.superRefine((range, ctx) => {
		if (range.low !== undefined && range.high !== undefined && range.low > range.high)
			ctx.addIssue({ code: 'custom', path: ['low'], message: `a number ≤ high (${range.high})` });
	});

export const Stance = z.enum(STANCES);

/**
 * The row of an ACLED or CCC file an event was imported from, column by column with the file's
 * own values (empty cells left out), so that an export in that format gives the row back.
 */
export const EventOrigin = z.strictObject({
	format: z.enum(['acled', 'ccc']),
	row: z.record(z.string().min(1), z.string())
});

export const ProtestEvent = z.strictObject({
	id: EventId,
	type: EventTypeSchema,
	status: z.enum(['reported', 'announced', 'called']),
	stance: Stance.optional(),
	when: When,
	place: Slug,
	/** The route of a march or the line of a human chain. */
	path: LineGeometry.optional(),
	/** The route as drawn follows the sources; unset, it is schematic and drawn as such. */
	pathSourced: z.boolean().optional(),
	crowd: CountRange.default({}),
	detained: CountRange.optional(),
	killed: CountRange.optional(),
	/** The source dataset's own type words, e.g. ACLED's "Protests / Peaceful protest". */
	sourceType: z.string().min(1).optional(),
	title: z.string().min(1),
	description: z.string().min(1).optional(),
	actors: z.array(z.string().min(1)).default([]),
	sources: z.array(EventSource).min(1, 'at least one source'),
	origin: EventOrigin.optional()
});

export type EventDetails = Pick<ProtestEvent, (typeof EVENT_DETAIL_FIELDS)[number]>;
/** What the map, timeline, filters and lists need of an event: where, when, what kind and how many. */
export type IndexedEvent = Omit<ProtestEvent, (typeof EVENT_DETAIL_FIELDS)[number]>;

export const Dataset = z.strictObject({
	name: z.string().min(1),
	description: z.string().optional(),
	/** The IANA time zone that events' local times are in. */
	timeZone: z.string().min(1),
	/** West, south, east, north: every event's place must lie inside; catches swapped coordinates. */
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	dateRange: z.strictObject({ from: IsoDate, to: IsoDate }),
	/** Path of the gazetteer, relative to the repository root. */
	gazetteer: z.string().min(1),
	events: z.array(z.unknown())
});

type Source = z.infer<typeof Source>;
export type EventSource = z.infer<typeof EventSource>;
export type PlaceKind = z.infer<typeof PlaceKind>;
export type Place = z.infer<typeof Place>;
export type When = z.infer<typeof When>;
export type CountRange = z.infer<typeof CountRange>;
export type ProtestEvent = z.infer<typeof ProtestEvent>;
export type EventOrigin = z.infer<typeof EventOrigin>;
export type Stance = z.infer<typeof Stance>;
type Names = z.infer<typeof Names>;
export type DatasetHeader = Omit<z.infer<typeof Dataset>, 'events'>;

/** Every field name the schemas know, for suggesting the intended one when a file misspells it. */
export const KNOWN_FIELDS: readonly string[] = (() => {
	const names = new Set<string>();
	const visit = (schema: unknown, depth = 0): void => {
		if (depth > 8 || !schema || typeof schema !== 'object') return;
		const def = (schema as { def?: Record<string, unknown> }).def;
		if (!def) return;
		const shape = def.shape as Record<string, unknown> | undefined;
		if (shape)
			for (const [name, child] of Object.entries(shape)) {
				names.add(name);
				visit(child, depth + 1);
			}
		for (const key of ['innerType', 'element', 'in', 'out', 'schema'] as const) visit(def[key], depth + 1);
		for (const option of (def.options as unknown[] | undefined) ?? []) visit(option, depth + 1);
		for (const item of (def.items as unknown[] | undefined) ?? []) visit(item, depth + 1);
	};
	for (const schema of [Place, ProtestEvent, Dataset, Gazetteer]) visit(schema);
	return [...names];
})();
