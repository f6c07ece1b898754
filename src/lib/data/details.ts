/**
 * Event details (titles, descriptions, sources) kept apart from the index of a large published
 * dataset, in chunks of consecutive events: `<slug>.details/<n>.json` holds events
 * `n × chunkSize` to `(n + 1) × chunkSize − 1`, in the index's order. A panel asks for the
 * details of the events it shows, and only their chunks are fetched, each at most once.
 */
import type { EventDetails, IndexedEvent, ProtestEvent } from './schema';
import { EVENT_DETAIL_FIELDS } from './vocabulary';

/** How a published index says where its details are. */
export interface DetailsOutline {
	chunkSize: number;
	chunks: number;
}

export interface DetailsChunk {
	events: EventDetails[];
}

/** The details of an event: at hand for a complete dataset, fetched for a split one. */
export interface EventDetailsSource {
	of(event: IndexedEvent): ProtestEvent | Promise<ProtestEvent>;
	/** Whole events for these, e.g. for an export; fetches every chunk they need. */
	all(events: readonly IndexedEvent[]): Promise<ProtestEvent[]>;
}

/** The events' details apart from their index, in chunks of `chunkSize`. */
export function splitDetails(
	events: readonly ProtestEvent[],
	chunkSize: number
): { index: IndexedEvent[]; chunks: DetailsChunk[]; outline: DetailsOutline } {
	const index: IndexedEvent[] = [];
	const chunks: DetailsChunk[] = [];
	events.forEach((event, i) => {
		const indexed: Record<string, unknown> = { ...event };
		const details: Record<string, unknown> = {};
		for (const field of EVENT_DETAIL_FIELDS) {
			if (field in event) details[field] = event[field];
			delete indexed[field];
		}
		index.push(indexed as IndexedEvent);
		(chunks[Math.floor(i / chunkSize)] ??= { events: [] }).events.push(details as EventDetails);
	});
	return { index, chunks, outline: { chunkSize, chunks: chunks.length } };
}

/** Details that travel with the events: a complete dataset, or a file the reader opened. */
export function detailsAtHand(): EventDetailsSource {
	return {
		of: (event) => event as ProtestEvent,
		all: async (events) => events as ProtestEvent[]
	};
}

/** Details fetched by chunk on demand; `fetchChunk(n)` returns the parsed JSON of chunk n. */
export function detailsFromChunks(
	events: readonly IndexedEvent[],
	outline: DetailsOutline,
	fetchChunk: (n: number) => Promise<unknown>
): EventDetailsSource {
	// Made when a panel first asks: at a million events it costs most of a second, and many readers never open one.
	let position: Map<string, number> | undefined;
	const positionOf = (id: string) => (position ??= new Map(events.map((event, i) => [event.id, i]))).get(id);
	const chunks = new Map<number, Promise<EventDetails[]>>();
	const whole = new Map<string, ProtestEvent>();

	function chunk(n: number): Promise<EventDetails[]> {
		let pending = chunks.get(n);
		if (!pending) {
			pending = fetchChunk(n).then((value) => {
				const list = (value as Partial<DetailsChunk> | null)?.events;
				const expected = Math.min(outline.chunkSize, events.length - n * outline.chunkSize);
				if (!Array.isArray(list) || list.length !== expected)
					throw new Error(`Details file ${n} does not match the dataset: expected ${expected} events.`);
				return list;
			});
			// A failed fetch may be retried, e.g. once the network is back.
			pending.catch(() => chunks.delete(n));
			chunks.set(n, pending);
		}
		return pending;
	}

	async function of(event: IndexedEvent): Promise<ProtestEvent> {
		const known = whole.get(event.id);
		if (known) return known;
		const i = positionOf(event.id);
		if (i === undefined) throw new Error(`Event ${event.id} is not in this dataset.`);
		const details = (await chunk(Math.floor(i / outline.chunkSize)))[i % outline.chunkSize]!;
		const full = { ...event, ...details } as ProtestEvent;
		whole.set(event.id, full);
		return full;
	}

	return {
		of: (event) => whole.get(event.id) ?? of(event),
		all: (list) => Promise.all(list.map(of))
	};
}
