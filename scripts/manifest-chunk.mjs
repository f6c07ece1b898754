/**
 * The built chunk of a module, found in Vite's manifest by the end of its source path, wherever
 * node_modules keeps it (npm's flat layout, pnpm's node_modules/.pnpm/<name>@<version>/…, a link).
 * @param {Record<string, { file: string }>} manifest
 * @param {string} modulePath e.g. 'maplibre-gl/dist/maplibre-gl.mjs'
 * @returns {string | undefined}
 */
export function chunkOf(manifest, modulePath) {
	const entry = Object.entries(manifest).find(([source]) => source === modulePath || source.endsWith(`/${modulePath}`));
	return entry?.[1].file;
}
