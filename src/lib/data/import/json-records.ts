/**
 * JSON files as records with line numbers: the array at `path` (e.g. `features`) is found in the
 * parse tree, and each element is returned with the line it starts on.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** What the parser's fault codes mean, in a person's words. */
const JSON_FAULTS: Record<string, string> = {
	InvalidSymbol: 'expected a value, got a character that JSON does not allow',
	InvalidNumberFormat: 'expected a number written as JSON writes numbers',
	PropertyNameExpected: 'expected a property name in double quotes',
	ValueExpected: 'expected a value',
	ColonExpected: 'expected a colon after a property name',
	CommaExpected: 'expected a comma between values',
	CloseBraceExpected: 'expected a closing }',
	CloseBracketExpected: 'expected a closing ]',
	EndOfFileExpected: 'expected the end of the file after the first value',
	InvalidCommentToken: 'expected no comment, since JSON has none',
	UnexpectedEndOfComment: 'expected the end of a comment',
	UnexpectedEndOfString: 'expected the closing double quote of a text',
	UnexpectedEndOfNumber: 'expected the rest of a number',
	InvalidUnicode: 'expected four hexadecimal digits after \\u',
	InvalidEscapeCharacter: 'expected a valid escape after a backslash',
	InvalidCharacter: 'expected no control character inside a text'
};

export interface JsonRecords {
	root: unknown;
	records: { value: unknown; line: number }[];
	/** What stands at the records' path when it is not an array; undefined when it is, or is missing. */
	notArray?: unknown;
}

/** How deep a file's objects and arrays may nest: no protest record needs more, and a parser's stack has a floor. */
const MAX_DEPTH = 64;

/** The line where the text first nests deeper than `max`, or undefined; strings are skipped. */
function tooDeep(text: string, max: number): number | undefined {
	let depth = 0;
	let line = 1;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) line++;
		if (inString) {
			if (c === 92)
				i++; // a backslash escapes the next character
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) {
			if (++depth > max) return line;
		} else if (c === 125 || c === 93) depth--;
	}
	return undefined;
}

/** Line numbers of character offsets, found by one pass over the text. */
function lineFinder(text: string): (offset: number) => number {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
	return (offset) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid]! <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};
}

/** Parses the text, or says where it first stops being JSON. */
export function readJsonRecords(text: string, path: string[]): JsonRecords | { line: number; message: string } {
	const errors: ParseError[] = [];
	const clean = text.replace(/^\uFEFF/, '');
	const deep = tooDeep(clean, MAX_DEPTH);
	if (deep !== undefined)
		return {
			line: deep,
			message: `expected objects and lists nested at most ${MAX_DEPTH} deep, but the file nests deeper from this line on`
		};
	const tree = parseTree(clean, errors, { disallowComments: true, allowTrailingComma: false });
	const lineOf = lineFinder(clean);
	const first = errors[0];
	if (first || !tree)
		return {
			line: first ? lineOf(first.offset) : 1,
			message: first
				? `the file stops being JSON here: ${JSON_FAULTS[printParseErrorCode(first.error)] ?? 'expected valid JSON'}`
				: 'expected JSON, got nothing'
		};
	const list = findNodeAtLocation(tree, path);
	const root: unknown = getNodeValue(tree);
	if (!list) return { root, records: [] };
	if (list.type !== 'array') return { root, records: [], notArray: getNodeValue(list) as unknown };
	return {
		root,
		records: (list.children ?? []).map((node) => ({ value: getNodeValue(node) as unknown, line: lineOf(node.offset) }))
	};
}
