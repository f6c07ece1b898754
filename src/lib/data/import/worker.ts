/**
 * The browser's importer, off the main thread: reads a File the reader chose (nothing leaves their
 * machine), posts progress as it goes, then the dataset and its report. Cancelling terminates it.
 */
import type { Place } from '../schema';
import { headerDelimiter } from './csv';
import { slugify, type ImportFormat } from './importer';
import { detectFormat, importAtlas, importCsv, importGeoJson, type ImportResult } from './run';

export interface ImportRequest {
	file: File;
	format?: ImportFormat;
	/** Places that rows without coordinates are looked up in. */
	gazetteer: Place[];
}

export type ImportMessage =
	| { kind: 'progress'; read: number; total: number }
	| { kind: 'done'; result: ImportResult }
	| { kind: 'failed'; message: string };

const post = (message: ImportMessage) => postMessage(message);

onmessage = async (event: MessageEvent<ImportRequest>) => {
	const { file, gazetteer } = event.data;
	try {
		const head = await file.slice(0, 8192).text();
		const format = event.data.format ?? detectFormat(head);
		if (!format)
			throw new Error('not a format Protest Atlas reads: an ACLED or CCC CSV, GeoJSON, or a Protest Atlas dataset');
		const options = {
			format,
			slug: slugify(file.name.replace(/\.[^.]+$/, '')) || 'imported',
			title: file.name,
			gazetteer,
			file: file.name,
			delimiter: headerDelimiter(head)
		};
		let result: ImportResult;
		if (format === 'acled' || format === 'ccc') {
			let last = 0;
			result = await importCsv(file, {
				...options,
				onProgress(read) {
					// A message per megabyte is enough to move a bar.
					if (read - last < 1 << 20) return;
					last = read;
					post({ kind: 'progress', read, total: file.size });
				}
			});
		} else {
			const text = await file.text();
			post({ kind: 'progress', read: file.size / 2, total: file.size });
			result = format === 'geojson' ? importGeoJson(text, options) : importAtlas(text, options);
		}
		post({ kind: 'progress', read: file.size, total: file.size });
		post({ kind: 'done', result });
	} catch (error) {
		post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
