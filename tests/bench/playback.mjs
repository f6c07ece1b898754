// Benchmark: how much faster a playback step is when the markers are updated in place (setData,
// as the app does) than when their source and layers are rebuilt, on the same data in the same
// run. Prints figures; asserts nothing. Run with `npm run bench` (builds the app first).
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const PORT = 4179;
const ROUNDS = 7;
const server = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
	{
		stdio: 'ignore'
	}
);
try {
	await waitForServer(`http://127.0.0.1:${PORT}/`);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader'
		]
	});
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.on('pageerror', (error) => console.error('page error:', error.message));
	page.on('crash', () => console.error('page crashed'));
	await page.goto(`http://127.0.0.1:${PORT}/#map=9.5/53.9/27.55`);
	await page.waitForFunction(() => window.protestAtlas?.map?.loaded());
	for (const size of (process.env.BENCH_SIZES ?? 'dataset,2000')
		.split(',')
		.map((s) => (s === 'dataset' ? s : Number(s)))) {
		const result = await page.evaluate(runRounds, { size, rounds: ROUNDS });
		const ratio = result.rebuild / result.update;
		console.log(
			`${String(result.features).padStart(6)} places: update in place ${result.update.toFixed(0)} ms, rebuild ${result.rebuild.toFixed(0)} ms (median of ${ROUNDS}); rebuild / update = ${ratio.toFixed(2)}`
		);
	}
	await browser.close();
} finally {
	server.kill();
}

/** Runs in the page: alternates the two ways of showing a new day, timing each until the map is idle. */
async function runRounds({ size, rounds }) {
	const map = window.protestAtlas.map;
	const SOURCE = 'event-places';
	const style = map.getStyle();
	const sourceSpec = style.sources[SOURCE];
	const layers = style.layers.filter((l) => l.source === SOURCE);
	// The source's data is the address of a blob that MapLibre's workers read: ask them for it.
	const real = await map.getSource(SOURCE).getData();
	const synthetic = (n, seed) => ({
		type: 'FeatureCollection',
		features: Array.from({ length: n }, (_, i) => ({
			type: 'Feature',
			geometry: {
				type: 'Point',
				coordinates: [27.3 + ((i * 7919 + seed) % 1000) / 2000, 53.75 + ((i * 104729 + seed) % 1000) / 3300]
			},
			properties: {
				id: `p${i}`,
				name: `Place ${i}`,
				count: 1 + (i % 4),
				known: i % 3 !== 0,
				low: (i % 50) * 100,
				high: (i % 50) * 300,
				type: 'rally'
			}
		}))
	});
	// Alternate two data sets, as playback alternates days.
	const frames =
		size === 'dataset'
			? [real, { ...real, features: real.features.slice(0, Math.ceil(real.features.length / 2)) }]
			: [synthetic(size, 1), synthetic(size, 2)];
	const idle = () => new Promise((resolve) => map.once('idle', resolve));
	const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const update = [];
	const rebuild = [];
	for (let i = 0; i < rounds; i++) {
		const data = frames[i % 2];
		let start = performance.now();
		map.getSource(SOURCE).setData(data);
		await idle();
		update.push(performance.now() - start);

		const next = frames[(i + 1) % 2];
		start = performance.now();
		for (const layer of layers) map.removeLayer(layer.id);
		map.removeSource(SOURCE);
		map.addSource(SOURCE, { ...sourceSpec, data: next });
		for (const layer of layers) map.addLayer(layer);
		await idle();
		rebuild.push(performance.now() - start);
	}
	map.getSource(SOURCE).setData(real);
	return { features: frames[0].features.length, update: median(update), rebuild: median(rebuild) };
}

async function waitForServer(url) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`Preview server did not start at ${url}`);
}
