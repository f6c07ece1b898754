/**
 * The page's side of the view model's worker: it says which dataset and what the reader has
 * chosen, and hands on the worker's answers for the current dataset only.
 */
import type { ViewData, ViewRequest, ViewUpdate } from './view-model';

/** A dataset for the worker: the address of a published index, which it reads itself, or the data. */
export type ViewSource = { url: string } | { data: ViewData };

export type ViewMessage =
	| { kind: 'load'; generation: number; source: ViewSource }
	| { kind: 'view'; generation: number; seq: number; request: ViewRequest };

export type ViewReply =
	| { kind: 'update'; generation: number; seq: number; update: ViewUpdate }
	| { kind: 'error'; generation: number; message: string };

export interface ViewClient {
	/** Starts on a dataset, unless it is the one already loaded (the same address). */
	load(source: ViewSource): void;
	request(request: ViewRequest): void;
	/** Called with each answer, and with a message if the dataset could not be read. */
	listen(onupdate: (update: ViewUpdate) => void, onerror: (message: string) => void): () => void;
	/** Resolves once the worker has answered the latest request (or failed). */
	settled(): Promise<void>;
}

export function createViewClient(
	worker: Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener'>
): ViewClient {
	let generation = 0;
	let loadedUrl: string | undefined;
	let sent = 0;
	let answered = 0;
	let waiting: (() => void)[] = [];
	const release = () => {
		for (const resolve of waiting) resolve();
		waiting = [];
	};
	const listeners = new Set<(reply: ViewReply) => void>();
	worker.addEventListener('message', ((event: MessageEvent<ViewReply>) => {
		const reply = event.data;
		if (reply.generation !== generation) return;
		for (const listener of listeners) listener(reply);
		// Whoever waits for the view sees it with this answer applied.
		answered = reply.kind === 'update' ? Math.max(answered, reply.seq) : sent;
		if (answered >= sent) release();
	}) as EventListener);
	return {
		load(source) {
			if ('url' in source && source.url === loadedUrl) return;
			loadedUrl = 'url' in source ? source.url : undefined;
			generation++;
			worker.postMessage({ kind: 'load', generation, source } satisfies ViewMessage);
		},
		request(request) {
			worker.postMessage({ kind: 'view', generation, seq: ++sent, request } satisfies ViewMessage);
		},
		listen(onupdate, onerror) {
			const listener = (reply: ViewReply) =>
				reply.kind === 'update' ? onupdate(reply.update) : onerror(reply.message);
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		settled() {
			return answered >= sent ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
		}
	};
}

let shared: ViewClient | undefined;

/** The page's one view worker, started on first use: early, so that it reads the data while MapLibre loads. */
export function viewClient(): ViewClient {
	shared ??= createViewClient(new Worker(new URL('./view.worker.ts', import.meta.url), { type: 'module' }));
	return shared;
}
