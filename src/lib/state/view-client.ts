/**
 * The page's side of the view model's worker. The worker holds the events; the page opens a
 * dataset there, sends the reader's choices, and receives the view, and the whole events (texts
 * and sources) of those it shows or exports.
 */
import type { DatasetOutline } from '$lib/data/atlas-data';
import type { EventDetailsSource } from '$lib/data/details';
import type { EventFilter } from '$lib/data/filter';
import type { Candidate, GeocodeResult } from '$lib/data/geocoder';
import type { PublishedDataset } from '$lib/data/published';
import type { Place, ProtestEvent } from '$lib/data/schema';
import { unpackAnswer, type PackedAnswer, type ViewAnswer } from '$lib/data/view/packing';
import type { ViewRequest } from '$lib/data/view/view-model';

/**
 * The markers as the map takes them: each collection as the address of a JSON blob that the
 * worker wrote (MapLibre's own workers read it, so the features never pass through the page), or
 * as the collection itself; and the ids of the places and cities drawn.
 */
export type { MarkerSources, ViewAnswer } from '$lib/data/view/packing';

/** A dataset for the worker: the address of a published index, which it reads itself, or a reader's own file. */
export type ViewSource = { url: string } | { dataset: PublishedDataset };

export type ViewMessage =
	| { kind: 'open'; generation: number; source: ViewSource }
	| { kind: 'view'; generation: number; seq: number; request: ViewRequest }
	| { kind: 'events'; generation: number; id: number; ids: string[] }
	| { kind: 'export'; generation: number; id: number; filter: EventFilter }
	| { kind: 'suggest'; generation: number; id: number; text: string; limit: number }
	| { kind: 'geocode'; generation: number; id: number; text: string }
	| { kind: 'prepare-search'; generation: number };

export type ViewReply =
	/** A part of the opened dataset's places, ahead of its outline (see outlineInParts). */
	| { kind: 'places'; generation: number; places: Place[] }
	| { kind: 'opened'; generation: number; outline: DatasetOutline }
	| { kind: 'update'; generation: number; seq: number; update: PackedAnswer }
	| { kind: 'events'; generation: number; id: number; events: ProtestEvent[] }
	| { kind: 'found'; generation: number; id: number; found: Candidate[] | GeocodeResult }
	| { kind: 'error'; generation: number; id?: number; message: string };

export interface ViewClient {
	/** Opens a dataset, or gives the outline of the one open if it has the same address. */
	open(source: ViewSource): Promise<DatasetOutline>;
	request(request: ViewRequest): void;
	/** Called with each answer about the dataset open now. */
	listen(onupdate: (update: ViewAnswer, generation: number) => void): () => void;
	/** Resolves once the worker has answered the latest request (or failed). */
	settled(): Promise<void>;
	/** The whole events shown under these filters, e.g. for an export. */
	exportEvents(filter: EventFilter): Promise<ProtestEvent[]>;
	/** The whole events, texts and sources included, asked of the worker. */
	details: EventDetailsSource;
	/** Whole events by id, e.g. those a story's chapter cites. */
	eventsById(ids: readonly string[]): Promise<ProtestEvent[]>;
	/** Place search over the open dataset's places, in the worker. */
	finder: PlaceFinder;
}

/** The geocoder (data/geocoder.ts) of the open dataset, asked across threads. */
export interface PlaceFinder {
	suggest(text: string, limit: number): Promise<Candidate[]>;
	geocode(text: string): Promise<GeocodeResult>;
	/** Builds the search index ahead of the first query, e.g. when the search box is focused. */
	prepare(): void;
}

type Port = Pick<Worker, 'postMessage' | 'addEventListener'>;

/** Places per message: each part is read by the page in a task of its own, none of them long. */
const PLACES_PER_MESSAGE = 2000;

/**
 * The outline of an opened dataset as the worker sends it: its places in parts, then the rest.
 * A million events' 50,000 places, sent whole, held the page for several hundred milliseconds
 * while it read the one message.
 */
export function outlineInParts(outline: DatasetOutline, generation: number, size = PLACES_PER_MESSAGE): ViewReply[] {
	const { places } = outline.file;
	const parts: ViewReply[] = [];
	for (let start = 0; start < places.length; start += size)
		parts.push({ kind: 'places', generation, places: places.slice(start, start + size) });
	parts.push({ kind: 'opened', generation, outline: { ...outline, file: { ...outline.file, places: [] } } });
	return parts;
}

