import { describe, expect, it } from 'vitest';
import { checkImports } from '../scripts/import-rules.mjs';

/** A small source tree: path → text. */
const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe('the import rules', () => {
	it('let modules import their own layer and those below', () => {
		expect(
			checkImports(
				tree({
					'src/lib/data/schema.ts': "import { z } from 'zod';",
					'src/lib/state/view.ts': "import type { Place } from '$lib/data/schema';",
					'src/lib/map/Map.svelte':
						"import * as maplibregl from 'maplibre-gl';\nimport { view } from '$lib/state/view';",
					'src/lib/components/App.svelte': "import Map from '$lib/map/Map.svelte';"
				})
			)
		).toEqual([]);
	});

	it('refuse an import from a layer above, naming the line and both layers', () => {
		expect(
			checkImports(
				tree({
					'src/lib/data/schema.ts': "// the schema\nimport { view } from '../state/view';",
					'src/lib/state/view.ts': 'export const view = 1;'
				})
			)
		).toEqual(['src/lib/data/schema.ts:2: imports src/lib/state/view.ts, in state, a layer above its own (data)']);
	});

	it('refuse a cycle, type imports included', () => {
		expect(
			checkImports(
				tree({
					'src/lib/data/b.ts': "import type { A } from './a';",
					'src/lib/data/a.ts': "import type { B } from './b';"
				})
			)
		).toEqual(['import cycle: src/lib/data/a.ts → src/lib/data/b.ts → src/lib/data/a.ts']);
	});

	it('refuse maplibre-gl outside src/lib/map/', () => {
		expect(checkImports(tree({ 'src/lib/components/X.svelte': "import type { Map } from 'maplibre-gl';" }))).toEqual([
			'src/lib/components/X.svelte:1: imports maplibre-gl; only src/lib/map/ may (MapLibre is wrapped in one place)'
		]);
	});
});
