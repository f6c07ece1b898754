// MapLibre is imported lazily, so SvelteKit does not preload it. This adds a modulepreload for its
// chunk to the pages that draw the map, so it downloads while the page hydrates and fetches data.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chunkOf } from './manifest-chunk.mjs';

const buildDir = process.env.BUILD_DIR?.trim() || 'build';
const manifest = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8'));
const chunk = chunkOf(manifest, 'maplibre-gl/dist/maplibre-gl.mjs');
if (!chunk) throw new Error('The build has no MapLibre chunk to preload');

for (const page of ['index.html', 'embed/index.html']) {
	const file = path.join(buildDir, page);
	const html = readFileSync(file, 'utf8');
	const href = path.posix.relative(path.posix.dirname(`/${page}`), `/${chunk}`);
	const link = `<link rel="modulepreload" href="${href.startsWith('.') ? href : `./${href}`}">`;
	if (html.includes(link)) continue;
	writeFileSync(file, html.replace('</head>', `\t${link}\n\t</head>`));
}
console.log(`preload: ${chunk} on the map pages`);
