import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acledCsv, acledRow } from './fixtures';

/** Runs `npm run import -- …` as a user would, minus npm's own banner. */
function runImport(args: string[]) {
	const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/lib/data/import/cli.ts', ...args], {
		encoding: 'utf8'
	});
	return { code: result.status, lines: result.stdout.trimEnd().split('\n') };
}

function workspace() {
	const dir = mkdtempSync(path.join(tmpdir(), 'atlas-cli-'));
	const csv = path.join(dir, 'acled.csv');
	writeFileSync(csv, acledCsv([acledRow(), acledRow({ event_id_cnty: 'BLR2', event_date: '2020-08-32' })]));
	return { dir, csv, out: path.join(dir, 'published') };
}

describe('npm run import', () => {
	it('writes a published dataset, names every rejected row and ends with the counts', () => {
		const { csv, out } = workspace();
		const { code, lines } = runImport([csv, '--name', 'acled-test', '--title', 'ACLED test', '--out', out]);
		expect(code).toBe(0);
		expect(lines[0]).toBe('line 3: event_date: expected a real calendar date, got "2020-08-32"');
		expect(lines.at(-1)).toBe('2 rows read, 1 imported, 1 rejected');
		const dataset = JSON.parse(readFileSync(path.join(out, 'acled-test.json'), 'utf8'));
		expect(dataset).toMatchObject({ format: 'protest-atlas-dataset', slug: 'acled-test', title: 'ACLED test' });
		const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8'));
		expect(index.datasets).toEqual([
			{ slug: 'acled-test', title: 'ACLED test', from: '2020-08-15', to: '2020-08-15', events: 1 }
		]);
	});

	it('exits 1 with --strict when any row was rejected', () => {
		const { csv, out } = workspace();
		expect(runImport([csv, '--strict', '--out', out]).code).toBe(1);
	});

	it('exits 1 and writes nothing when no row could be imported', () => {
		const { dir, out } = workspace();
		const bad = path.join(dir, 'bad.csv');
		writeFileSync(bad, acledCsv([acledRow({ latitude: '100' })]));
		const { code, lines } = runImport([bad, '--out', out]);
		expect(code).toBe(1);
		expect(lines.at(-1)).toBe('1 rows read, 0 imported, 1 rejected');
		expect(existsSync(path.join(out, 'bad.json'))).toBe(false);
	});

	it('takes --format over what the file looks like', () => {
		const { csv, out } = workspace();
		const { code, lines } = runImport([csv, '--format', 'ccc', '--out', out]);
		expect(code).toBe(1);
		expect(lines[0]).toMatch(/^line 1: header: expected the CCC columns/);
	});

	it('refuses text that is not UTF-8 unless --encoding names it', () => {
		const { out } = workspace();
		const file = 'tests/hostile/acled-cp1251.csv';
		const refused = runImport([file, '--out', out]);
		expect(refused.code).toBe(1);
		expect(refused.lines[0]).toMatch(/^line 2: file: the file is not UTF-8 text \(line 2, byte \d+\)/);
		expect(existsSync(out)).toBe(false);
		const read = runImport([file, '--out', out, '--encoding', 'cp1251']);
		expect(read.lines.at(-1)).toBe('2 rows read, 2 imported, 0 rejected');
		const dataset = JSON.parse(readFileSync(path.join(out, 'acled-cp1251.json'), 'utf8'));
		expect(dataset.places.map((p: { properties: { names: { en: string } } }) => p.properties.names.en)).toEqual(
			expect.arrayContaining(['Минск', 'Гродно'])
		);
	});

	it('reads slashed dates in the order --date-order gives', () => {
		const { out } = workspace();
		const file = 'tests/hostile/acled-ambiguous-date.csv';
		expect(runImport([file, '--out', out]).lines[0]).toContain('could be 8 September 2020 (day first)');
		const read = runImport([file, '--out', out, '--date-order', 'dmy', '--name', 'dmy']);
		expect(read.lines.at(-1)).toBe('2 rows read, 2 imported, 0 rejected');
		const days = JSON.parse(readFileSync(path.join(out, 'dmy.json'), 'utf8')).events.map(
			(e: { when: { start: string } }) => e.when.start
		);
		expect(days.sort()).toEqual(['2020-08-15', '2020-09-08']);
	});

	it('reads no gazetteer outside the dataset’s folder, and quotes no file it was pointed at', () => {
		const { dir, out } = workspace();
		const dataset = path.join(dir, 'dataset.json');
		const header = {
			name: 'x',
			timeZone: 'UTC',
			bbox: [0, 0, 1, 1],
			dateRange: { from: '2020-01-01', to: '2020-01-02' }
		};
		for (const gazetteer of ['/etc/passwd', '../../../../etc/passwd']) {
			writeFileSync(dataset, JSON.stringify({ ...header, gazetteer, events: [] }));
			const result = spawnSync(
				process.execPath,
				['node_modules/tsx/dist/cli.mjs', 'src/lib/data/import/cli.ts', dataset, '--out', out],
				{
					encoding: 'utf8'
				}
			);
			expect(result.status).toBe(1);
			expect(result.stdout).toContain("gazetteer: expected a gazetteer file in the dataset's own folder");
			expect(result.stdout + result.stderr).not.toContain('root:');
		}
	});
});
