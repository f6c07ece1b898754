/**
 * `npm run bench:tiles`: ten million seeded synthetic events (the generator of bench:scale),
 * published with `npm run tiles` (its time, peak memory and archive size), then opened in the built
 * app beside the default dataset and the bare MapLibre page, each cold in a fresh browser, in
 * rotating order: first markers, a filter step, a date step and the bytes of the first view.
 * Writes docs/measured/tiles.md.
 *
 * BENCH_TILES_SIZE chooses the size (default 10000000); BENCH_LOADS the loads per page (default 5);
 * BENCH_TILES_REUSE=1 reuses an archive already built for that size; BENCH_SKIP_BUILD=1 the last
 * benchmark build of the app (.bench/build).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveFolder } from '../../../scripts/static-host';
import { writeDocBlock } from '../scale/doc-block';
import { mapLibreFiles, measurePage } from '../scale/measure';
import { writePoints } from '../scale/points';
import { ratioOf, summarise, type PageSummary, type Sample } from '../scale/summary';
import { writeSyntheticAcled } from '../scale/synthetic';

const root = path.resolve(import.meta.dirname, '../../..');
const work = path.join(root, '.bench');
const benchBuild = path.join(work, 'build');
const site = path.join(work, 'tiles-site');
const SIZE = Number(process.env.BENCH_TILES_SIZE ?? 10_000_000);
const LOADS = Math.max(1, Number(process.env.BENCH_LOADS ?? 5));
const SLUG = `synthetic-${SIZE}-tiles`;
const LABEL = SIZE.toLocaleString('en-GB');
const published = path.join(work, 'tiles', SLUG);

interface Build {
	seconds: number;
	peakMiB: number;
	archiveBytes: number;
	detailsBytes: number;
	rows: string;
}

/** `npm run tiles` as a reader would run it, timed; its own last lines give its peak memory and counts. */
function buildTiles(csv: string): Promise<Build> {
	mkdirSync(path.join(published, 'data'), { recursive: true });
	const started = Date.now();
	const child = spawn(
		process.execPath,
		[
			'node_modules/tsx/dist/cli.mjs',
			'src/lib/data/tiles/tiles-cli.ts',
			csv,
			'--name',
			SLUG,
			'--title',
			`Synthetic, ${LABEL} events (tiles)`,
			'--out',
			path.join(published, 'data')
		],
		{ cwd: root }
	);
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk) => (out += String(chunk)));
	child.stderr.on('data', (chunk) => {
		err += String(chunk);
		process.stderr.write(chunk);
	});
	return new Promise((resolve, reject) =>
		child.on('close', (code) => {
			if (code !== 0)
				return reject(new Error(`npm run tiles failed (${code}):\n${out.slice(-2000)}\n${err.slice(-2000)}`));
			const file = (name: string) => statSync(path.join(published, 'data', name)).size;
			resolve({
				seconds: (Date.now() - started) / 1000,
				peakMiB: Number(/peak memory (\d+) MiB/.exec(err)?.[1] ?? NaN),
				archiveBytes: file(`${SLUG}.pmtiles`),
				detailsBytes: file(`${SLUG}.events.parquet`),
				rows: out.trim().split('\n').at(-1) ?? ''
			});
		})
	);
}

async function prepare(): Promise<Build> {
	if (!process.env.BENCH_SKIP_BUILD)
		execFileSync('npm', ['run', 'build'], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, VITE_TEST_HOOKS: '1', BUILD_DIR: benchBuild }
		});
	const csv = path.join(work, 'tiles', `synthetic-${SIZE}.csv`);
	mkdirSync(path.dirname(csv), { recursive: true });
	if (!existsSync(csv)) await writeSyntheticAcled(csv, SIZE);
	const record = path.join(published, 'build.json');
	let build: Build;
	if (process.env.BENCH_TILES_REUSE && existsSync(record)) build = JSON.parse(readFileSync(record, 'utf8')) as Build;
	else {
		rmSync(published, { recursive: true, force: true });
		build = await buildTiles(csv);
		writeFileSync(record, JSON.stringify(build));
	}
	// The built app with the tiled dataset published beside its own, and the baseline pages.
	rmSync(site, { recursive: true, force: true });
	cpSync(benchBuild, site, { recursive: true });
	for (const suffix of ['pmtiles', 'events.parquet', 'tiles.json'])
		copyFileSync(path.join(published, 'data', `${SLUG}.${suffix}`), path.join(site, 'data', `${SLUG}.${suffix}`));
	const index = JSON.parse(readFileSync(path.join(site, 'data', 'index.json'), 'utf8')) as { datasets: unknown[] };
	const listed = JSON.parse(readFileSync(path.join(published, 'data', 'index.json'), 'utf8')) as {
		datasets: { slug: string }[];
	};
	index.datasets.push(listed.datasets.find((d) => d.slug === SLUG));
	writeFileSync(path.join(site, 'data', 'index.json'), JSON.stringify(index));
	execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/scale/vite.config.ts'], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, BENCH_BASELINES_OUT: path.join(site, 'baselines') }
	});
	return build;
}

