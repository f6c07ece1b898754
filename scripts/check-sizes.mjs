/**
 * The house's size rule (docs/architecture.md): no component over 300 lines and no module over
 * 450, language catalogues aside. A file that outgrows them holds more than one job.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const LIMITS = { component: 300, module: 450 };
/** Long by nature: every sentence of the interface, once per language. */
const EXEMPT = /^src\/lib\/i18n\/(en|be|ru)\.ts$/;

/** @param {string} dir @returns {string[]} */
function files(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.posix.join(dir, entry.name);
		return entry.isDirectory() ? files(full) : [full];
	});
}

/**
 * Files over their limit, as `file: N lines (limit L)`.
 * @param {{ file: string; text: string }[]} sources
 */
export function oversized(sources) {
	const problems = [];
	for (const { file, text } of sources) {
		if (EXEMPT.test(file) || /\.test(\.svelte)?\.ts$/.test(file)) continue;
		const limit = file.endsWith('.svelte') ? LIMITS.component : /\.(ts|js|mjs)$/.test(file) ? LIMITS.module : 0;
		if (!limit) continue;
		const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
		if (lines > limit) problems.push(`${file}: ${lines} lines (limit ${limit})`);
	}
	return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const sources = files('src').map((file) => ({ file, text: readFileSync(file, 'utf8') }));
	const problems = oversized(sources);
	for (const problem of problems) console.error(problem);
	console.log(`sizes: ${sources.length} files checked, ${problems.length} over their limit`);
	process.exit(problems.length ? 1 : 0);
}
