/**
 * The house's import rules (docs/architecture.md), checked over the source's own import lines:
 * imports point down the layers only, no module takes part in a cycle (type imports included),
 * and only src/lib/map/ imports maplibre-gl.
 */
import path from 'node:path';

/**
 * Layers from the bottom up: a module may import its own layer and those below.
 * @type {{ name: string; test: (file: string) => boolean }[]}
 */
export const LAYERS = [
	{ name: 'data', test: (f) => f.startsWith('src/lib/data/') },
	{
		name: 'scales, i18n and shared helpers',
		test: (f) => f.startsWith('src/lib/scales/') || f.startsWith('src/lib/i18n/') || /^src\/lib\/[^/]+$/.test(f)
	},
	{ name: 'state', test: (f) => f.startsWith('src/lib/state/') },
	{ name: 'map', test: (f) => f.startsWith('src/lib/map/') },
	{ name: 'components', test: (f) => f.startsWith('src/lib/components/') },
	{ name: 'routes', test: (f) => f.startsWith('src/') }
];

/** @param {string} file */
export const layerOf = (file) => LAYERS.findIndex((layer) => layer.test(file));

// A worker started by `new URL('./x.worker.ts', import.meta.url)` runs apart: it is no import.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/**
 * The specifiers a module imports, with the line of each.
 * @param {string} text
 */
export function importsOf(text) {
	/** @type {{ spec: string; line: number }[]} */
	const found = [];
	for (const match of text.matchAll(IMPORT)) {
		const spec = match[1] ?? match[2] ?? '';
		const line = text.slice(0, (match.index ?? 0) + match[0].length).split('\n').length;
		found.push({ spec: spec.replace(/\?.*$/, ''), line });
	}
	return found;
}

/**
 * The file a specifier names, among the known files; undefined for a package.
 * @param {string} from
 * @param {string} spec
 * @param {Map<string, string>} files
 */
export function resolve(from, spec, files) {
	let base;
	if (spec.startsWith('$lib/')) base = `src/lib/${spec.slice(5)}`;
	else if (spec.startsWith('.')) base = path.posix.join(path.posix.dirname(from), spec);
	else return undefined;
	for (const ext of ['', '.ts', '.js', '.mjs', '.svelte', '/index.ts'])
		if (files.has(`${base}${ext}`)) return `${base}${ext}`;
	return undefined;
}

/**
 * Every broken rule, as `file:line: what`, for files given as a map of path → text.
 * @param {Map<string, string>} files
 * @returns {string[]}
 */
export function checkImports(files) {
	/** @type {string[]} */
	const problems = [];
	/** @type {Map<string, string[]>} */
	const edges = new Map();
	for (const [file, text] of files) {
		/** @type {string[]} */
		const targets = [];
		for (const { spec, line } of importsOf(text)) {
			if ((spec === 'maplibre-gl' || spec.startsWith('maplibre-gl/')) && !file.startsWith('src/lib/map/'))
				problems.push(`${file}:${line}: imports ${spec}; only src/lib/map/ may (MapLibre is wrapped in one place)`);
			const target = resolve(file, spec, files);
			if (!target) continue;
			targets.push(target);
			const [from, to] = [layerOf(file), layerOf(target)];
			if (to > from)
				problems.push(
					`${file}:${line}: imports ${target}, in ${LAYERS[to]?.name}, a layer above its own (${LAYERS[from]?.name})`
				);
		}
		edges.set(file, targets);
	}
	for (const cycle of cyclesOf(edges)) problems.push(`import cycle: ${cycle.join(' → ')}`);
	return problems;
}

/**
 * Each cycle once, from its first module in path order.
 * @param {Map<string, string[]>} edges
 */
function cyclesOf(edges) {
	/** @type {Map<string, string[]>} */
	const cycles = new Map();
	/** @type {Map<string, 'open' | 'done'>} */
	const state = new Map();
	/** @type {string[]} */
	const stack = [];
	/** @param {string} file */
	const visit = (file) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of edges.get(file) ?? []) {
			if (state.get(next) === 'open') {
				const loop = stack.slice(stack.indexOf(next));
				const first = [...loop].sort()[0] ?? next;
				const start = loop.indexOf(first);
				const ordered = [...loop.slice(start), ...loop.slice(0, start)];
				cycles.set(ordered.join('|'), [...ordered, first]);
			} else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of [...edges.keys()].sort()) if (!state.has(file)) visit(file);
	return [...cycles.values()];
}
