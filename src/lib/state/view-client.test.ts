import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitDetails } from '$lib/data/details';
import { filterEvents } from '$lib/data/filter';
import { createGeocoder, type Candidate } from '$lib/data/geocoder';
import { detailsPath, type PublishedDataset } from '$lib/data/published';
import { unpackAnswer } from '$lib/data/view/packing';
import { createViewModel } from '$lib/data/view/view-model';
import { outlineOf } from '$lib/data/atlas-data';
import { createViewClient, outlineInParts, type ViewAnswer, type ViewMessage, type ViewReply } from './view-client';

const published = () => JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedDataset;
const INDEX_URL = 'https://atlas.example/data/belarus-2020-08.json';

/** A stand-in for the worker: it keeps what the page posts and lets a test reply. */
function fakeWorker() {
	const posted: ViewMessage[] = [];
	const listeners = new Set<(event: MessageEvent<ViewReply>) => void>();
	return {
		posted,
		postMessage: (message: ViewMessage) => posted.push(message),
		addEventListener: (_: string, listener: (event: MessageEvent<ViewReply>) => void) => listeners.add(listener),
		reply: (message: ViewReply) => listeners.forEach((l) => l({ data: message } as MessageEvent<ViewReply>))
	};
}

describe('the view client', () => {
	it('opens a published index once, and ignores answers about a dataset it has left', async () => {
		const worker = fakeWorker();
		const client = createViewClient(worker as unknown as Worker);
		const updates: ViewAnswer[] = [];
		client.listen((u) => updates.push(u));
		const first = client.open({ url: INDEX_URL });
		expect(client.open({ url: INDEX_URL })).toBe(first);
		expect(worker.posted.filter((m) => m.kind === 'open')).toHaveLength(1);
		const old = worker.posted[0]!.generation;
		void client.open({ dataset: published() });
		await expect(first).rejects.toThrow('Another dataset');
		client.request({ zoom: 6, language: 'en' });
		const current = worker.posted.at(-1)!.generation;
		expect(current).not.toBe(old);
		worker.reply({ kind: 'update', generation: old, seq: 1, update: { shownCount: 1 } });
		worker.reply({ kind: 'update', generation: current, seq: 1, update: { shownCount: 2 } });
		expect(updates).toEqual([{ shownCount: 2 }]);
	});

	it('receives an outline in parts, its places whole and in order, and drops the parts of a dataset it has left', async () => {
		const outline = outlineOf(published());
		const parts = outlineInParts(outline, 0, 7);
		expect(parts.length).toBe(Math.ceil(outline.file.places.length / 7) + 1);
		expect(parts.every((p) => p.kind !== 'places' || p.places.length <= 7)).toBe(true);
		const worker = fakeWorker();
		const client = createViewClient(worker as unknown as Worker);
		const left = client.open({ url: INDEX_URL });
		const old = worker.posted.at(-1)!.generation;
		// Half of the first dataset's parts arrive; then the reader opens another.
		for (const part of outlineInParts(outline, old, 7).slice(0, 3)) worker.reply(part);
		const opening = client.open({ dataset: published() });
		await expect(left).rejects.toThrow('Another dataset');
		const current = worker.posted.at(-1)!.generation;
		for (const part of outlineInParts(outline, old, 7)) worker.reply(part);
		for (const part of outlineInParts(outline, current, 7)) worker.reply(part);
		expect(await opening).toEqual(outline);
	});

	it('is settled once the latest request is answered', async () => {
		const worker = fakeWorker();
		const client = createViewClient(worker as unknown as Worker);
		void client.open({ dataset: published() });
		await client.settled();
		client.request({ zoom: 6, language: 'en' });
		client.request({ zoom: 6, language: 'en', types: [] });
		let settled = false;
		void client.settled().then(() => (settled = true));
		const generation = worker.posted[0]!.generation;
		worker.reply({ kind: 'update', generation, seq: 1, update: {} });
		await Promise.resolve();
		expect(settled).toBe(false);
		worker.reply({ kind: 'update', generation, seq: 2, update: {} });
		await Promise.resolve();
		expect(settled).toBe(true);
	});
});

