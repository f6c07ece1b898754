/// <reference lib="webworker" />
/**
 * The view model's thread: it reads the dataset's index (or takes the reader's own file), and
 * answers each request with the parts of the view that changed. Requests that arrive while it
 * works are merged: only the latest is answered.
 */
import { checkPublishedShape } from '$lib/data/published';
import { createViewModel, type ViewData, type ViewRequest, type ViewUpdate } from './view-model';
import type { ViewMessage, ViewReply } from './view-client';

let model: ((request: ViewRequest) => ViewUpdate) | undefined;
let loaded: Promise<void> | undefined;
let generation = -1;
let pending: Extract<ViewMessage, { kind: 'view' }> | undefined;
let scheduled = false;

const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const reply = (message: ViewReply) => scope.postMessage(message);

async function readIndex(url: string): Promise<ViewData> {
	const response = await fetch(url, { credentials: 'omit' });
	if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
	const file = checkPublishedShape(await response.json());
	return { events: file.events, places: file.places, dateRange: file.dateRange };
}

function answer() {
	scheduled = false;
	const next = pending;
	pending = undefined;
	if (!next || next.generation !== generation || !loaded) return;
	void loaded.then(() => {
		if (!model || next.generation !== generation) return;
		try {
			reply({ kind: 'update', generation, seq: next.seq, update: model(next.request) });
		} catch (error) {
			reply({ kind: 'error', generation, message: error instanceof Error ? error.message : String(error) });
		}
	});
}

scope.onmessage = (event: MessageEvent<ViewMessage>) => {
	const message = event.data;
	if (message.kind === 'load') {
		generation = message.generation;
		model = undefined;
		const source = message.source;
		loaded = ('url' in source ? readIndex(source.url) : Promise.resolve(source.data)).then(
			(data) => {
				if (message.generation === generation) model = createViewModel(data);
			},
			(error: unknown) =>
				reply({
					kind: 'error',
					generation: message.generation,
					message: error instanceof Error ? error.message : String(error)
				})
		);
		return;
	}
	pending = message;
	// Answer once the messages already queued are read, so that a burst of steps costs one answer.
	if (!scheduled) {
		scheduled = true;
		setTimeout(answer, 0);
	}
};