const ms = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n).toLocaleString('en-GB')} ms`);
const spread = (s: PageSummary['firstMarkers']) =>
	s
		? `${ms(s.median)} (${Math.round(s.min).toLocaleString('en-GB')}–${Math.round(s.max).toLocaleString('en-GB')})`
		: '—';
const times = (r: number | undefined) => (r === undefined ? '—' : `${r.toFixed(2)}×`);
const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${(bytes / 1e6).toFixed(2)} MB`);

function table(summary: PageSummary[]): string {
	const find = (page: string) => summary.find((s) => s.page === page);
	const base = find('Protest Atlas, default dataset');
	const bare = find('bare MapLibre');
	const lines = [
		'| page | first markers | × default | × bare | filter → idle | × default | date step → idle | × default | bytes by first markers | bytes in all |',
		'|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const row of summary)
		lines.push(
			`| ${row.page} | ${row.failed === row.loads ? `did not open: ${row.failure}` : spread(row.firstMarkers)} | ${times(ratioOf(row.firstMarkers, base?.firstMarkers))} | ${times(ratioOf(row.firstMarkers, bare?.firstMarkers))} | ${spread(row.filterStep)} | ${times(ratioOf(row.filterStep, base?.filterStep))} | ${spread(row.dateStep)} | ${times(ratioOf(row.dateStep, base?.dateStep))} | ${mb(row.bytesAtFirstMarkers?.median)} | ${mb(row.bytes?.median)} |`
		);
	return lines.join('\n');
}

async function main() {
	const build = await prepare();
	const points = writePoints(site, 'belarus-2020-08');
	const pages: [string, string, boolean][] = [
		['Protest Atlas, default dataset', '/', true],
		[`Protest Atlas, ${LABEL} events (tiles)`, `/?data=${SLUG}`, true],
		['bare MapLibre', `/baselines/bare.html?${points}`, false]
	];
	const host = await serveFolder(site);
	const frameFiles = mapLibreFiles(site);
	const samples: Sample[] = [];
	try {
		for (let load = 0; load < LOADS; load++) {
			const order = [...pages.slice(load % pages.length), ...pages.slice(0, load % pages.length)];
			for (const [page, url, app] of order) {
				const result = await measurePage(host.url, url, { app, timeoutMs: 180_000, frameFiles });
				samples.push({ size: LABEL, page, result });
				console.log(`${page} · load ${load + 1}/${LOADS}: ${JSON.stringify(result)}`);
			}
		}
	} finally {
		await host.close();
	}
	const results = table(summarise(samples));
	const made = [
		'| `npm run tiles` of the seeded CSV | |',
		'|---|---|',
		`| rows | ${build.rows} |`,
		`| time | ${Math.round(build.seconds).toLocaleString('en-GB')} s |`,
		`| peak memory (the process, DuckDB included) | ${build.peakMiB.toLocaleString('en-GB')} MiB |`,
		`| archive (.pmtiles) | ${mb(build.archiveBytes)} |`,
		`| details (.events.parquet) | ${mb(build.detailsBytes)} |`
	].join('\n');
	console.log(`\n${made}\n\n${results}`);
	const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium with software WebGL (SwiftShader).`;
	await writeDocBlock(
		'tiles',
		`${LABEL} events from a tile archive`,
		`${machine} ${LOADS} cold loads per page, each in a fresh browser with the service worker on, in rotating order. Times are medians, with the fastest and slowest load in brackets; ratios are of medians in this run. MB are 10⁶ bytes.`,
		`${made}\n\n${results}`
	);
}

await main();
