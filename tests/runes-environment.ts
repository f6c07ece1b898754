/**
 * Node, with modules compiled as for the browser: state modules built on runes run their
 * effects in unit tests, as they do in the page. Used by `*.test.svelte.ts` files.
 */
import type { Environment } from 'vitest/environments';

export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup: () => ({ teardown() {} })
} satisfies Environment;
