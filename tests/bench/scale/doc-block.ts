/**
 * Each benchmark writes its own generated page, docs/measured/<name>.md, and nothing else:
 * the hand-written docs/benchmarks.md explains and links these pages, and no script edits it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

const MEASURED = path.resolve(import.meta.dirname, '../../../docs/measured');

/** Writes the page, formatted as `npm run check` expects. */
export async function writeDocBlock(name: string, title: string, setting: string, body: string): Promise<void> {
	mkdirSync(MEASURED, { recursive: true });
	const file = path.join(MEASURED, `${name}.md`);
	const command = name.startsWith('ab-') ? 'bench:ab' : `bench:${name}`;
	const text = [
		`# ${title}`,
		`Written by \`npm run ${command}\` on ${new Date().toISOString().slice(0, 10)}: do not edit by hand. ${setting}`,
		body
	].join('\n\n');
	const options = (await resolveConfig(file)) ?? {};
	writeFileSync(file, await format(text, { ...options, filepath: file }));
	console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
