/// <reference lib="webworker" />
/**
 * The view model's thread. It holds the events of the open dataset: it reads a published index
 * itself (or takes the reader's own file), answers each request with the parts of the view that
 * changed, and hands out whole events, fetching their texts and sources as published. Requests
 * that arrive while it works are merged: only the latest is answered.
 */
import { outlineOf } from '$lib/data/atlas-data';
import { detailsAtHand, detailsFromChunks, type EventDetailsSource } from '$lib/data/details';
import { createGeocoder, type Geocoder } from '$lib/data/geocoder';
import { cachedIndexById } from '$lib/data/lookup';
import { checkPublishedShape, detailsPath, type PublishedIndexFile } from '$lib/data/published-shape';
import type { IndexedEvent } from '$lib/data/schema';
import type { FeatureCollection } from 'geojson';
import { packAnswer, type PackedAnswer } from '$lib/data/view/packing';
import { outlineInParts, type MarkerSources, type ViewMessage, type ViewReply, type ViewSource } from './view-client';
import {
	createViewModel,
	type AnswerOptions,
	type Markers,
	type ViewRequest,
	type ViewUpdate
} from '$lib/data/view/view-model';

interface Open {
	events: IndexedEvent[];
	model: ReturnType<typeof createViewModel>;
	details: EventDetailsSource;
	geocoder: Geocoder;
}

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const reply = (message: ViewReply) => scope.postMessage(message);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Blobs kept per marker source: the page may still be handing an older one to the map. */
const BLOBS_KEPT = 4;
const blobOf = new WeakMap<FeatureCollection, string>();
const blobs: Record<string, string[]> = {};

/** A collection as a JSON blob's address, written once per collection. */
function blob(source: string, collection: FeatureCollection): string {
	let url = blobOf.get(collection);
	if (url) return url;
	url = URL.createObjectURL(new Blob([JSON.stringify(collection)], { type: 'application/json' }));
	blobOf.set(collection, url);
	const kept = (blobs[source] ??= []);
	kept.push(url);
	if (kept.length > BLOBS_KEPT) URL.revokeObjectURL(kept.shift()!);
	return url;
}

const ids = (collection: FeatureCollection) => collection.features.map((f) => String(f.properties?.id));

function sources(markers: Markers): MarkerSources {
	return {
		places: blob('places', markers.places),
		cities: blob('cities', markers.cities),
		paths: blob('paths', markers.paths),
		proGovernment: blob('proGovernment', markers.proGovernment),
		cityIds: ids(markers.cities),
		placeIds: ids(markers.places)
	};
}

function toAnswer({ markers, ...rest }: ViewUpdate): PackedAnswer {
	return packAnswer(markers ? { ...rest, markers: sources(markers) } : rest);
}

let generation = -1;
let current: Promise<Open | undefined> = Promise.resolve(undefined);
let pending: Extract<ViewMessage, { kind: 'view' }> | undefined;
let scheduled = false;

async function fetchJson(url: string): Promise<unknown> {
	const response = await fetch(url, { credentials: 'omit' });
	if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
	return response.json();
}

async function read(source: ViewSource): Promise<{ file: PublishedIndexFile; details: EventDetailsSource }> {
	if ('dataset' in source) return { file: source.dataset, details: detailsAtHand() };
	const file = checkPublishedShape(await fetchJson(source.url));
	// A large dataset's texts and sources stay on the server until they are asked for.
	const details = file.details
		? detailsFromChunks(file.events, file.details, (n) =>
				fetchJson(new URL(detailsPath(file.slug, n), source.url).href)
			)
		: detailsAtHand();
	return { file, details };
}

function open(message: Extract<ViewMessage, { kind: 'open' }>) {
	generation = message.generation;
	current = read(message.source).then(
		({ file, details }) => {
			if (message.generation !== generation) return undefined;
			const opened: Open = {
				events: file.events,
				model: createViewModel({ events: file.events, places: file.places, dateRange: file.dateRange }),
				details,
				// Names are keyed on the first search, here rather than in the page.
				geocoder: createGeocoder(file.places)
			};
			for (const part of outlineInParts(outlineOf(file), message.generation)) reply(part);
			return opened;
		},
		(error: unknown) => {
			reply({ kind: 'error', generation: message.generation, message: reason(error) });
			return undefined;
		}
	);
}

function answer() {
	scheduled = false;
	const next = pending;
	pending = undefined;
	if (!next || next.generation !== generation) return;
	void current.then((opened) => {
		if (!opened || next.generation !== generation) return;
		// The first answer is always sent: the page counts it to know the view is settled.
		if (!sendUpdate(opened, next, { deferHidden: true }, true)) return;
		// What the reader cannot see yet is brought up to date after the answer, unless a newer step came.
		setTimeout(() => {
			if (!pending && next.generation === generation) sendUpdate(opened, next, {}, false);
		}, 0);
	});
}

/** Sends what a request changes (or why it failed); false if it failed. */
function sendUpdate(
	opened: Open,
	next: { seq: number; request: ViewRequest },
	options: AnswerOptions,
	always: boolean
) {
	try {
		const update = opened.model(next.request, options);
		if (always || Object.keys(update).length)
			reply({ kind: 'update', generation, seq: next.seq, update: toAnswer(update) });
		return true;
	} catch (error) {
		reply({ kind: 'error', generation, message: reason(error) });
		return false;
	}
}

/** Answers a question about the open dataset, or says why it could not be answered. */
async function answerAsked(
	message: { generation: number; id: number },
	answer: (opened: Open) => ViewReply | Promise<ViewReply>
) {
	const opened = await current;
	if (!opened || message.generation !== generation) return;
	try {
		reply(await answer(opened));
	} catch (error) {
		reply({ kind: 'error', generation, id: message.id, message: reason(error) });
	}
}

/** Whole events, for a panel (by id) or an export (by filters). */
function events(message: Extract<ViewMessage, { kind: 'events' | 'export' }>) {
	return answerAsked(message, async (opened) => {
		let chosen: IndexedEvent[];
		if (message.kind === 'export') chosen = opened.model.exportEvents(message.filter);
		else {
			// Made on the first panel's question, once per dataset.
			const byId = cachedIndexById(opened.events);
			chosen = message.ids.map((id) => {
				const event = byId.get(id);
				if (!event) throw new Error(`Event ${id} is not in this dataset.`);
				return event;
			});
		}
		return { kind: 'events', generation, id: message.id, events: await opened.details.all(chosen) };
	});
}

/** Place search, for the search box. */
function find(message: Extract<ViewMessage, { kind: 'suggest' | 'geocode' }>) {
	return answerAsked(message, ({ geocoder }) => ({
		kind: 'found',
		generation,
		id: message.id,
		found: message.kind === 'suggest' ? geocoder.suggest(message.text, message.limit) : geocoder.geocode(message.text)
	}));
}

scope.onmessage = (event: MessageEvent<ViewMessage>) => {
	const message = event.data;
	if (message.kind === 'open') open(message);
	else if (message.kind === 'suggest' || message.kind === 'geocode') void find(message);
	else if (message.kind === 'prepare-search')
		void current.then((opened) => {
			if (opened && message.generation === generation) opened.geocoder.prepare();
		});
	else if (message.kind === 'events' || message.kind === 'export') void events(message);
	else {
		pending = message;
		// Answer once the messages already queued are read, so that a burst of steps costs one answer.
		if (!scheduled) {
			scheduled = true;
			setTimeout(answer, 0);
		}
	}
};
