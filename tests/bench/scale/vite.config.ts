// Builds the benchmark's baseline pages with the same tools and the same maplibre-gl as the app.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const pages = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages');

export default defineConfig({
	root: pages,
	base: './',
	logLevel: 'warn',
	build: {
		outDir: process.env.BENCH_BASELINES_OUT ?? path.join(pages, '..', '..', '..', '..', '.bench', 'baselines'),
		emptyOutDir: true,
		chunkSizeWarningLimit: 2000,
		rollupOptions: {
			input: {
				bare: path.join(pages, 'bare.html'),
				clustered: path.join(pages, 'clustered.html'),
				leaflet: path.join(pages, 'leaflet.html')
			}
		}
	}
});
