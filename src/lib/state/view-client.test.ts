import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublishedDataset } from '$lib/data/published';
import { createViewClient, type ViewMessage, type ViewReply } from './view-client';
import type { ViewUpdate } from './view-model';

const published = JSON.parse(readFileSync('static/data/belarus-2020-08.json', 'utf8')) as PublishedDataset;
const data = { events: published.events, places: published.places, dateRange: published.dateRange };

/** A stand-in for the worker: it keeps what the page posts and lets a test reply. */
function fakeWorker() {
	const posted: ViewMessage[] = [];
	const listeners = new Set<(event: MessageEvent<ViewReply>) => void>();
	return {
		posted,
		postMessage: (message: ViewMessage) => posted.push(message),
		addEventListener: (_: string, listener: (event: MessageEvent<ViewReply>) => void) => listeners.add(listener),
		removeEventListener: (_: string, listener: (event: MessageEvent<ViewReply>) => void) => listeners.delete(listener),
		reply: (message: ViewReply) => listeners.forEach((l) => l({ data: message } as MessageEvent<ViewReply>))
	};
}

describe('the view client', () => {
	it('reads a published index once, and ignores answers about a dataset it has left', () => {
		const worker = fakeWorker();
		const client = createViewClient(worker as unknown as Worker);
		const updates: ViewUpdate[] = [];
		client.listen((u) => updates.push(u), vi.fn());
		client.load({ url: 'https://atlas.example/data/a.json' });
		client.load({ url: 'https://atlas.example/data/a.json' });
		expect(worker.posted.filter((m) => m.kind === 'load')).toHaveLength(1);
		const old = (worker.posted[0] as Extract<ViewMessage, { kind: 'load' }>).generation;
		client.load({ data });
		client.request({ zoom: 6, language: 'en' });
		const current = worker.posted.at(-1)!.generation;
		expect(current).not.toBe(old);
		worker.reply({ kind: 'update', generation: old, seq: 1, update: { shownCount: 1 } });
		worker.reply({ kind: 'update', generation: current, seq: 1, update: { shownCount: 2 } });
		expect(updates).toEqual([{ shownCount: 2 }]);
	});

	it('is settled once the latest request is answered', async () => {
		const worker = fakeWorker();
		const client = createViewClient(worker as unknown as Worker);
		client.load({ data });
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
		vi.resetModules();
	});

	async function startWorker() {
		const replies: ViewReply[] = [];
		scope.postMessage = (message) => replies.push(message);
		await import('./view.worker');
		const send = (message: ViewMessage) => scope.onmessage!({ data: message } as MessageEvent<ViewMessage>);
		return { replies, send };
	}

	it('answers only the latest of the requests that arrive while it works', async () => {
		const { replies, send } = await startWorker();
		send({ kind: 'load', generation: 1, source: { data } });
		send({ kind: 'view', generation: 1, seq: 1, request: { zoom: 6, language: 'en' } });
		send({ kind: 'view', generation: 1, seq: 2, request: { zoom: 6, language: 'en', types: ['strike'] } });
		send({ kind: 'view', generation: 1, seq: 3, request: { zoom: 6, language: 'en', types: ['rally'] } });
		await vi.waitFor(() => expect(replies).toHaveLength(1));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(replies).toHaveLength(1);
		const reply = replies[0] as Extract<ViewReply, { kind: 'update' }>;
		expect(reply.seq).toBe(3);
		expect(reply.update.shownCount).toBe(published.events.filter((e) => e.type === 'rally').length);
	});

	it('says so when the index cannot be read', async () => {
		const { replies, send } = await startWorker();
		vi.stubGlobal('fetch', async () => new Response('{"format":"something else"}'));
		send({ kind: 'load', generation: 3, source: { url: 'https://atlas.example/data/a.json' } });
		await vi.waitFor(() => expect(replies).toHaveLength(1));
		expect(replies[0]).toMatchObject({ kind: 'error', generation: 3 });
		vi.unstubAllGlobals();
	});
});
