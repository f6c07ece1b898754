/**
 * CSV records with the line each starts on (the header is line 1), read as RFC 4180 writes them:
 * quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF and a byte-order
 * mark are all read. Text arrives in chunks, so nothing is held whole.
 *
 * A record whose quotes are broken (a quote never closed, or text after a closing quote) is
 * reported, and reading resumes at the line after the one it started on: one broken quote costs
 * one line, not every record after it.
 */

export interface CsvHandlers {
	/** The header's column names, trimmed and lower-cased; returning false stops reading. */
	header(columns: string[]): boolean;
	/** One record: its fields, the line it starts on and the line it ends on. */
	row(fields: string[], line: number, lastLine: number): void;
	/** A line whose quotes are broken: it is reported as one row, and reading goes on after it. */
	broken(line: number, reason: string): void;
	/** Characters read so far, for a progress bar. */
	progress?(cursor: number): void;
}

/**
 * The delimiter of a CSV, from its header line alone: a guess that weighs every line can be
 * misled by text fields full of semicolons ("march; rally").
 */
export function headerDelimiter(head: string): string {
	const header = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
	return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A quoted field longer than this is taken for a quote that was never closed. */
const MAX_QUOTED = 1 << 20;

/** Reads text pushed in chunks; `end()` flushes the last record. */
class CsvReader {
	#buffer = '';
	/** Where the record being read starts in #buffer, and its line. */
	#recordStart = 0;
	#recordLine = 1;
	#line = 1;
	#fields: string[] = [];
	#field = '';
	#quoted = false;
	/** Inside a quoted field. */
	#inQuotes = false;
	/** A quote was just read inside a quoted field: a second one is a literal quote. */
	#quoteSeen = false;
	#broken: string | undefined;
	#headerSeen = false;
	#stopped = false;
	#consumed = 0;
	#first = true;

	constructor(
		private readonly handlers: CsvHandlers,
		private readonly delimiter = ','
	) {}

	get stopped() {
		return this.#stopped;
	}

	push(chunk: string): void {
		if (this.#stopped) return;
		if (this.#first) {
			this.#first = false;
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		}
		this.#buffer += chunk;
		this.#scan(false);
	}

	end(): void {
		if (!this.#stopped) this.#scan(true);
	}

	#scan(final: boolean): void {
		for (;;) {
			this.#cursor = this.#read(final);
			if (!final || this.#stopped) break;
			// At the end of the text: a quote still open, or a broken record over several lines,
			// costs the line it started on, and what follows is read again.
			if (this.#inQuotes && !this.#quoteSeen) {
				this.#broken = 'a quoted field is never closed';
				this.#cursor = this.#resync();
				continue;
			}
			if (this.#broken && this.#line > this.#recordLine) {
				this.#broken = `a quoted field opened on this line is not closed on it, and runs on to line ${this.#line}; its closing quote is probably missing`;
				this.#cursor = this.#resync();
				continue;
			}
			this.#inQuotes = false;
			this.#quoteSeen = false;
			if (this.#fields.length || this.#field || this.#quoted) {
				this.#endField();
				this.#endRecord();
			}
			this.handlers.progress?.(this.#consumed + this.#buffer.length);
			break;
		}
		this.#compact();
	}

	/** Reads from the cursor to the end of the buffer (or up to a CR whose LF may follow). */
	#read(final: boolean): number {
		const text = this.#buffer;
		const delimiter = this.delimiter;
		let i = this.#cursor;
		while (i < text.length && !this.#stopped) {
			const c = text[i]!;
			if (c === '\r' && i + 1 >= text.length && !final) break; // a CRLF split between chunks
			if (this.#inQuotes) {
				if (this.#quoteSeen) {
					this.#quoteSeen = false;
					if (c === '"') {
						this.#field += '"';
						i++;
						continue;
					}
					this.#inQuotes = false; // the quote closed the field; c is read below
				} else {
					if (c === '"') this.#quoteSeen = true;
					else {
						if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) this.#line++;
						this.#field += c;
					}
					i++;
					if (this.#field.length > MAX_QUOTED) {
						this.#broken = `a quoted field runs on for over ${MAX_QUOTED.toLocaleString('en')} characters: its closing quote is probably missing`;
						i = this.#resync();
					}
					continue;
				}
			}
			if (c === delimiter) {
				this.#endField();
				i++;
			} else if (c === '\n' || c === '\r') {
				if (this.#broken && this.#line > this.#recordLine) {
					this.#broken = `a quoted field opened on this line is not closed on it, and runs on to line ${this.#line}; its closing quote is probably missing`;
					i = this.#resync();
					continue;
				}
				const next = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
				this.#endField();
				this.#endRecord();
				this.#line++;
				i = next;
				this.#recordStart = i;
				this.#recordLine = this.#line;
			} else if (c === '"' && this.#field === '' && !this.#quoted) {
				this.#inQuotes = true;
				this.#quoted = true;
				i++;
			} else {
				if (this.#quoted) this.#broken ??= 'a quoted field has text after its closing quote';
				else if (c === '"') this.#broken ??= 'a quote stands inside a field that is not quoted';
				this.#field += c;
				i++;
			}
		}
		return i;
	}

	#cursor = 0;

	/** Drops what has been read from the buffer, keeping the record in progress. */
	#compact(): void {
		if (this.#recordStart === 0) return;
		this.#consumed += this.#recordStart;
		this.handlers.progress?.(this.#consumed);
		this.#buffer = this.#buffer.slice(this.#recordStart);
		this.#cursor -= this.#recordStart;
		this.#recordStart = 0;
	}

	#endField(): void {
		this.#fields.push(this.#field);
		this.#field = '';
		this.#quoted = false;
	}

	#endRecord(): void {
		const fields = this.#fields;
		const line = this.#recordLine;
		const lastLine = this.#line;
		this.#fields = [];
		if (this.#broken) {
			const reason = this.#broken;
			this.#broken = undefined;
			if (!this.#headerSeen) {
				this.#stopped = true;
				this.handlers.broken(line, `${reason}, in the header`);
			} else this.handlers.broken(line, reason);
			return;
		}
		if (fields.length === 1 && fields[0]!.trim() === '') return; // a blank line
		if (!this.#headerSeen) {
			this.#headerSeen = true;
			if (!this.handlers.header(fields.map((f) => f.trim().toLowerCase()))) this.#stopped = true;
			return;
		}
		this.handlers.row(fields, line, lastLine);
	}

	/**
	 * Reports the record that started at #recordStart as broken, and returns where reading starts
	 * again: the line after the one it started on.
	 */
	#resync(): number {
		const text = this.#buffer;
		const start = this.#recordStart;
		let end = start;
		while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
		const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
		const reason = this.#broken ?? 'its quotes are broken';
		this.#broken = undefined;
		this.#fields = [];
		this.#field = '';
		this.#quoted = false;
		this.#inQuotes = false;
		this.#quoteSeen = false;
		const line = this.#recordLine;
		if (!this.#headerSeen) {
			this.#stopped = true;
			this.handlers.broken(line, `${reason}, in the header`);
			return text.length;
		}
		// One line is skipped; the next starts a record of its own.
		this.handlers.broken(line, `${reason}; the line was skipped and reading went on at line ${line + 1}`);
		this.#line = line + 1;
		this.#recordLine = line + 1;
		this.#recordStart = Math.min(next, text.length);
		return this.#recordStart;
	}
}

/** Reads a whole CSV, from one string or from chunks as they come. */
export async function readCsv(
	input: string | AsyncIterable<string>,
	handlers: CsvHandlers,
	delimiter = ','
): Promise<void> {
	const reader = new CsvReader(handlers, delimiter);
	if (typeof input === 'string') reader.push(input);
	else
		for await (const chunk of input) {
			reader.push(chunk);
			if (reader.stopped) break;
		}
	reader.end();
}
