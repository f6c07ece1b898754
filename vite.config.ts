import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	envPrefix: ['VITE_', 'PUBLIC_'],
	build: { chunkSizeWarningLimit: 1200 },
	test: {
		// A limit for a test that hangs, not a speed target: these machines are shared, and the
		// command-line tests start node several times.
		testTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/**/*.test.ts'], environment: 'node' }
			},
			{
				// State built on runes, compiled as for the page so that its effects run.
				extends: true,
				test: { name: 'runes', include: ['src/**/*.test.svelte.ts'], environment: './tests/runes-environment.ts' }
			}
		]
	}
});
