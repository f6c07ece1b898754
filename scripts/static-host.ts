/**
 * A plain static host for a built folder, as a CDN would serve it: no caching, and a hook that
 * lets a test change a file between requests (a new deploy) without touching the build. The
 * browser tests, the benchmarks and `npm run video` serve the built app with it.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.pbf': 'application/x-protobuf',
	'.woff2': 'font/woff2',
	'.csv': 'text/csv; charset=utf-8',
	'.parquet': 'application/vnd.apache.parquet',
	'.pmtiles': 'application/vnd.pmtiles',
	'.wasm': 'application/wasm'
};

export interface StaticHost {
	url: string;
	/** Replaces a file's text from now on, as a deploy would. */
	rewrite(pathname: string, change: (text: string) => string): void;
	/** Serves a file that the folder does not have, as a publish would add it. */
	add(pathname: string, text: string): void;
	close(): Promise<void>;
}

/**
 * Serves `root`, and `overlay` first where it has the file (a dataset published beside a build).
 * Ranges are served as a CDN serves them: one `bytes=a-b` range, 206 and Content-Range.
 */
export async function serveFolder(root: string, overlay?: string): Promise<StaticHost> {
	const rewrites = new Map<string, (text: string) => string>();
	const added = new Map<string, string>();
	const server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
		const extra = added.get(pathname);
		if (extra !== undefined) {
			const type = TYPES[path.extname(pathname)] ?? 'application/octet-stream';
			return void response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(extra);
		}
		const over = overlay && path.join(overlay, pathname);
		let file =
			over && over.startsWith(overlay) && existsSync(over) && statSync(over).isFile()
				? over
				: path.join(root, pathname);
		if (!file.startsWith(root) && !(overlay && file.startsWith(overlay))) return void response.writeHead(403).end();
		if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
		if (!existsSync(file)) return void response.writeHead(404).end();
		const headers = {
			'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
			'cache-control': 'no-cache'
		};
		const change = rewrites.get(pathname);
		if (change) return void response.writeHead(200, headers).end(change(readFileSync(file, 'utf8')));
		const size = statSync(file).size;
		const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
		if (range) {
			const start = Number(range[1]);
			const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
			if (start > end) return void response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
			response.writeHead(206, {
				...headers,
				'accept-ranges': 'bytes',
				'content-range': `bytes ${start}-${end}/${size}`,
				'content-length': end - start + 1
			});
			return void createReadStream(file, { start, end }).pipe(response);
		}
		response.writeHead(200, { ...headers, 'accept-ranges': 'bytes', 'content-length': size });
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		rewrite: (pathname, change) => void rewrites.set(pathname, change),
		add: (pathname, text) => void added.set(pathname, text),
		close: () => new Promise((done) => server.close(() => done()))
	};
}
