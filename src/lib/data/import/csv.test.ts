import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';

/** Everything the reader reports, in order. */
async function read(text: string | string[], delimiter = ',') {
	const out: string[] = [];
	let header: string[] = [];
	async function* chunks(parts: string[]) {
		for (const part of parts) yield part;
	}
	await readCsv(
		typeof text === 'string' ? text : chunks(text),
		{
			header: (columns) => ((header = columns), true),
			row: (fields, line, last) => void out.push(`${line}${last > line ? `-${last}` : ''}: ${fields.join('|')}`),
			broken: (line, reason) => void out.push(`${line}! ${reason}`)
		},
		delimiter
	);
	return { header, out };
}

describe('reading CSV', () => {
	it('reads quoted fields with delimiters, doubled quotes and line breaks, and says where each record starts', async () => {
		const { header, out } = await read('\uFEFFA, b ,c\r\n1,"x, ""y""",z\r\n2,"one\r\ntwo",w\r\n\r\n3,,\r\n');
		expect(header).toEqual(['a', 'b', 'c']);
		expect(out).toEqual(['2: 1|x, "y"|z', '3-4: 2|one\r\ntwo|w', '6: 3||']);
	});

	it('resumes at the next line after a quote that is never closed', async () => {
		const { out } = await read('a,b\n1,"open\n2,two\n3,three\n');
		expect(out).toEqual([
			'2! a quoted field is never closed; the line was skipped and reading went on at line 3',
			'3: 2|two',
			'4: 3|three'
		]);
	});

	it('resumes at the next line when a later quote closes a field opened by mistake', async () => {
		const { out } = await read('a,b,c\n1,"open,x\n2,y,z\n3,"q",r\n');
		expect(out[0]).toBe(
			'2! a quoted field opened on this line is not closed on it, and runs on to line 4; its closing quote is probably missing; the line was skipped and reading went on at line 3'
		);
		expect(out.slice(1)).toEqual(['3: 2|y|z', '4: 3|q|r']);
	});

	it('reports text after a closing quote on one line as that line', async () => {
		const { out } = await read('a,b\n"x"y,1\n2,3\n');
		expect(out).toEqual(['2! a quoted field has text after its closing quote', '3: 2|3']);
	});

	it('reads the same records whatever the chunks, CRLF split between them included', async () => {
		const text = 'a,b\r\n1,"x\r\ny"\r\n2,"z"\r\n3,"open\r\n4,w\r\n';
		const whole = await read(text);
		for (let at = 1; at < text.length; at++) expect(await read([text.slice(0, at), text.slice(at)])).toEqual(whole);
	});

	it('agrees with papaparse on any well-formed file', async () => {
		const cell = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r\n', 'ж', ';') });
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }), async (rows) => {
				const text = Papa.unparse({ fields: ['a', 'b', 'c'], data: rows }, { quotes: false, newline: '\r\n' });
				const { out } = await read(text);
				const expected = Papa.parse<string[]>(text, { skipEmptyLines: false }).data.slice(1);
				const blank = (r: string[]) => r.length === 1 && r[0]!.trim() === '';
				expect(out.map((line) => line.replace(/^[\d-]+: /, ''))).toEqual(
					expected.filter((r) => !blank(r)).map((r) => r.join('|'))
				);
			}),
			{ numRuns: 500 }
		);
	});
});
