/**
 * The device keeps only what the reader asks it to keep. SvelteKit's router writes its scroll
 * positions and snapshots to sessionStorage (`sveltekit:scroll`, `sveltekit:snapshot`) whenever
 * the page is hidden or left. This gives the page a storage that lives only as long as the page,
 * so the router works as before and the browser's storage stays empty.
 */
class PageMemory implements Storage {
	#items = new Map<string, string>();
	get length() {
		return this.#items.size;
	}
	clear() {
		this.#items.clear();
	}
	getItem(key: string) {
		return this.#items.get(String(key)) ?? null;
	}
	key(index: number) {
		return [...this.#items.keys()][index] ?? null;
	}
	removeItem(key: string) {
		this.#items.delete(String(key));
	}
	setItem(key: string, value: string) {
		this.#items.set(String(key), String(value));
	}
}

/** The router's keys, in a storage of the page's own; anything an older version left there goes. */
export function keepRouterStateInPage(target: Window = window): void {
	try {
		target.sessionStorage.removeItem('sveltekit:scroll');
		target.sessionStorage.removeItem('sveltekit:snapshot');
	} catch {
		// Storage may be switched off; then there is nothing to remove either.
	}
	const memory = new PageMemory();
	// The router writes `sessionStorage[key] = value`: a proxy turns that into setItem.
	const storage = new Proxy(memory, {
		get(store, key) {
			if (typeof key === 'string' && !(key in store)) return store.getItem(key) ?? undefined;
			const value: unknown = Reflect.get(store, key, store);
			return typeof value === 'function' ? value.bind(store) : value;
		},
		set: (store, key, value) => (typeof key === 'string' ? (store.setItem(key, String(value)), true) : false)
	});
	Object.defineProperty(target, 'sessionStorage', { value: storage, configurable: true });
}
