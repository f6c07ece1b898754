/**
 * Reading data files into the validated model. Nothing is skipped silently: every record is either
 * returned as valid or reported as a Problem that names the file, the record, the field and what
 * was expected.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from './zod';
import {
	KNOWN_FIELDS,
	Dataset,
	Gazetteer,
	Place,
	ProtestEvent,
	type DatasetHeader,
	type Place as PlaceT,
	type ProtestEvent as ProtestEventT
} from './schema';
import { detailsPath, PublishedFile, type PublishedDataset } from './published';
import { formatOffset, isTimeZone, localDate, parseOffset, zoneOffsetMinutes } from './time';

export interface Problem {
	file: string;
	/** The record: `event "id"`, `place #3`, or `line 12` for a file that does not parse. */
	record?: string;
	/** Dotted path of the field inside the record. */
	field?: string;
	message: string;
	/** Position of the record in its list, from 0, for finding its line. */
	index?: number;
}

/** One line per problem: `file: record › field: message`. */
export function formatProblem(problem: Problem): string {
	const where = [problem.record, problem.field].filter(Boolean).join(' › ');
	return `${problem.file}: ${where ? `${where}: ` : ''}${problem.message}`;
}

/** Parses JSON, reporting a syntax error with its line and column instead of throwing. */
export function parseJson(text: string, file: string): { value?: unknown; problems: Problem[] } {
	try {
		return { value: JSON.parse(text), problems: [] };
	} catch (error) {
		// JSON.parse does not always say where; a tolerant parser finds the first fault's offset.
		const faults: ParseError[] = [];
		parseTolerant(text, faults, { disallowComments: true, allowTrailingComma: false });
		const fault = faults[0];
		const reason = fault ? printParseErrorCode(fault.error) : String(error);
		if (!fault) return { problems: [{ file, message: `expected valid JSON (${reason})` }] };
		const before = text.slice(0, fault.offset);
		const line = before.split('\n').length;
		const column = fault.offset - before.lastIndexOf('\n');
		return {
			problems: [{ file, record: `line ${line}, column ${column}`, message: `expected valid JSON, got ${reason}` }]
		};
	}
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	const json = JSON.stringify(value);
	return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
	let node = root;
	for (const key of path) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<PropertyKey, unknown>)[key];
	}
	return node;
}

/** Turns zod issues into problems whose message says what was expected and what was found. */
export function schemaProblems(error: z.ZodError, input: unknown, file: string, record: string): Problem[] {
	return error.issues.map((issue) => {
		const actual = valueAt(input, issue.path);
		const expected = expectation(issue, actual);
		const found = issue.code === 'unrecognized_keys' ? '' : `, got ${describe(actual)}`;
		return {
			file,
			record,
			field: issue.path.map(String).join('.') || undefined,
			message: `expected ${expected.replace(/^expected /i, '')}${found}`
		};
	});
}

/** "quotekind" → `"quotekind" (did you mean "quoteKind"?)`: the nearest field the schema knows. */
function withSuggestion(key: string): string {
	let best: { name: string; distance: number } | undefined;
	for (const name of KNOWN_FIELDS) {
		const distance = editDistance(key.toLowerCase(), name.toLowerCase());
		if (!best || distance < best.distance) best = { name, distance };
	}
	const near = best && best.distance <= Math.max(2, Math.floor(key.length / 4));
	return near ? `"${key}" (did you mean "${best!.name}"?)` : `"${key}"`;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++)
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * What a schema issue expected, in words: our own messages as they are, zod's own codes put in
 * words, never zod's English defaults ("Invalid input: expected string, received undefined").
 */
function expectation(issue: z.core.$ZodIssue, actual: unknown): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`;
		case 'invalid_value':
			return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		case 'unrecognized_keys':
			return `no unknown fields (${issue.keys.map((key) => withSuggestion(key)).join(', ')})`;
		case 'too_small':
			if (Array.isArray(actual)) return `at least ${String(issue.minimum)} item(s)`;
			if (typeof actual === 'string') return `text of at least ${String(issue.minimum)} character(s)`;
			return issue.message.startsWith('Too small') ? `a number ≥ ${String(issue.minimum)}` : issue.message;
		case 'too_big':
			if (Array.isArray(actual)) return `at most ${String(issue.maximum)} item(s)`;
			if (typeof actual === 'string') return `text of at most ${String(issue.maximum)} characters`;
			return issue.message.startsWith('Too big') ? `a number ≤ ${String(issue.maximum)}` : issue.message;
		case 'invalid_union': {
			const inner = issue.errors.flat().map((e) => expectation(e, valueAt(actual, e.path)));
			return [...new Set(inner)].join(' or ') || 'one of the allowed forms';
		}
		case 'invalid_key':
			return 'a key of the allowed form';
		case 'invalid_element':
			return 'values of the allowed form';
		case 'not_multiple_of':
			return `a multiple of ${String(issue.divisor)}`;
		default:
			return /^Invalid |^Too /.test(issue.message) ? 'a value of the allowed form' : issue.message;
	}
}

function recordName(kind: string, raw: unknown, index: number): string {
	const id = valueAt(raw, ['id']);
	return typeof id === 'string' && id ? `${kind} "${id}" (#${index + 1})` : `${kind} #${index + 1}`;
}

