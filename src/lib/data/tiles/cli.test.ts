import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PMTiles, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { acledCsv, acledRow } from '../import/fixtures';
import { validateFiles } from '../validate-files';
import { checkTiledSummary } from './tile-figures';

function run(script: string, args: string[]) {
	const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], { encoding: 'utf8' });
	return { code: result.status, lines: result.stdout.trimEnd().split('\n'), stderr: result.stderr };
}
const runTiles = (args: string[]) => run('src/lib/data/tiles/tiles-cli.ts', args);
const runImport = (args: string[]) => run('src/lib/data/import/cli.ts', args);

/** A journalist's export with the usual faults: a bad date, no place, a repeated id, a size in words, a short row. */
function brokenExport(dir: string): string {
	const file = path.join(dir, 'acled.csv');
	const text = acledCsv([
		acledRow({ event_id_cnty: 'BLR1' }),
		acledRow({ event_id_cnty: 'BLR2', event_date: '2020-08-32' }),
		acledRow({ event_id_cnty: 'BLR3', latitude: '', longitude: '' }),
		acledRow({ event_id_cnty: 'BLR4', event_date: '2020-08-16' }),
		acledRow({ event_id_cnty: 'blr4', event_date: '2020-08-16' }),
		acledRow({ event_id_cnty: 'BLR1' }),
		acledRow({ event_id_cnty: 'BLR5', latitude: '100' }),
		acledRow({ event_id_cnty: 'BLR 7', tags: 'crowd size=no thousands' })
	]);
	writeFileSync(file, `${text}BLR6,2020-08-15\n`);
	return file;
}

const fileSource = (file: string): Source => {
	const bytes = readFileSync(file);
	return {
		getKey: () => file,
		getBytes: async (offset, length) => ({
			data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length)
		})
	};
};

describe('npm run tiles', () => {
	it('reports every row as the importer does, and publishes the rest as a tiled dataset', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'atlas-tiles-cli-'));
		const file = brokenExport(dir);
		const out = path.join(dir, 'published');
		const tiles = runTiles([
			file,
			'--name',
			'broken-export',
			'--title',
			'Broken export',
			'--out',
			out,
			'--max-zoom',
			'4'
		]);
		const imported = runImport([file, '--name', 'broken-import', '--out', path.join(dir, 'imported')]);
		expect(tiles.code).toBe(0);
		const issues = (lines: string[]) => lines.filter((l) => l.startsWith('line '));
		expect(issues(tiles.lines).length).toBeGreaterThanOrEqual(5);
		expect(issues(tiles.lines)).toEqual(issues(imported.lines));
		expect(tiles.lines.at(-1)).toBe(imported.lines.at(-1));
		expect(issues(tiles.lines).filter((l) => l.endsWith('(warning)')).length).toBe(2);
		expect(tiles.lines.at(-1)).toBe('9 rows read, 4 imported, 5 rejected');
		expect(tiles.stderr).toMatch(/zoom 4: \d+ tiles/);

		const summary = checkTiledSummary(JSON.parse(readFileSync(path.join(out, 'broken-export.tiles.json'), 'utf8')));
		expect(summary).toMatchObject({ events: 4, days: ['2020-08-15', '2020-08-16'], maxZoom: 4 });
		const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'));
		expect(index.datasets).toEqual([
			{ slug: 'broken-export', title: 'Broken export', from: '2020-08-15', to: '2020-08-16', events: 4, tiles: true }
		]);
		const header = await new PMTiles(fileSource(path.join(out, summary.archive))).getHeader();
		expect([header.minZoom, header.maxZoom]).toEqual([0, 4]);
		expect(existsSync(path.join(out, summary.details))).toBe(true);

		// npm run validate reads the summary as a tiled dataset, and misses a file it names.
		const validate = (exists: (file: string) => boolean) =>
			validateFiles([path.join(out, 'broken-export.tiles.json')], (f) => readFileSync(f, 'utf8'), exists);
		expect(validate(existsSync)).toMatchObject({ records: 1, errors: 0 });
		const without = validate((f) => !f.endsWith('.pmtiles') && existsSync(f));
		expect(without.errors).toBe(1);
		expect(without.lines[0]).toMatch(/expected broken-export\.pmtiles beside it/);
	}, 60_000);

	it('refuses a file that is neither CSV of ACLED or CCC nor Parquet, as the importer does', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'atlas-tiles-cli-'));
		const file = path.join(dir, 'notes.csv');
		writeFileSync(file, 'when,what\n2020-08-15,a march\n');
		const { code, stderr } = runTiles([file, '--name', 'notes', '--out', path.join(dir, 'published')]);
		expect(code).toBe(1);
		expect(stderr).toMatch(/is not an ACLED or Crowd Counting Consortium CSV/);
		expect(existsSync(path.join(dir, 'published', 'index.json'))).toBe(false);
	}, 60_000);

	it('exits 1 with --strict and writes nothing', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'atlas-tiles-cli-'));
		const out = path.join(dir, 'published');
		const { code } = runTiles([brokenExport(dir), '--name', 'strict', '--out', out, '--strict']);
		expect(code).toBe(1);
		expect(existsSync(path.join(out, 'index.json'))).toBe(false);
		expect(existsSync(path.join(out, 'strict.pmtiles'))).toBe(false);
	}, 60_000);
});
