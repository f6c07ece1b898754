/**
 * What the reader has chosen, as URL search parameters, so that a copied link reopens it.
 * The map view itself lives in the hash (#map=zoom/lat/lon), kept by MapLibre.
 */
import { STATUSES, type EventFilter } from '$lib/data/filter';
import { EVENT_TYPE_IDS } from '$lib/data/schema';

export { STATUSES, type Status } from '$lib/data/filter';

/** Languages the map's labels can be read in. */
export type LabelLanguage = 'en' | 'be' | 'ru';

export interface ViewState extends EventFilter {
	/** Published dataset, by slug; unset means the default. Checked against the index before use. */
	data?: string;
	/** Selected place id. */
	place?: string;
	/** Selected city id. */
	city?: string;
	/** Language of the map's labels; unset means English. */
	lang?: Exclude<LabelLanguage, 'en'>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined {
	if (value === null) return undefined;
	const items = value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
	return [...new Set(items)];
}

/** Reads the state from search parameters, ignoring anything malformed. */
export function parseViewState(params: URLSearchParams): ViewState {
	const state: ViewState = {};
	const data = params.get('data');
	if (data !== null) state.data = data;
	const place = params.get('place');
	if (place && SLUG.test(place)) state.place = place;
	const city = params.get('city');
	if (city && SLUG.test(city)) state.city = city;
	const from = params.get('from');
	if (from && DATE.test(from)) state.from = from;
	const to = params.get('to');
	if (to && DATE.test(to)) state.to = to;
	if (state.from && state.to && state.from > state.to) [state.from, state.to] = [state.to, state.from];
	const types = list(params.get('types'), EVENT_TYPE_IDS);
	if (types) state.types = types;
	const status = list(params.get('status'), STATUSES);
	if (status) state.status = status;
	const min = Number(params.get('min'));
	if (params.has('min') && Number.isInteger(min) && min > 0) state.min = min;
	const lang = params.get('lang');
	if (lang === 'be' || lang === 'ru') state.lang = lang;
	return state;
}

/** Writes the state as a search string ("?place=…&from=…"), in a stable order; "" when empty. */
export function viewStateSearch(state: ViewState): string {
	const params = new URLSearchParams();
	if (state.data) params.set('data', state.data);
	if (state.place) params.set('place', state.place);
	if (state.city) params.set('city', state.city);
	if (state.from) params.set('from', state.from);
	if (state.to) params.set('to', state.to);
	if (state.types) params.set('types', state.types.join(','));
	if (state.status) params.set('status', state.status.join(','));
	if (state.min) params.set('min', String(state.min));
	if (state.lang) params.set('lang', state.lang);
	const search = params.toString().replace(/%2C/g, ',');
	return search ? `?${search}` : '';
}
