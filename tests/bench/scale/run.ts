/**
 * `npm run bench:scale`: seeded synthetic datasets imported through the real importer, opened in
 * the built app and, in the same run, in baseline pages built from the same maplibre-gl: a bare
 * MapLibre page (one background, one circle layer) and MapLibre's own clustered GeoJSON source
 * (with BENCH_LEAFLET=1, also Leaflet.markercluster). Every page opens the same data by URL on the
 * same first view, in a fresh browser, at least five times, in rotating order. Prints medians,
 * spread and ratios, and writes docs/measured/scale.md.
 *
 * BENCH_SIZES=10000,100000,1000000 chooses the sizes (default 10000,100000); BENCH_LOADS the loads
 * per page (default 5); BENCH_SKIP_BUILD=1 reuses the last benchmark build (.bench/build).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveFolder } from '../../../scripts/static-host';
import { writeDocBlock } from './doc-block';
import { mapLibreFiles, measurePage, type Measurement } from './measure';
import { summarise, targetsTable, resultsTable, type Sample } from './summary';
import { writeSyntheticAcled } from './synthetic';
import { writePoints } from './points';

const root = path.resolve(import.meta.dirname, '../../..');
const work = path.join(root, '.bench');
const site = path.join(work, 'site');
const benchBuild = path.join(work, 'build');
const DEFAULT_SLUG = 'belarus-2020-08';
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const LOADS = Math.max(1, Number(process.env.BENCH_LOADS ?? 5));
/** A page that has drawn nothing by then is reported as not opening. */
const OPEN_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);

function run(command: string, args: string[], env: Record<string, string> = {}) {
	execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

interface Dataset {
	size: string;
	slug: string;
	points: string;
}

async function prepare(): Promise<Dataset[]> {
	if (!process.env.BENCH_SKIP_BUILD) run('npm', ['run', 'build'], { VITE_TEST_HOOKS: '1', BUILD_DIR: benchBuild });
	rmSync(site, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	cpSync(benchBuild, site, { recursive: true });
	run('npx', ['vite', 'build', '--config', 'tests/bench/scale/vite.config.ts'], {
		BENCH_BASELINES_OUT: path.join(site, 'baselines')
	});
	const datasets: Dataset[] = [{ size: 'default (61)', slug: DEFAULT_SLUG, points: writePoints(site, DEFAULT_SLUG) }];
	for (const size of SIZES) {
		const slug = `synthetic-${size}`;
		const csv = path.join(work, `${slug}.csv`);
		if (!existsSync(csv)) await writeSyntheticAcled(csv, size);
		const label = size.toLocaleString('en-GB');
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
					`Synthetic, ${label} events`,
					'--out',
					path.join(site, 'data')
				],
				// A million events' import holds several GB.
				{ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=12000`.trim() }
			);
			datasets.push({ size: label, slug, points: writePoints(site, slug) });
		} catch (error) {
			console.error(`${slug}: the import failed: ${(error as Error).message}`);
		}
	}
	return datasets;
}

async function main() {
	const datasets = await prepare();
	const pages: [string, (d: Dataset) => string][] = [
		['Protest Atlas', (d) => `/?data=${d.slug}`],
		['bare MapLibre', (d) => `/baselines/bare.html?${d.points}`],
		['clustered MapLibre', (d) => `/baselines/clustered.html?${d.points}`]
	];
	if (process.env.BENCH_LEAFLET) pages.push(['Leaflet.markercluster', (d) => `/baselines/leaflet.html?${d.points}`]);
	const host = await serveFolder(site);
	const frameFiles = mapLibreFiles(site);
	const samples: Sample[] = [];
	try {
		for (const dataset of datasets)
			for (let load = 0; load < LOADS; load++) {
				// Rotating order: no page always loads first, or always after the same one.
				const order = [...pages.slice(load % pages.length), ...pages.slice(0, load % pages.length)];
				for (const [page, url] of order) {
					const result: Measurement = await measurePage(host.url, url(dataset), {
						app: page === 'Protest Atlas',
						timeoutMs: OPEN_TIMEOUT_MS,
						frameFiles
					});
					samples.push({ size: dataset.size, page, result });
					console.log(`${dataset.size} · ${page} · load ${load + 1}/${LOADS}: ${JSON.stringify(result)}`);
				}
			}
	} finally {
		await host.close();
	}
	const summary = summarise(samples);
	const results = resultsTable(summary);
	const targets = targetsTable(summary);
	console.log(`\n${results}\n\n${targets}`);
	const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium with software WebGL (SwiftShader).`;
	await writeDocBlock(
		'scale',
		'The app against the usual ways to map points',
		`${machine} ${LOADS} cold loads per page, each in a fresh browser, in rotating order. Times are medians, with the fastest and slowest load in brackets; ratios are of medians in this run. MB are 10⁶ bytes.`,
		`${results}\n\n## Against the targets\n\n${targets}`
	);
}

await main();
