import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSpreadsheetCell, spreadsheetSafe } from './spreadsheet-cells';

describe('spreadsheet-safe CSV cells', () => {
	it.each([
		['=HYPERLINK("http://x.example","click")'],
		['@SUM(1+1) square'],
		["+cmd|' /C calc'!A0"],
		['-2+3'],
		['\tleading tab'],
		['\rleading return']
	])('neutralises %j with a leading apostrophe', (cell) => {
		expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
	});

	it('leaves plain numbers in numeric columns alone, but not formulas there', () => {
		expect(spreadsheetSafe('-27.5561', true)).toBe('-27.5561');
		expect(spreadsheetSafe('1e-5', true)).toBe('1e-5');
		expect(spreadsheetSafe('-1+1', true)).toBe("'-1+1");
		expect(spreadsheetSafe('-27.5561')).toBe("'-27.5561");
	});

	it('leaves ordinary text alone', () => {
		for (const cell of ['Minsk', "'quoted'", 'a=b', '', ' =x']) expect(spreadsheetSafe(cell)).toBe(cell);
	});

	it('reads back any text it writes, and never writes a cell that starts a formula', () => {
		const start = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '1', ' ');
		const text = fc.tuple(fc.array(start, { maxLength: 4 }), fc.string()).map(([head, rest]) => head.join('') + rest);
		fc.assert(
			fc.property(text, fc.boolean(), (cell, numeric) => {
				const written = spreadsheetSafe(cell, numeric);
				expect(fromSpreadsheetCell(written)).toBe(cell);
				if (!numeric || !/^-?[\d.]/.test(cell)) expect(['=', '+', '-', '@', '\t', '\r']).not.toContain(written[0]);
			}),
			{ numRuns: 5000 }
		);
	});
});