/** [west, south, east, north] contains [lon, lat]. */
function inBbox([lon, lat]: readonly [number, number], [w, s, e, n]: readonly number[]): boolean {
	return lon >= (w ?? -180) && lon <= (e ?? 180) && lat >= (s ?? -90) && lat <= (n ?? 90);
}

function bboxMessage(coords: readonly [number, number], bbox: readonly number[]): string {
	const swapped = inBbox([coords[1], coords[0]], bbox) ? ' (latitude and longitude look swapped)' : '';
	return `expected [lon, lat] inside the declared bbox [${bbox.join(', ')}], got [${coords.join(', ')}]${swapped}`;
}

/** Adds a problem about one field of the record being checked. */
type Report = (field: string, message: string) => void;

/**
 * The loop both kinds of file share: names each record, validates it against its schema, checks
 * that its id is unique, then runs the kind's own checks. A record with any problem is reported and
 * left out; the others are returned with their names.
 */
function readRecords<T extends { id: string }>(
	raws: readonly unknown[],
	kind: string,
	schema: z.ZodType<T>,
	file: string,
	check: (value: T, report: Report) => void
): { valid: { value: T; record: string }[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const valid: { value: T; record: string }[] = [];
	const seen = new Map<string, number>();
	raws.forEach((raw, index) => {
		const record = recordName(kind, raw, index);
		const parsed = schema.safeParse(raw);
		if (!parsed.success)
			return problems.push(...schemaProblems(parsed.error, raw, file, record).map((p) => ({ ...p, index })));
		const value = parsed.data;
		const found: Problem[] = [];
		const report: Report = (field, message) => found.push({ file, record, field, message, index });
		if (seen.has(value.id)) report('id', `expected a unique id, but ${kind} #${seen.get(value.id)} has it too`);
		else seen.set(value.id, index + 1);
		check(value, report);
		problems.push(...found);
		if (found.length === 0) valid.push({ value, record });
	});
	return { valid, problems };
}

export interface GazetteerResult {
	places: PlaceT[];
	problems: Problem[];
	/** How many records the file holds, valid or not. */
	total: number;
}

/** Validates a gazetteer FeatureCollection. */
export function readGazetteer(input: unknown, file: string): GazetteerResult {
	const head = Gazetteer.safeParse(input);
	if (!head.success) return { places: [], problems: schemaProblems(head.error, input, file, 'gazetteer'), total: 0 };
	const { bbox, features } = head.data;
	const { valid, problems } = readRecords(features, 'place', Place, file, (place, report) => {
		if (!inBbox(place.geometry.coordinates, bbox))
			report('geometry.coordinates', bboxMessage(place.geometry.coordinates, bbox));
	});
	// A place's city is checked once every place is known, since a city may come after its places.
	const ids = new Set(valid.map(({ value }) => value.id));
	const places: PlaceT[] = [];
	for (const { value: place, record } of valid) {
		if (ids.has(place.properties.city)) places.push(place);
		else
			problems.push({
				file,
				record,
				field: 'properties.city',
				message: `expected the id of a place in this gazetteer, got "${place.properties.city}"`
			});
	}
	return { places, problems, total: features.length };
}

export interface DatasetResult {
	header?: DatasetHeader;
	events: ProtestEventT[];
	problems: Problem[];
	total: number;
}

/** Validates an event dataset against its gazetteer's places. */
export function readDataset(input: unknown, file: string, places: readonly PlaceT[]): DatasetResult {
	const head = Dataset.safeParse(input);
	if (!head.success) return { events: [], problems: schemaProblems(head.error, input, file, 'dataset'), total: 0 };
	const { events: rawEvents, ...header } = head.data;
	const { events, problems } = readEvents(rawEvents, file, places, header);
	return { header, events, problems, total: rawEvents.length };
}

/** What events are checked against: the extent, dates and time zone their dataset declares. */
interface EventBounds {
	bbox: readonly number[];
	dateRange: { from: string; to: string };
	timeZone: string;
}

/** Validates events: schema, unique ids, known places, extent, date range and UTC offsets. */
function readEvents(
	rawEvents: readonly unknown[],
	file: string,
	places: readonly PlaceT[],
	header: EventBounds
): { events: ProtestEventT[]; problems: Problem[] } {
	const zoneProblems: Problem[] = [];
	const zoneKnown = isTimeZone(header.timeZone);
	if (!zoneKnown)
		zoneProblems.push({
			file,
			record: 'dataset',
			field: 'timeZone',
			message: `expected an IANA time zone, got "${header.timeZone}"`
		});
	const placeById = new Map(places.map((p) => [p.id, p]));
	const { valid, problems } = readRecords(rawEvents, 'event', ProtestEvent, file, (event, report) => {
		const place = placeById.get(event.place);
		if (!place) report('place', `expected the id of a place in the gazetteer, got "${event.place}"`);
		else if (!inBbox(place.geometry.coordinates, header.bbox))
			report('place', `place "${place.id}": ${bboxMessage(place.geometry.coordinates, header.bbox)}`);
		event.path?.coordinates.forEach((coords, i) => {
			if (!inBbox(coords, header.bbox)) report(`path.coordinates.${i}`, bboxMessage(coords, header.bbox));
		});
		for (const key of ['start', 'end'] as const) {
			const value = event.when[key];
			if (!value) continue;
			const date = localDate(value);
			if (date < header.dateRange.from || date > header.dateRange.to)
				report(`when.${key}`, `expected a date from ${header.dateRange.from} to ${header.dateRange.to}, got ${date}`);
			const offset = parseOffset(value);
			if (offset === undefined || !zoneKnown) continue;
			const zoneOffset = zoneOffsetMinutes(header.timeZone, new Date(value));
			if (zoneOffset !== offset)
				report(
					`when.${key}`,
					`expected the UTC offset of ${header.timeZone} on that date (${formatOffset(zoneOffset)}), got ${value}`
				);
		}
	});
	return { events: valid.map(({ value }) => value), problems: [...zoneProblems, ...problems] };
}

export interface PublishedResult {
	dataset?: PublishedDataset;
	problems: Problem[];
	/** Events in the file, valid or not. */
	total: number;
}

/**
 * Fully validates a published dataset: header, places, their cities, and events. A large one keeps
 * its events' texts and sources in separate files: `readDetails(n)` gives the parsed chunk n (or
 * undefined if it cannot be read), and each chunk's details join their events before the events
 * are checked.
 */
export function readPublished(input: unknown, file: string, readDetails?: (n: number) => unknown): PublishedResult {
	const head = PublishedFile.safeParse(input);
	if (!head.success) return { problems: schemaProblems(head.error, input, file, 'dataset'), total: 0 };
	const lists = head.data;
	const { details } = head.data;
	if (details) {
		const where = detailsPath(head.data.slug, 0).replace(/0\.json$/, '');
		if (!readDetails)
			return {
				problems: [
					{
						file,
						field: 'details',
						message: `expected the events' texts and sources here, but this file keeps them in ${where}; check the folder with npm run validate`
					}
				],
				total: lists.events.length
			};
		// Every event must have its chunk: an outline with too few would drop events unnoticed.
		const needed = Math.ceil(lists.events.length / details.chunkSize);
		if (details.chunks !== needed)
			return {
				problems: [
					{
						file,
						field: 'details.chunks',
						message: `expected ${needed} details files for ${lists.events.length} events, got ${details.chunks}`
					}
				],
				total: lists.events.length
			};
		const joined: unknown[] = [];
		for (let n = 0; n < details.chunks; n++) {
			const chunk = readDetails(n) as { events?: unknown } | undefined;
			const part = lists.events.slice(n * details.chunkSize, (n + 1) * details.chunkSize);
			if (!Array.isArray(chunk?.events) || chunk.events.length !== part.length)
				return {
					problems: [
						{
							file: `${where}${n}.json`,
							message: `expected the details of ${part.length} events, in the index's order`
						}
					],
					total: lists.events.length
				};
			const list = chunk.events as unknown[];
			part.forEach((event, i) => joined.push({ ...(event as object), ...(list[i] as object) }));
		}
		lists.events = joined;
	}
	const { valid, problems: placeProblems } = readRecords(lists.places, 'place', Place, file, (place, report) => {
		if (!inBbox(place.geometry.coordinates, head.data.bbox))
			report('geometry.coordinates', bboxMessage(place.geometry.coordinates, head.data.bbox));
		if (!place.properties.names[head.data.defaultLanguage])
			report('properties.names', `expected a name in the dataset's language (${head.data.defaultLanguage})`);
	});
	const ids = new Set(valid.map(({ value }) => value.id));
	const places: PlaceT[] = [];
	for (const { value: place, record } of valid) {
		if (ids.has(place.properties.city)) places.push(place);
		else
			placeProblems.push({
				file,
				record,
				field: 'properties.city',
				message: `expected the id of a place in this dataset, got "${place.properties.city}"`
			});
	}
	const { events, problems } = readEvents(lists.events, file, places, head.data);
	// The checked records replace the raw lists.
	return {
		dataset: { ...head.data, places, events, details: undefined },
		problems: [...placeProblems, ...problems],
		total: lists.events.length
	};
}
