/** Each benchmark rewrites only its own block of docs/benchmarks.md, between its two markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

export const BENCHMARKS_DOC = path.resolve(import.meta.dirname, '../../../docs/benchmarks.md');

/** Rewrites the block, formatted as `npm run check` expects. */
export async function writeDocBlock(name: string, setting: string, table: string): Promise<void> {
	const doc = readFileSync(BENCHMARKS_DOC, 'utf8');
	const open = `<!-- bench:${name} -->`;
	const start = doc.indexOf(open);
	const end = doc.indexOf(`<!-- /bench:${name} -->`);
	if (start < 0 || end < 0) throw new Error(`docs/benchmarks.md has no ${open} block`);
	const measured = `Measured on ${new Date().toISOString().slice(0, 10)}, ${setting}`;
	const text = `${doc.slice(0, start)}${open}\n\n${measured}\n\n${table}\n\n${doc.slice(end)}`;
	const options = (await resolveConfig(BENCHMARKS_DOC)) ?? {};
	writeFileSync(BENCHMARKS_DOC, await format(text, { ...options, filepath: BENCHMARKS_DOC }));
	console.log('wrote docs/benchmarks.md');
}
