/**
 * A file's bytes as text. UTF-8 is read strictly: a file in another encoding would come out
 * garbled, so it is refused with a reason unless its encoding is named (Windows-1251 for
 * Cyrillic, Latin-1 for Western European text).
 */

export const ENCODINGS = { 'utf-8': 'utf-8', cp1251: 'windows-1251', latin1: 'windows-1252' } as const;
export type Encoding = keyof typeof ENCODINGS;

export const isEncoding = (value: string): value is Encoding => value in ENCODINGS;

/** Why a file's bytes could not be read as text, in words a person can act on, and the line where. */
export class NotText extends Error {
	constructor(
		message: string,
		readonly line: number
	) {
		super(message);
	}
}

/** The index of the first byte that is not part of valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		const need =
			b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (need < 0) return i;
		if (i + need >= bytes.length) return need === 0 ? -1 : i;
		for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
		// Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
		if (b === 0xe0 && bytes[i + 1]! < 0xa0) return i;
		if (b === 0xed && bytes[i + 1]! > 0x9f) return i;
		if (b === 0xf0 && bytes[i + 1]! < 0x90) return i;
		if (b === 0xf4 && bytes[i + 1]! > 0x8f) return i;
		i += need + 1;
	}
	return -1;
}

/** Words for a file that is not UTF-8, naming where and what to do. */
function notUtf8(offset: number, line: number): NotText {
	return new NotText(
		`the file is not UTF-8 text (line ${line}, byte ${offset + 1}). If it was saved as Windows-1251 (Cyrillic) or Latin-1, name that encoding (--encoding cp1251 or latin1, or choose it in the import report) and import it again`,
		line
	);
}

/** Decodes chunks of bytes as they come; throws NotText where UTF-8 breaks. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: Encoding = 'utf-8') {
	const decoder = new TextDecoder(ENCODINGS[encoding], { fatal: encoding === 'utf-8' });
	let offset = 0;
	let line = 1;
	for await (const chunk of chunks) {
		let text: string;
		try {
			text = decoder.decode(chunk, { stream: true });
		} catch {
			const at = Math.max(0, firstInvalidUtf8(chunk));
			for (let k = 0; k < at; k++) if (chunk[k] === 10) line++;
			throw notUtf8(offset + at, line);
		}
		offset += chunk.length;
		for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
		yield text;
	}
	let rest: string;
	try {
		rest = decoder.decode();
	} catch {
		throw notUtf8(Math.max(0, offset - 1), line);
	}
	if (rest) yield rest;
}
