/**
 * CSV cells that a spreadsheet would run as a formula are written with a leading apostrophe, as
 * OWASP recommends against CSV injection: a cell beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return. The importer takes the apostrophe off again, so a round trip keeps the text.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);
/** A plain number, as a numeric column holds it: `-27.55`, `1e-5`. It is left alone. */
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i;

/** An apostrophe that this module put there: before a formula character, or before another apostrophe it kept. */
const isOurMark = (text: string) => text[0] === "'" && (FORMULA_START.has(text[1] ?? '') || text[1] === "'");

/** A cell as written to a CSV that a spreadsheet opens: formula starts are neutralised. */
export function spreadsheetSafe(text: string, numeric = false): string {
	if (numeric && PLAIN_NUMBER.test(text)) return text;
	// A text that already looks like our mark gets one more, so that reading it back gives it whole.
	return FORMULA_START.has(text[0] ?? '') || isOurMark(text) ? `'${text}` : text;
}

/** A cell as read from a CSV: the apostrophe that spreadsheetSafe added is taken off. */
export function fromSpreadsheetCell(text: string): string {
	return isOurMark(text) ? text.slice(1) : text;
}
