import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTogether } from './write-together';

/** A folder with an earlier publication in it. */
function published() {
	const out = mkdtempSync(path.join(tmpdir(), 'atlas-write-'));
	mkdirSync(path.join(out, 'big.details'));
	writeFileSync(path.join(out, 'big.details', '0.json'), 'old details 0');
	writeFileSync(path.join(out, 'big.details', '1.json'), 'old details 1');
	writeFileSync(path.join(out, 'big.json'), 'old index');
	writeFileSync(path.join(out, 'index.json'), 'old list');
	return out;
}

const everything = (out: string): Record<string, string> =>
	Object.fromEntries(
		readdirSync(out, { recursive: true, encoding: 'utf8' })
			.filter((f) => !f.endsWith('.details'))
			.sort()
			.map((f) => [f, readFileSync(path.join(out, f), 'utf8')])
	);

describe('writing a publication together', () => {
	it('replaces every file, and a details folder whole', () => {
		const out = published();
		writeTogether(
			out,
			[
				{ path: 'big.details/0.json', data: 'new details 0' },
				{ path: 'big.json', data: 'new index' },
				{ path: 'big.parquet', data: new Uint8Array([80, 65, 82, 49]) },
				{ path: 'index.json', data: 'new list' }
			],
			'index.json'
		);
		expect(everything(out)).toEqual({
			'big.details/0.json': 'new details 0',
			'big.json': 'new index',
			'big.parquet': 'PAR1',
			'index.json': 'new list'
		});
	});

	it('leaves the earlier publication as it was, with no stray file, when a write fails', () => {
		const out = published();
		const before = everything(out);
		const failing = () =>
			writeTogether(
				out,
				[
					{ path: 'big.details/0.json', data: 'new details 0' },
					{ path: 'big.json', data: 'new index' },
					// A name no file system takes: the write fails part-way.
					{ path: 'bad\0name.parquet', data: 'x' },
					{ path: 'index.json', data: 'new list' }
				],
				'index.json'
			);
		expect(failing).toThrow();
		expect(everything(out)).toEqual(before);
		expect(existsSync(path.join(out, 'big.details', '1.json'))).toBe(true);
	});
});
