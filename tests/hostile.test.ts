/**
 * Every file of the hostile corpus (tests/hostile/) gives a report that accounts for every row, in
 * words a person can act on, and whatever would be published passes the validator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGazetteer } from '../src/lib/data/load';
import { formatIssue, summaryLine, type ImportReport } from '../src/lib/data/import/importer';
import { INTERNAL_TEXT } from '../src/lib/data/import/fixtures';
import { importFile, type FileOptions, type ImportSource } from '../src/lib/data/import/run';
import { publishedFiles } from '../src/lib/data/published';
import { validateFiles } from '../src/lib/data/validate-files';

const folder = 'tests/hostile';
/** Files in the folder that are not cases: the corpus's own notes and the text a dataset tries to read. */
const NOT_CASES = new Set(['README.md', 'cases.json', 'not-json.geojson']);

interface Case {
	note?: string;
	read: number;
	imported: number;
	rejected: number;
	says?: string[];
	warns?: string[];
	needs?: string[];
	options?: { encoding?: FileOptions['encoding']; dateOrder?: FileOptions['dateOrder']; refused?: string };
}
const cases = JSON.parse(readFileSync(path.join(folder, 'cases.json'), 'utf8')) as Record<string, Case>;
const gazetteer = readGazetteer(JSON.parse(readFileSync('geo/places.geojson', 'utf8')), 'geo/places.geojson').places;

function fileSource(file: string): ImportSource {
	const bytes = readFileSync(path.join(folder, file));
	return {
		name: file,
		size: bytes.length,
		head: async () => bytes.subarray(0, 8192),
		async *chunks() {
			for (let at = 0; at < bytes.length; at += 4096) yield bytes.subarray(at, at + 4096);
		}
	};
}

async function run(name: string, options: Case['options'] = {}) {
	const file = name.split('#')[0]!;
	return importFile(fileSource(file), {
		slug: 'hostile',
		title: 'Hostile',
		gazetteer,
		file,
		...(options.encoding ? { encoding: options.encoding } : {}),
		...(options.dateOrder ? { dateOrder: options.dateOrder } : {}),
		readFile: (named) => {
			try {
				return readFileSync(path.join(folder, named), 'utf8');
			} catch {
				return undefined;
			}
		}
	});
}

const lines = (report: ImportReport) => [...report.rejections, ...report.warnings].map(formatIssue);

describe('the hostile corpus', () => {
	it('has at least 50 files, each with its case', () => {
		const files = readdirSync(folder).filter((f) => !NOT_CASES.has(f));
		expect(files.length).toBeGreaterThanOrEqual(50);
		const described = new Set(Object.keys(cases).map((name) => name.split('#')[0]));
		expect(files.filter((f) => !described.has(f))).toEqual([]);
		expect([...described].filter((f) => !files.includes(f!))).toEqual([]);
	});

	it.each(Object.entries(cases))('%s', async (name, expected) => {
		if (expected.options?.refused) {
			await expect(run(name, expected.options)).rejects.toThrow(expected.options.refused);
			return;
		}
		const { dataset, report } = await run(name, expected.options);
		expect(summaryLine(report)).toBe(
			`${expected.read} rows read, ${expected.imported} imported, ${expected.rejected} rejected`
		);
		expect(report.imported + report.rejected).toBe(report.rowsRead);
		const said = lines(report);
		for (const words of expected.says ?? [])
			expect(
				said.filter((line) => line.includes(words)),
				words
			).not.toEqual([]);
		const warned = report.warnings.map(formatIssue);
		for (const words of expected.warns ?? [])
			expect(
				warned.filter((line) => line.includes(words)),
				words
			).not.toEqual([]);
		expect(report.needs ?? []).toEqual(expected.needs ?? []);
		for (const line of said) for (const pattern of INTERNAL_TEXT) expect(line, `${pattern}`).not.toMatch(pattern);
		for (const issue of [...report.rejections, ...report.warnings]) {
			expect(issue.line).toBeGreaterThanOrEqual(1);
			expect(issue.field).not.toBe('');
		}
		if (report.imported > 0) {
			// What would be published passes the same checks as npm run validate.
			const texts = new Map(publishedFiles(dataset).map((f) => [`out/${f.path}`, f.text]));
			const verdict = validateFiles([`out/${dataset.slug}.json`], (file) => texts.get(file));
			expect(verdict.lines).toEqual([]);
			expect(dataset.events).toHaveLength(report.imported);
		}
	});
});
