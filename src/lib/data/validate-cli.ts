/**
 * `npm run validate -- [files…]`: checks data files and prints every problem with its file, record
 * and field. With no argument, checks the gazetteer, every dataset in geo/ (`*.events.json`) and every
 * published dataset under static/data/.
 * Exit status 1 on any error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateFiles } from './validate-files';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const files = args.length
	? args
	: [
			'geo/places.geojson',
			...readdirSync('geo')
				.filter((f) => f.endsWith('.events.json') || f.endsWith('.story.json'))
				.map((f) => path.join('geo', f)),
			...(existsSync('static/data/stories') ? readdirSync('static/data/stories') : [])
				.filter((f) => f.endsWith('.json') && f !== 'index.json')
				.map((f) => path.join('static/data/stories', f)),
			...(existsSync('static/data') ? readdirSync('static/data') : [])
				// An overview is made from its dataset, which is checked; it has no records of its own.
				.filter((f) => f.endsWith('.json') && f !== 'index.json' && !f.endsWith('.overview.json'))
				.map((f) => path.join('static/data', f))
		];

const report = validateFiles(files, (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined), existsSync);
for (const line of report.lines) console.log(line);
console.log(`${report.records} records checked, ${report.errors} errors`);
process.exitCode = report.errors > 0 ? 1 : 0;