export function createViewClient(worker: Port): ViewClient {
	let generation = 0;
	let opened: { url?: string; outline: Promise<DatasetOutline> } | undefined;
	let opening: { resolve: (outline: DatasetOutline) => void; reject: (error: Error) => void } | undefined;
	let sent = 0;
	let answered = 0;
	let waiting: (() => void)[] = [];
	let nextId = 0;
	const asked = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
	const listeners = new Set<(update: ViewAnswer, generation: number) => void>();
	const post = (message: ViewMessage) => worker.postMessage(message);
	/** The places of the dataset being opened, as their parts arrive. */
	let arriving: Place[] = [];

	worker.addEventListener('message', ((event: MessageEvent<ViewReply>) => {
		const reply = event.data;
		if (reply.generation !== generation) return;
		if (reply.kind === 'places') arriving.push(...reply.places);
		else if (reply.kind === 'opened') {
			const places = arriving;
			arriving = [];
			opening?.resolve({ ...reply.outline, file: { ...reply.outline.file, places } });
		} else if (reply.kind === 'events') asked.get(reply.id)?.resolve(reply.events as never);
		else if (reply.kind === 'found') asked.get(reply.id)?.resolve(reply.found as never);
		else if (reply.kind === 'error') {
			if (reply.id !== undefined) asked.get(reply.id)?.reject(new Error(reply.message));
			else opening?.reject(new Error(reply.message));
		} else {
			const update = unpackAnswer(reply.update);
			for (const listener of listeners) listener(update, reply.generation);
		}
		if ('id' in reply && reply.id !== undefined) asked.delete(reply.id);
		// Whoever waits for the view sees it with this answer applied.
		if (reply.kind === 'update') answered = Math.max(answered, reply.seq);
		if (reply.kind === 'error' && reply.id === undefined) answered = sent;
		if (answered >= sent) {
			for (const resolve of waiting) resolve();
			waiting = [];
		}
	}) as EventListener);

	function ask<T>(message: (id: number) => ViewMessage): Promise<T> {
		const id = nextId++;
		return new Promise<T>((resolve, reject) => {
			asked.set(id, { resolve: resolve as (value: never) => void, reject });
			post(message(id));
		});
	}

	const client: ViewClient = {
		open(source) {
			const url = 'url' in source ? source.url : undefined;
			if (opened && url && opened.url === url) return opened.outline;
			const gone = new Error('Another dataset was opened.');
			opening?.reject(gone);
			for (const pending of asked.values()) pending.reject(gone);
			asked.clear();
			generation++;
			arriving = [];
			const outline = new Promise<DatasetOutline>((resolve, reject) => (opening = { resolve, reject }));
			opened = { ...(url ? { url } : {}), outline };
			post({ kind: 'open', generation, source });
			return outline;
		},
		request(request) {
			post({ kind: 'view', generation, seq: ++sent, request });
		},
		listen(onupdate) {
			listeners.add(onupdate);
			return () => listeners.delete(onupdate);
		},
		settled() {
			return answered >= sent ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
		},
		exportEvents(filter) {
			return ask((id) => ({ kind: 'export', generation, id, filter }));
		},
		eventsById: (ids) => ask((id) => ({ kind: 'events', generation, id, ids: [...ids] })),
		details: {
			of: async (event) =>
				(await ask<ProtestEvent[]>((id) => ({ kind: 'events', generation, id, ids: [event.id] })))[0]!,
			all: (events) => ask((id) => ({ kind: 'events', generation, id, ids: events.map((e) => e.id) }))
		},
		finder: {
			suggest: (text, limit) => ask((id) => ({ kind: 'suggest', generation, id, text, limit })),
			geocode: (text) => ask((id) => ({ kind: 'geocode', generation, id, text })),
			prepare: () => post({ kind: 'prepare-search', generation })
		}
	};
	return client;
}

let shared: ViewClient | undefined;

/** The page's one view worker, started on first use: early, so that it reads the data while MapLibre loads. */
export function viewClient(): ViewClient {
	shared ??= createViewClient(new Worker(new URL('./view.worker.ts', import.meta.url), { type: 'module' }));
	return shared;
}
