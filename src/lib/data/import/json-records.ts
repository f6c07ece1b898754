/**
 * JSON files as records with line numbers: the array at `path` (e.g. `features`) is found in the
 * parse tree, and each element is returned with the line it starts on.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface JsonRecords {
	root: unknown;
	records: { value: unknown; line: number }[];
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
	const tree = parseTree(clean, errors, { disallowComments: true, allowTrailingComma: false });
	const lineOf = lineFinder(clean);
	const first = errors[0];
	if (first || !tree)
		return {
			line: first ? lineOf(first.offset) : 1,
			message: `expected valid JSON, got ${first ? printParseErrorCode(first.error) : 'nothing'}`
		};
	const list = findNodeAtLocation(tree, path);
	const root: unknown = getNodeValue(tree);
	if (!list || list.type !== 'array') return { root, records: [] };
	return {
		root,
		records: (list.children ?? []).map((node) => ({ value: getNodeValue(node) as unknown, line: lineOf(node.offset) }))
	};
}
