/**
 * What the reader has chosen, and where the map looks, as a URL, so that a copied link reopens
 * it: the choices as search parameters, the camera in the hash (#map=zoom/lat/lon). MapLibre
 * opens at that camera and rewrites the hash as the map moves, in this same form.
 */
import { STANCE_FILTERS, STATUSES, type EventFilter } from '$lib/data/filter';
import { EVENT_TYPE_IDS } from '$lib/data/vocabulary';
import { quoted } from '$lib/data/file-values';
import type { Camera } from '$lib/data/camera';

export { STANCE_FILTERS, STATUSES, type StanceFilter, type Status } from '$lib/data/filter';

/** Languages the map's labels can be read in. */
export type LabelLanguage = 'en' | 'be' | 'ru';

/** Whether a value names one of the languages the map is read in. */
export const isLabelLanguage = (value: unknown): value is LabelLanguage =>
	value === 'en' || value === 'be' || value === 'ru';

/** The language a link asks for: be or ru when it says so, else English. */
export const linkLanguage = (params: URLSearchParams): LabelLanguage => parseViewState(params).lang ?? 'en';

export interface ViewState extends EventFilter {
	/** Published dataset, by slug; unset means the default. Checked against the index before use. */
	data?: string;
	/** Selected place id. */
	place?: string;
	/** Selected city id. */
	city?: string;
	/** Language of the map's labels; unset means English. */
	lang?: Exclude<LabelLanguage, 'en'>;
	/** A published story being read, by slug: its chapter's view stands for the filters and selection. */
	story?: string;
	/** The chapter read, from 1. */
	chapter?: number;
	/** Where the map looks; unset means the dataset's own view. */
	camera?: Camera;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The largest smallest-crowd a link may ask for: no gathering is larger than a billion people. */
const MAX_MIN_CROWD = 1_000_000_000;
/** How much of a value a notice quotes: enough to recognise it, never a whole page of it. */
const QUOTED_LENGTH = 40;

/** A link's value as a notice quotes it: cut to a sane length. */
export const quotedValue = (value: string): string => quoted(value, QUOTED_LENGTH);

/** Values of a comma list that are allowed; the others are named in `ignored`. Nothing allowed is unset, not empty. */
function list<T extends string>(
	name: string,
	value: string | null,
	allowed: readonly T[],
	ignored: string[]
): T[] | undefined {
	if (value === null) return undefined;
	// An empty list is the reader's own choice of none (every type unticked), not a mistake.
	if (value === '') return [];
	const values = value.split(',');
	const items = values.filter((v): v is T => (allowed as readonly string[]).includes(v));
	const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
	if (unknown.length) ignored.push(`${name}=${quotedValue(unknown.join(','))}`);
	return items.length ? [...new Set(items)] : undefined;
}

/**
 * Reads the state from search parameters. Anything malformed is left out, so its default applies,
 * and is named in `ignored` (as `status=maybe`) for the reader to be told.
 */
export function parseViewState(params: URLSearchParams, ignored: string[] = []): ViewState {
	const state: ViewState = {};
	const keep = <K extends keyof ViewState>(name: K, value: string | null, valid: boolean, parsed: ViewState[K]) => {
		if (value === null) return;
		if (valid) state[name] = parsed;
		else ignored.push(`${name}=${quotedValue(value)}`);
	};
	const data = params.get('data');
	if (data !== null) state.data = data;
	const place = params.get('place');
	keep('place', place, Boolean(place && SLUG.test(place)), place ?? undefined);
	const city = params.get('city');
	keep('city', city, Boolean(city && SLUG.test(city)), city ?? undefined);
	const from = params.get('from');
	keep('from', from, Boolean(from && isDate(from)), from ?? undefined);
	const to = params.get('to');
	keep('to', to, Boolean(to && isDate(to)), to ?? undefined);
	if (state.from && state.to && state.from > state.to) [state.from, state.to] = [state.to, state.from];
	const types = list('types', params.get('types'), EVENT_TYPE_IDS, ignored);
	if (types) state.types = types;
	const status = list('status', params.get('status'), STATUSES, ignored);
	if (status) state.status = status;
	const stance = list('stance', params.get('stance'), STANCE_FILTERS, ignored);
	if (stance) state.stance = stance;
	const minText = params.get('min');
	const min = Number(minText);
	keep('min', minText, /^\d{1,10}$/.test(minText ?? '') && min > 0 && min <= MAX_MIN_CROWD, min);
	const lang = params.get('lang');
	keep('lang', lang, isLabelLanguage(lang) && lang !== 'en', lang as ViewState['lang']);
	const story = params.get('story');
	keep('story', story, Boolean(story && SLUG.test(story)), story ?? undefined);
	const chapter = params.get('chapter');
	keep('chapter', chapter, /^[1-9]\d{0,2}$/.test(chapter ?? ''), Number(chapter));
	return state;
}

/** A real calendar date: 2020-02-30 is none, though Date.parse would roll it into March. */
function isDate(text: string): boolean {
	if (!DATE.test(text)) return false;
	const [y, m, d] = text.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const CAMERA = /(?:^#|&)map=([^&]*)/;
/** The deepest zoom a link may ask for: beyond any map's detail. */
const MAX_LINK_ZOOM = 24;

/** Reads the camera from a hash such as `#map=12/53.9/27.55`; a malformed one is named in `ignored`. */
export function parseCamera(hash: string, ignored: string[] = []): Camera | undefined {
	const value = CAMERA.exec(hash)?.[1];
	if (value === undefined) return undefined;
	const parts = value.split('/');
	// MapLibre writes a tiny coordinate as "1e-7"; a positive exponent is never a camera's.
	const [zoom, lat, lon] = parts.map((part) => (/^-?\d+(\.\d+)?(e-\d+)?$/.test(part) ? Number(part) : NaN));
	const valid =
		parts.length >= 3 &&
		parts.length <= 5 &&
		zoom! >= 0 &&
		zoom! <= MAX_LINK_ZOOM &&
		Math.abs(lat!) <= 85.06 &&
		Math.abs(lon!) <= 180;
	if (!valid) {
		ignored.push(`map=${quotedValue(decodeURIComponent(value))}`);
		return undefined;
	}
	return { center: [lon!, lat!], zoom: zoom! };
}

/**
 * The camera as a hash, `#map=zoom/lat/lon`: the zoom to a hundredth, the centre to as many
 * decimals as a pixel needs at that zoom (MapLibre's own rule). "" without a camera.
 */
export function cameraHash(camera: Camera | undefined): string {
	if (!camera) return '';
	const zoom = Math.round(camera.zoom * 100) / 100;
	const precision = Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
	// Fixed notation: String() would write a tiny latitude as "1e-8", which no reader takes.
	const round = (n: number) => {
		const fixed = n.toFixed(precision);
		const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
		return trimmed === '-0' ? '0' : trimmed;
	};
	return `#map=${zoom}/${round(camera.center[1])}/${round(camera.center[0])}`;
}

/** Reads the whole view state from an address: its search and its hash. */
export function parseViewLocation(location: { search: string; hash: string }, ignored: string[] = []): ViewState {
	const state = parseViewState(new URLSearchParams(location.search), ignored);
	const camera = parseCamera(location.hash, ignored);
	return camera ? { ...state, camera } : state;
}

/** Whether a state asks for the whole dataset: no filter, no selection, no story. */
export const isWholeDataset = ({ from, to, types, status, stance, min, place, city, story }: ViewState): boolean =>
	[from, to, types, status, stance, min, place, city, story].every((value) => value === undefined);

/** Writes the whole view state as the search and hash of an address. */
export const viewStateAddress = (state: ViewState): string => `${viewStateSearch(state)}${cameraHash(state.camera)}`;

/** Writes the state as a search string ("?place=…&from=…"), in a stable order; "" when empty. */
export function viewStateSearch(state: ViewState): string {
	const params = new URLSearchParams();
	if (state.data) params.set('data', state.data);
	if (state.story) {
		// A chapter's link names the chapter; its view comes with it.
		params.set('story', state.story);
		params.set('chapter', String(state.chapter ?? 1));
		if (state.lang) params.set('lang', state.lang);
		return `?${params.toString()}`;
	}
	if (state.place) params.set('place', state.place);
	if (state.city) params.set('city', state.city);
	if (state.from) params.set('from', state.from);
	if (state.to) params.set('to', state.to);
	if (state.types) params.set('types', state.types.join(','));
	if (state.status) params.set('status', state.status.join(','));
	if (state.stance) params.set('stance', state.stance.join(','));
	if (state.min) params.set('min', String(state.min));
	if (state.lang) params.set('lang', state.lang);
	const search = params.toString().replace(/%2C/g, ',');
	return search ? `?${search}` : '';
}
