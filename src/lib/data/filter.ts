/** The one filtered view of the events that the map, lists, legend and timeline all show. */
import type { ViewState } from '$lib/state/url-state';
import { crowdBounds } from './aggregate';
import type { ProtestEvent } from './schema';

/** First and last local dates of an event (a one-day event starts and ends on the same date). */
export function eventDays(event: ProtestEvent): { first: string; last: string } {
	const first = event.when.start.slice(0, 10);
	return { first, last: (event.when.end ?? event.when.start).slice(0, 10) };
}

/** Whether an event passes every filter except the place and city selection. */
export function matchesFilters(event: ProtestEvent, state: ViewState): boolean {
	const { first, last } = eventDays(event);
	if (state.from && last < state.from) return false;
	if (state.to && first > state.to) return false;
	if (state.types && !state.types.includes(event.type)) return false;
	if (state.status && !state.status.includes(event.status)) return false;
	if (state.min) {
		const bounds = crowdBounds(event.crowd);
		if (!bounds || bounds.high < state.min) return false;
	}
	return true;
}

export function filterEvents(events: readonly ProtestEvent[], state: ViewState): ProtestEvent[] {
	return events.filter((event) => matchesFilters(event, state));
}
