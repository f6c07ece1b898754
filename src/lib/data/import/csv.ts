/**
 * CSV rows with the line each record starts on (the header is line 1), through papaparse, which
 * copes with a byte-order mark, CRLF and quoted fields that run over several lines. The input may
 * be a string, a browser File or a Node stream; rows arrive one at a time, so nothing is held whole.
 */
import Papa from 'papaparse';

export interface CsvHandlers {
	/** The header's column names, trimmed and lower-cased; returning false stops reading. */
	header(columns: string[]): boolean;
	/** One record: its fields and the line of the file where it starts. */
	row(fields: string[], line: number): void;
	/** A record papaparse could not read (an unclosed quote); it is reported, not skipped. */
	broken(line: number, reason: string): void;
	/** Characters read so far, for a progress bar. */
	progress?(cursor: number): void;
}

/** Newlines inside a record's fields: the record spans that many more lines of the file. */
function newlinesIn(fields: readonly string[]): number {
	let count = 0;
	for (const field of fields) {
		for (let i = 0; i < field.length; i++) {
			const c = field.charCodeAt(i);
			if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) count++;
		}
	}
	return count;
}

export interface CsvRun {
	done: Promise<void>;
	abort(): void;
}

/** Streams a CSV through the handlers; `done` settles once every record has been seen. */
/**
 * The delimiter of a CSV, from its header line alone: papaparse's own guess weighs every line, and
 * text fields full of semicolons ("march; rally") can mislead it.
 */
export function headerDelimiter(head: string): string {
	const header = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
	return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function readCsv(input: string | Blob | NodeJS.ReadableStream, handlers: CsvHandlers, delimiter = ','): CsvRun {
	let nextLine = 1;
	let headerSeen = false;
	let parser: Papa.Parser | undefined;
	let aborted = false;
	const done = new Promise<void>((resolve, reject) => {
		const config = {
			header: false,
			delimiter,
			skipEmptyLines: false,
			step(results: Papa.ParseStepResult<string[]>, stepParser: Papa.Parser) {
				parser = stepParser;
				const fields = results.data;
				const line = nextLine;
				nextLine += 1 + newlinesIn(fields);
				handlers.progress?.(results.meta.cursor);
				const broken = results.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
				if (broken) return handlers.broken(line, 'a quoted field is never closed');
				if (fields.length === 1 && fields[0]!.trim() === '') return; // a blank line
				if (!headerSeen) {
					headerSeen = true;
					const columns = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
					if (!handlers.header(columns)) stepParser.abort();
					return;
				}
				handlers.row(fields, line);
			},
			complete: () => resolve(),
			error: (error: Error) => reject(error)
		};
		// papaparse's overloads do not cover Node streams; it reads them all the same.
		const parse = Papa.parse as unknown as (input: unknown, config: object) => void;
		parse(input, typeof input === 'string' ? config : { ...config, chunkSize: 1 << 20 });
	});
	return {
		done,
		abort() {
			if (aborted) return;
			aborted = true;
			parser?.abort();
		}
	};
}
