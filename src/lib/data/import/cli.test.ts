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
});
