/**
 * What a tiled dataset's features carry and what its summary file says: the names of the figures
 * per event type, the grid the tiles are cut to, and the summary's shape and cheap check. Shared
 * by `npm run tiles`, which writes them, and the page, which draws and filters them.
 *
 * A feature is one cell (or, at the deepest zoom, one place) on one day. Its figures are the same
 * ones the map draws for any dataset (aggregate.ts): events per type, the summed known sizes of
 * that day's protest gatherings per type (low and high), those of unknown size, and the
 * pro-government gatherings apart. A range's largest single-day turnout is the largest of its
 * days' features, which the map draws largest below so that the disc seen is that day's.
 */
import { noneOfEachType, type EventType } from '../vocabulary';

export const TILES_FORMAT = 'protest-atlas-tiles';
export const TILES_VERSION = 1;
/** The layer's name inside every vector tile. */
export const TILE_LAYER = 'events';
/** Cells per tile side below the deepest zoom: a cell is 32 screen pixels of a 512-pixel tile. */
export const CELLS_PER_TILE = 16;
/** Vector tile coordinates per tile side (the MVT default). */
export const TILE_EXTENT = 4096;

/**
 * A feature's figures: events (n), the known protest sizes summed (l, h), the protest gatherings
 * of unknown size (u), and the pro-government sizes (pl, ph). Each is kept per day for every type
 * together (`h:3`) and per type (`h:3:rally`); and over the whole dataset (`H`, `H:rally`, and
 * `H-rally` for every type but one), so that the first view, or one type shown or hidden over all
 * the dates, needs no sum over days. Over days, counts add up and sizes keep their largest day.
 */
export type TypeFigure = 'n' | 'l' | 'h' | 'u' | 'pl' | 'ph';
export const TYPE_FIGURES: readonly TypeFigure[] = ['n', 'l', 'h', 'u', 'pl', 'ph'];
export const isCount = (figure: TypeFigure): boolean => figure === 'n' || figure === 'u';
export const figureKey = (figure: TypeFigure, day: number, type?: EventType): string =>
	type ? `${figure}:${day}:${type}` : `${figure}:${day}`;
export const wholeKey = (figure: TypeFigure, type?: EventType, without?: 'without'): string =>
	`${figure.toUpperCase()}${type ? `${without ? '-' : ':'}${type}` : ''}`;

/** Web Mercator of a longitude and latitude, as the unit square (0,0 north-west). */
export function mercator(lon: number, lat: number): [number, number] {
	const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
	const sin = Math.sin((clamped * Math.PI) / 180);
	return [(lon + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** The summary beside a tiled dataset (`<slug>.tiles.json`): what the key, the timeline and the scale need. */
export interface TiledSummary {
	format: typeof TILES_FORMAT;
	version: typeof TILES_VERSION;
	slug: string;
	title: string;
	events: number;
	places: number;
	/** Every day from the first event's to the last's; a feature's `day` is an index into it. */
	days: string[];
	bbox: [number, number, number, number];
	minZoom: number;
	maxZoom: number;
	/** The dataset's largest single-day turnout, which the radius scale spans (scalesFor). */
	largest: number;
	/** Events on each day, per type (an event of several days counts on each): the timeline's bars. */
	dayCounts: Record<EventType, number>[];
	/** Events per type by first and last day index: `[first, last, type, events]`, for the key's counts of any range. */
	spans: [number, number, EventType, number][];
	/** The archive, the details sorted by place, beside the summary. */
	archive: string;
	details: string;
	/** The details file's length, so that the page reads its footer with no request before. */
	detailsBytes: number;
	/** Its footer's length with the closing 8 bytes: read in one request before the first panel. */
	detailsFooter: number;
	/** The zone of the events' local times. */
	timeZone: string;
	/** Who the events come from, as the importer credits them. */
	attribution: string[];
}

/** The cheap check the page runs on a fetched summary. */
export function checkTiledSummary(value: unknown): TiledSummary {
	const v = value as Partial<TiledSummary> | null;
	if (!v || typeof v !== 'object' || v.format !== TILES_FORMAT) throw new Error('This file is not a tiled dataset.');
	if (v.version !== TILES_VERSION)
		throw new Error(`This tiled dataset has version ${String(v.version)}; this app reads version ${TILES_VERSION}.`);
	if (
		!Array.isArray(v.days) ||
		!Array.isArray(v.dayCounts) ||
		v.dayCounts.length !== v.days.length ||
		!Array.isArray(v.spans) ||
		!Array.isArray(v.bbox) ||
		typeof v.archive !== 'string' ||
		typeof v.details !== 'string'
	)
		throw new Error('This tiled dataset is incomplete: it lacks its days, counts, extent or files.');
	return v as TiledSummary;
}

/** Events per type shown for a range of day indexes: those whose days meet it, each once. */
export function typeCountsIn(summary: TiledSummary, first: number, last: number): Record<EventType, number> {
	const counts = noneOfEachType();
	for (const [from, to, type, events] of summary.spans) if (to >= first && from <= last) counts[type] += events;
	return counts;
}
