import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	},
	// Source links point at other sites; goto() only adds search parameters to resolve('/').
	{ rules: { 'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true, ignoreGoto: true }] } },
	{
		ignores: [
			'.scratch/',
			'.bench/',
			'build/',
			'.build-test/',
			'.svelte-kit/',
			'geo/sources/',
			'geo/basemap/',
			'tests/artifacts/',
			'test-results/'
		]
	}
);
