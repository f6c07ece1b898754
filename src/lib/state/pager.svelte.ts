import { EVENTS_PER_PAGE } from './paging';

/**
 * How many events a panel shows: a page, then a page more each time the reader asks, starting
 * afresh when the panel shows another place or city (`key`).
 */
export function createPager(key: () => string) {
	let expanded = $state({ key: '', limit: EVENTS_PER_PAGE });
	const limit = $derived(expanded.key === key() ? expanded.limit : EVENTS_PER_PAGE);
	return {
		get limit() {
			return limit;
		},
		more() {
			expanded = { key: key(), limit: limit + EVENTS_PER_PAGE };
		}
	};
}
