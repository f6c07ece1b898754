import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Offline by default: the browser itself refuses any request to another host. An opted-in online
// basemap (PUBLIC_BASEMAP_STYLE_URL) needs its tile and font servers, so it widens this to https.
const online = Boolean(process.env.PUBLIC_BASEMAP_STYLE_URL?.trim());
const remote = online ? ['https:'] : [];

// Tests and benchmarks build into a folder of their own (BUILD_DIR), so build/ only ever holds a
// production build, the one to deploy.
const buildDir = process.env.BUILD_DIR?.trim() || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined }),
		alias: { $geo: 'geo' },
		// Registered once the map has drawn (src/lib/offline-install.ts), not at the page's load.
		serviceWorker: { register: false },
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...remote],
				'font-src': ['self', ...remote],
				// blob: the view's worker hands the map its markers as JSON blobs made in this page.
				'connect-src': ['self', 'blob:', ...remote],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