describe('the view worker', () => {
	const scope = globalThis as unknown as {
		onmessage?: (event: MessageEvent<ViewMessage>) => void;
		postMessage?: (message: ViewReply) => void;
	};
	afterEach(() => {
		delete scope.onmessage;
		delete scope.postMessage;
		vi.unstubAllGlobals();
		vi.resetModules();
	});

	/** The worker module, run in this thread, talking to a real client. */
	async function startWorker() {
		const replies: ViewReply[] = [];
		const listeners = new Set<(event: MessageEvent<ViewReply>) => void>();
		scope.postMessage = (message) => {
			replies.push(message);
			// Structured clone, as between threads: nothing is shared.
			const copy = structuredClone(message);
			setTimeout(() => listeners.forEach((l) => l({ data: copy } as MessageEvent<ViewReply>)));
		};
		await import('./view.worker');
		const send = (message: ViewMessage) =>
			scope.onmessage!({ data: structuredClone(message) } as MessageEvent<ViewMessage>);
		const client = createViewClient({
			postMessage: (message: ViewMessage) => setTimeout(() => send(message)),
			addEventListener: (_: string, listener: EventListener) => listeners.add(listener)
		} as unknown as Worker);
		return { replies, send, client };
	}

	it('answers only the latest of the requests that arrive while it works', async () => {
		const { replies, send } = await startWorker();
		send({ kind: 'open', generation: 1, source: { dataset: published() } });
		send({ kind: 'view', generation: 1, seq: 1, request: { zoom: 6, language: 'en' } });
		send({ kind: 'view', generation: 1, seq: 2, request: { zoom: 6, language: 'en', types: ['strike'] } });
		send({ kind: 'view', generation: 1, seq: 3, request: { zoom: 6, language: 'en', types: ['rally'] } });
		// The answer, then the place markers it left for later (the map is far out): both for the latest step.
		await vi.waitFor(() => expect(replies.filter((r) => r.kind === 'update')).toHaveLength(2));
		await new Promise((resolve) => setTimeout(resolve, 20));
		const updates = replies.filter((r) => r.kind === 'update');
		expect(updates).toHaveLength(2);
		expect(updates.map((u) => u.seq)).toEqual([3, 3]);
		expect(updates[0]!.update.shownCount).toBe(published().events.filter((e) => e.type === 'rally').length);
		expect(Object.keys(updates[1]!.update)).toEqual(['markers']);
		const expected = createViewModel(published())({ zoom: 6, language: 'en', types: ['rally'] }).markers!;
		expect(await (await fetch(String(updates[1]!.update.markers!.places))).json()).toEqual(expected.places);
		expect(updates[1]!.update.markers!.cities).toBe(updates[0]!.update.markers!.cities);
	});

	it('hands the map its markers as JSON blobs, writing a collection again only when it changed', async () => {
		const { replies, send } = await startWorker();
		const dataset = published();
		const request = { zoom: 10, language: 'en' };
		send({ kind: 'open', generation: 1, source: { dataset } });
		send({ kind: 'view', generation: 1, seq: 1, request });
		await vi.waitFor(() => expect(replies.some((r) => r.kind === 'update')).toBe(true));
		send({ kind: 'view', generation: 1, seq: 2, request: { ...request, zoom: 12 } });
		await vi.waitFor(() => expect(replies.filter((r) => r.kind === 'update')).toHaveLength(2));
		const answers = replies.filter((r) => r.kind === 'update').map((r) => r.update);
		const [first, second] = answers.map((a) => unpackAnswer(a).markers!);
		const model = createViewModel(dataset)(request);
		const expected = model.markers!;
		// The cities list crosses packed, and is unpacked as the view model made it.
		expect(answers[0]!.cities!.numbers).toBeInstanceOf(Float64Array);
		expect(unpackAnswer(answers[0]!).cities).toEqual(model.cities);
		const read = async (url: unknown) => (await fetch(String(url))).json();
		expect(String(first!.places)).toMatch(/^blob:/);
		expect(await read(first!.places)).toEqual(expected.places);
		expect(await read(first!.cities)).toEqual(expected.cities);
		expect(first!.cityIds).toEqual(expected.cities.features.map((f) => f.properties.id));
		expect(second!.cities).toBe(first!.cities);
		expect(second!.places).not.toBe(first!.places);
	});

	it('reads a split index, and fetches the texts and sources of the events asked for, by chunk', async () => {
		const { client } = await startWorker();
		const dataset = published();
		const { index, chunks, outline } = splitDetails(dataset.events, 10);
		const fetched: string[] = [];
		vi.stubGlobal('fetch', async (url: string) => {
			fetched.push(url);
			if (url === INDEX_URL) return Response.json({ ...dataset, events: index, details: outline });
			const n = chunks.findIndex((_, i) => url === new URL(detailsPath(dataset.slug, i), INDEX_URL).href);
			return n >= 0 ? Response.json(chunks[n]) : new Response('', { status: 404, statusText: 'Not Found' });
		});
		const opened = await client.open({ url: INDEX_URL });
		expect(opened.eventCount).toBe(dataset.events.length);
		expect(opened.file.places).toEqual(dataset.places);
		expect(opened.file).not.toHaveProperty('events');
		const last = index.at(-1)!;
		expect(await client.details.of(last)).toEqual(dataset.events.at(-1));
		expect(fetched).toEqual([INDEX_URL, new URL(detailsPath(dataset.slug, chunks.length - 1), INDEX_URL).href]);
		const strikes = await client.exportEvents({ types: ['strike'] });
		expect(strikes).toEqual(filterEvents(dataset.events, { types: ['strike'] }));
	});

	it('searches the open dataset’s places, as the geocoder does', async () => {
		const { client } = await startWorker();
		const dataset = published();
		await client.open({ dataset });
		client.finder.prepare();
		const geocoder = createGeocoder(dataset.places);
		const ids = (found: Candidate[]) => found.map((c) => c.place.id);
		for (const text of ['mins', 'Пушкінская', 'grodn'])
			expect(ids(await client.finder.suggest(text, 8))).toEqual(ids(geocoder.suggest(text, 8)));
		const found = await client.finder.geocode('Minsk');
		expect(found).toEqual(geocoder.geocode('Minsk'));
		expect(found.status).toBe('match');
	});

	it('says so when the index cannot be read', async () => {
		const { client } = await startWorker();
		vi.stubGlobal('fetch', async () => Response.json({ format: 'something else' }));
		await expect(client.open({ url: INDEX_URL })).rejects.toThrow('not a Protest Atlas dataset');
	});
});
