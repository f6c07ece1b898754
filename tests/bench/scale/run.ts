/**
 * `npm run bench:scale`: seeded synthetic datasets imported through the real importer, opened in
 * the built app and, in the same run, in three baseline pages built from the same maplibre-gl:
 * a bare MapLibre page (one background, one circle layer), a clustered MapLibre page and a
 * Leaflet + Leaflet.markercluster page. Prints a table of ratios and writes docs/benchmarks.md.
 *
 * BENCH_SIZES=10000,100000,1000000 chooses the sizes (default 10000,100000); BENCH_SKIP_BUILD=1
 * reuses the last benchmark build (.bench/build) as it is. build/ is never touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serveFolder } from '../../../scripts/static-host';
import { writeDocBlock } from './doc-block';
import { measurePage, type Measurement } from './measure';
import { writeSyntheticAcled } from './synthetic';

const root = path.resolve(import.meta.dirname, '../../..');
const work = path.join(root, '.bench');
const site = path.join(work, 'site');
const benchBuild = path.join(work, 'build');
const DEFAULT_SLUG = 'belarus-2020-08';
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
/** A page that has drawn nothing by then is reported as not opening. */
const OPEN_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);

function run(command: string, args: string[], env: Record<string, string> = {}) {
	execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

/** The events as plain points, for the baseline pages: type, day and crowd low, nothing else. */
function writePoints(slug: string): string {
	const dataset = JSON.parse(readFileSync(path.join(site, 'data', `${slug}.json`), 'utf8')) as {
		places: { id: string; geometry: { coordinates: [number, number] } }[];
		events: { place: string; type: string; when: { start: string }; crowd: { low?: number } }[];
	};
	const at = new Map(dataset.places.map((p) => [p.id, p.geometry.coordinates]));
	const features = dataset.events.flatMap((e) => {
		const coordinates = at.get(e.place);
		if (!coordinates) return [];
		const properties = { type: e.type, day: e.when.start.slice(0, 10), low: e.crowd.low ?? 0 };
		return [{ type: 'Feature', geometry: { type: 'Point', coordinates }, properties }];
	});
	mkdirSync(path.join(site, 'points'), { recursive: true });
	writeFileSync(path.join(site, 'points', `${slug}.geojson`), JSON.stringify({ type: 'FeatureCollection', features }));
	return `/points/${slug}.geojson`;
}

interface Row {
	size: string;
	page: string;
	result: Measurement;
}

async function main() {
	if (!process.env.BENCH_SKIP_BUILD) run('npm', ['run', 'build'], { VITE_TEST_HOOKS: '1', BUILD_DIR: benchBuild });
	rmSync(site, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	cpSync(benchBuild, site, { recursive: true });
	run('npx', ['vite', 'build', '--config', 'tests/bench/scale/vite.config.ts'], {
		BENCH_BASELINES_OUT: path.join(site, 'baselines')
	});

	const datasets: { size: string; slug: string; points: string }[] = [
		{ size: 'default (61)', slug: DEFAULT_SLUG, points: writePoints(DEFAULT_SLUG) }
	];
	for (const size of SIZES) {
		const slug = `synthetic-${size}`;
		const csv = path.join(work, `${slug}.csv`);
		if (!existsSync(csv)) await writeSyntheticAcled(csv, size);
		try {
			run(
				'npx',
				[
					'tsx',
					'src/lib/data/import/cli.ts',
					csv,
					'--name',
					slug,
					'--title',
					`Synthetic, ${size.toLocaleString('en-GB')} events`,
					'--out',
					path.join(site, 'data')
				],
				// A million events' import holds several GB.
				{ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=12000`.trim() }
			);
			datasets.push({ size: size.toLocaleString('en-GB'), slug, points: writePoints(slug) });
		} catch (error) {
			console.error(`${slug}: the import failed: ${(error as Error).message}`);
			datasets.push({ size: size.toLocaleString('en-GB'), slug: '', points: '' });
		}
	}

	const host = await serveFolder(site);
	const browser: Browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--use-angle=swiftshader',
			'--enable-unsafe-swiftshader',
			'--enable-precise-memory-info',
			'--js-flags=--max-old-space-size=8192'
		]
	});
	const rows: Row[] = [];
	try {
		for (const dataset of datasets) {
			const pages: [string, string][] = dataset.slug
				? [
						['Protest Atlas', `/?data=${dataset.slug}`],
						['bare MapLibre', `/baselines/bare.html?points=${dataset.points}`],
						['clustered MapLibre', `/baselines/clustered.html?points=${dataset.points}`],
						['Leaflet.markercluster', `/baselines/leaflet.html?points=${dataset.points}`]
					]
				: [];
			for (const [name, url] of pages) {
				const result = await measurePage(browser, host.url, url, {
					app: name === 'Protest Atlas',
					timeoutMs: OPEN_TIMEOUT_MS
				});
				rows.push({ size: dataset.size, page: name, result });
				console.log(`${dataset.size} · ${name}: ${JSON.stringify(result)}`);
			}
		}
	} finally {
		await browser.close();
		await host.close();
	}
	const table = report(rows);
	console.log(`\n${table}`);
	const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Chromium with software WebGL (SwiftShader)`;
	await writeDocBlock('scale', `${machine}.`, table);
}

const ms = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n).toLocaleString('en-GB')} ms`);
const ratio = (n: number | undefined, of: number | undefined) =>
	n === undefined || !of ? '' : ` (${(n / of).toFixed(1)}×)`;
const mb = (n: number | undefined) => (n === undefined ? '—' : `${(n / 2 ** 20).toFixed(1)} MB`);

/** The table: each page's figures, with first markers as a ratio of the bare page in the same run, and steps as a ratio of the app's own steps on the default dataset. */
export function report(rows: Row[]): string {
	const lines = [
		'| events | page | first markers (× bare page) | filter → idle (× default) | date step → idle (× default) | after first markers: longest task / longest script | JS heap: page / workers | bytes |',
		'|---|---|---|---|---|---|---|---|'
	];
	const defaultApp = rows.find((r) => r.size.startsWith('default') && r.page === 'Protest Atlas')?.result;
	for (const row of rows) {
		const bare = rows.find((r) => r.size === row.size && r.page === 'bare MapLibre')?.result;
		const r = row.result;
		const versus = (n: number | undefined, of: number | undefined) =>
			row.page === 'Protest Atlas' ? ratio(n, of) : '';
		lines.push(
			`| ${row.size} | ${row.page} | ${r.error ? `did not open: ${r.error}` : `${ms(r.firstMarkers)}${row.page === 'bare MapLibre' ? '' : ratio(r.firstMarkers, bare?.firstMarkers)}`} | ${ms(r.filterStep)}${versus(r.filterStep, defaultApp?.filterStep)} | ${ms(r.dateStep)}${versus(r.dateStep, defaultApp?.dateStep)} | ${ms(r.longestTaskAfterFirstMarkers)}${r.longestScriptAfterFirstMarkers === undefined ? '' : ` / ${ms(r.longestScriptAfterFirstMarkers)}`} | ${mb(r.heap)} / ${mb(r.workersHeap)} | ${mb(r.bytes)} |`
		);
	}
	return lines.join('\n');
}

await main();
