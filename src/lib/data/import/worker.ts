/**
 * The browser's importer, off the main thread: reads a File the reader chose (nothing leaves their
 * machine), posts progress as it goes, then the dataset and its report. Cancelling terminates it.
 */
import type { Place } from '../schema';
import type { DateOrder } from './dates';
import type { Encoding } from './decode';
import { slugify, type ImportFormat } from './importer';
import { blobSource, importFile } from './run';

export interface ImportRequest {
	file: File;
	format?: ImportFormat;
	/** The file's encoding, when the reader named one after a first try. */
	encoding?: Encoding;
	/** How slashed dates read, when the reader chose. */
	dateOrder?: DateOrder;
	/** Places that rows without coordinates are looked up in. */
	gazetteer: Place[];
}

export type ImportMessage =
	| { kind: 'progress'; read: number; total: number }
	| { kind: 'done'; result: Awaited<ReturnType<typeof importFile>> }
	| { kind: 'failed'; message: string };

const post = (message: ImportMessage) => postMessage(message);

onmessage = async (event: MessageEvent<ImportRequest>) => {
	const { file, gazetteer, format, encoding, dateOrder } = event.data;
	try {
		let last = 0;
		const result = await importFile(blobSource(file, file.name), {
			...(format ? { format } : {}),
			...(encoding ? { encoding } : {}),
			...(dateOrder ? { dateOrder } : {}),
			slug: slugify(file.name.replace(/\.[^.]+$/, '')) || 'imported',
			title: file.name,
			gazetteer,
			file: file.name,
			onProgress(read) {
				// A message per megabyte is enough to move a bar.
				if (read - last < 1 << 20) return;
				last = read;
				post({ kind: 'progress', read, total: file.size });
			}
		});
		post({ kind: 'progress', read: file.size, total: file.size });
		post({ kind: 'done', result });
	} catch (error) {
		post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
