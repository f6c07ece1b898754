// `npm run check` step: the import rules of docs/architecture.md over src/ (tests aside).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkImports } from './import-rules.mjs';

/** @type {Map<string, string>} */
const files = new Map();
/** @param {string} dir */
const walk = (dir) => {
	for (const name of readdirSync(dir)) {
		const file = path.posix.join(dir, name);
		if (statSync(file).isDirectory()) walk(file);
		else if (/\.(ts|js|mjs|svelte)$/.test(name) && !/\.test\.ts$/.test(name))
			files.set(file, readFileSync(file, 'utf8'));
	}
};
walk('src');
const problems = checkImports(files);
for (const problem of problems) console.error(problem);
console.log(`imports: ${files.size} modules checked, ${problems.length} problems`);
process.exitCode = problems.length ? 1 : 0;
