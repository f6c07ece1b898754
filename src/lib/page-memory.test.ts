import { describe, expect, it } from 'vitest';
import { keepRouterStateInPage } from './page-memory';

/** A stand-in for the browser's sessionStorage, which records what reaches it. */
function browserStorage(initial: Record<string, string> = {}) {
	const items = new Map(Object.entries(initial));
	return {
		items,
		removeItem: (key: string) => void items.delete(key),
		setItem: (key: string, value: string) => void items.set(key, value)
	};
}

describe('the router’s state kept in the page', () => {
	it('never reaches the browser’s storage, and reads back within the page', () => {
		const real = browserStorage({ 'sveltekit:scroll': '{"1":0}', other: 'x' });
		const target = { sessionStorage: real } as unknown as Window;
		keepRouterStateInPage(target);
		expect([...real.items.keys()]).toEqual(['other']);
		// As SvelteKit writes and reads it: by index.
		const page = target.sessionStorage as unknown as Record<string, string>;
		page['sveltekit:snapshot'] = '{"a":1}';
		target.sessionStorage.setItem('sveltekit:scroll', '{"2":40}');
		expect(page['sveltekit:snapshot']).toBe('{"a":1}');
		expect(target.sessionStorage.getItem('sveltekit:scroll')).toBe('{"2":40}');
		expect(page['missing']).toBeUndefined();
		expect(target.sessionStorage.length).toBe(2);
		expect([...real.items.keys()]).toEqual(['other']);
	});
});
