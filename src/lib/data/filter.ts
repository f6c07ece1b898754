/** The one filtered view of the events that the map, lists, legend and timeline all show. */
import { crowdBounds } from './aggregate';
import type { IndexedEvent } from './schema';
import { EVENT_TYPE_IDS, STANCES, type EventType } from './vocabulary';

export const STATUSES = ['reported', 'announced', 'called'] as const;
export type Status = (typeof STATUSES)[number];

/** Sides a reader can filter by: the stances, and `unknown` for events without one. */
export const STANCE_FILTERS = [...STANCES, 'unknown'] as const;
export type StanceFilter = (typeof STANCE_FILTERS)[number];

/** The types shown once one is toggled: unset again when every type is shown. */
export function typesToggled(shown: readonly EventType[] | undefined, type: EventType): EventType[] | undefined {
	const current = shown ?? EVENT_TYPE_IDS;
	const next = current.includes(type) ? current.filter((t) => t !== type) : [...current, type];
	return next.length === EVENT_TYPE_IDS.length ? undefined : next;
}

/** The filters a reader sets; unset means everything. */
export interface EventFilter {
	/** First and last dates shown (YYYY-MM-DD). */
	from?: string;
	to?: string;
	types?: EventType[];
	status?: Status[];
	stance?: StanceFilter[];
	/** Smallest crowd (upper estimate) shown; unset means every event, unknown sizes included. */
	min?: number;
}

/** First and last local dates of an event (a one-day event starts and ends on the same date). */
export function eventDays(event: IndexedEvent): { first: string; last: string } {
	const first = event.when.start.slice(0, 10);
	return { first, last: (event.when.end ?? event.when.start).slice(0, 10) };
}

/** Whether an event passes every filter except the place and city selection. */
function matchesFilters(event: IndexedEvent, state: EventFilter): boolean {
	const { first, last } = eventDays(event);
	if (state.from && last < state.from) return false;
	if (state.to && first > state.to) return false;
	if (state.types && !state.types.includes(event.type)) return false;
	if (state.status && !state.status.includes(event.status)) return false;
	if (state.stance && !state.stance.includes(event.stance ?? 'unknown')) return false;
	if (state.min) {
		const bounds = crowdBounds(event.crowd);
		if (!bounds || bounds.high < state.min) return false;
	}
	return true;
}

export function filterEvents<E extends IndexedEvent>(events: readonly E[], state: EventFilter): E[] {
	return events.filter((event) => matchesFilters(event, state));
}
