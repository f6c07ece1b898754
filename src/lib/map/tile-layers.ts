/**
 * A tiled dataset's markers as MapLibre style data: one vector source read from the PMTiles
 * archive, and circle layers whose filters and radii are expressions over the features' per-type
 * figures per day (data/tiles/tile-figures.ts). A filter or a date step changes these expressions
 * only; the tiles stay as they are. A cell's marker is the largest of its days in the range, for
 * the types shown: its largest single-day turnout, as for any other dataset.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	VectorSourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { figureKey, isCount, TILE_LAYER, wholeKey, type TypeFigure } from '$lib/data/tiles/tile-figures';
import { EVENT_TYPE_IDS, type EventType } from '$lib/data/vocabulary';
import { AGGREGATE_COLOUR, PRO_GOVERNMENT_COLOUR, radiusExpression, type Scales } from '$lib/scales/scales';
import { discPaint, ringPaint, unknownPaint } from './event-layers';

export const TILES_SOURCE = 'event-tiles';
export const TILE_PROTOCOL = 'pmtiles';

/** What the layers show: days by index into the summary's days (of which there are `days`), and the types ticked. */
export interface TileChoice {
	first: number;
	last: number;
	days: number;
	types: readonly EventType[];
}

/** A marker of a tiled dataset as the page lists it: a place (with its rows) or a cell of several. */
export interface TiledMarker {
	name: string;
	places: number;
	/** The place's rows in the details, at the deepest zoom only. */
	row?: number;
	rows?: number;
	lngLat: [number, number];
}

export function tileSource(archiveUrl: string, maxZoom: number): VectorSourceSpecification {
	return { type: 'vector', url: `${TILE_PROTOCOL}://${archiveUrl}`, maxzoom: maxZoom };
}

const get = (key: string): ExpressionSpecification => ['to-number', ['get', key], 0];
const sum = (terms: ExpressionSpecification[]): ExpressionSpecification =>
	terms.length === 0 ? ['+', 0, 0] : terms.length === 1 ? terms[0]! : ['+', ...terms];

/**
 * One day's figure for the types shown: every type's total, the chosen types' sum, or the total
 * less the others' when fewer terms that way (a filter that hides one type reads two values a day).
 */
function dayFigure(figure: TypeFigure, day: number, types: readonly EventType[]): ExpressionSpecification {
	if (types.length === EVENT_TYPE_IDS.length) return get(figureKey(figure, day));
	const others = EVENT_TYPE_IDS.filter((t) => !types.includes(t));
	if (types.length <= others.length + 1) return sum(types.map((t) => get(figureKey(figure, day, t))));
	return ['-', get(figureKey(figure, day)), sum(others.map((t) => get(figureKey(figure, day, t))))];
}

const isWholeRange = (choice: TileChoice) => choice.first <= 0 && choice.last >= choice.days - 1;
const daysOf = ({ first, last }: TileChoice) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** Over every date, one type shown or one hidden reads a figure kept for it; any other mix sums days. */
function wholeRange(figure: TypeFigure, types: readonly EventType[]): ExpressionSpecification | undefined {
	if (types.length === EVENT_TYPE_IDS.length) return get(wholeKey(figure));
	if (types.length === 1) return get(wholeKey(figure, types[0]));
	const hidden = EVENT_TYPE_IDS.filter((t) => !types.includes(t));
	if (hidden.length === 1 && !isCount(figure)) return get(wholeKey(figure, hidden[0], 'without'));
	// Counts over every date add up per type.
	if (isCount(figure)) return sum(types.map((t) => get(wholeKey(figure, t))));
	return undefined;
}

/** The range's largest day of a size figure: a cell's largest single-day turnout, as for any dataset. */
export function largestDay(figure: 'h' | 'l' | 'ph' | 'pl', choice: TileChoice): ExpressionSpecification {
	const whole = isWholeRange(choice) ? wholeRange(figure, choice.types) : undefined;
	if (whole) return whole;
	const [first, ...rest] = daysOf(choice).map((day) => dayFigure(figure, day, choice.types));
	return rest.length === 0 ? first! : ['max', first!, ...rest];
}

/** A count figure summed over the range's days. */
function overDays(figure: 'n' | 'u', choice: TileChoice): ExpressionSpecification {
	const whole = isWholeRange(choice) ? wholeRange(figure, choice.types) : undefined;
	return whole ?? sum(daysOf(choice).map((day) => dayFigure(figure, day, choice.types)));
}

/** Each marker layer's filter for a choice. */
export function tileFilters(choice: TileChoice): Record<string, FilterSpecification> {
	const high = largestDay('h', choice);
	const proGovernment = largestDay('ph', choice);
	return {
		TileUnknown: ['all', ['>', overDays('n', choice), 0], ['==', high, 0], ['==', proGovernment, 0]],
		TileRing: ['>', high, 0],
		TileDisc: ['>', largestDay('l', choice), 0],
		TileProGovernment: ['>', proGovernment, 0]
	};
}

/** The layers' radii, and their order: larger markers below smaller ones, as for any dataset. */
export function tilePaint(scales: Scales, choice: TileChoice) {
	const entry = (figure: 'h' | 'l' | 'ph') => {
		const people = largestDay(figure, choice);
		return { radius: radiusExpression(scales, people), sortKey: ['-', 0, people] as ExpressionSpecification };
	};
	return { TileRing: entry('h'), TileDisc: entry('l'), TileProGovernment: entry('ph') };
}

export function tileLayers(scales: Scales, choice: TileChoice): LayerSpecification[] {
	const filters = tileFilters(choice);
	const paint = tilePaint(scales, choice);
	const base = { type: 'circle', source: TILES_SOURCE, 'source-layer': TILE_LAYER } as const;
	return [
		{ ...base, id: 'TileUnknown', filter: filters.TileUnknown!, paint: unknownPaint(AGGREGATE_COLOUR) },
		{
			...base,
			id: 'TileRing',
			filter: filters.TileRing!,
			layout: { 'circle-sort-key': paint.TileRing.sortKey },
			paint: ringPaint(paint.TileRing.radius, AGGREGATE_COLOUR)
		},
		{
			...base,
			id: 'TileDisc',
			filter: filters.TileDisc!,
			layout: { 'circle-sort-key': paint.TileDisc.sortKey },
			paint: discPaint(paint.TileDisc.radius, AGGREGATE_COLOUR)
		},
		{
			...base,
			id: 'TileProGovernment',
			filter: filters.TileProGovernment!,
			layout: { 'circle-sort-key': paint.TileProGovernment.sortKey },
			paint: { ...ringPaint(paint.TileProGovernment.radius, PRO_GOVERNMENT_COLOUR), 'circle-opacity': 0 }
		}
	] as LayerSpecification[];
}

export const TILE_MARKER_LAYERS = ['TileUnknown', 'TileRing', 'TileDisc', 'TileProGovernment'] as const;
