/**
 * What an import says and what a row reader works with: the report (`line N: field: reason`, and
 * the closing counts), the drafts a row becomes, and the context a reader rejects and warns through.
 */
import type { Place, PlaceKind, ProtestEvent } from '../schema';
import type { DateOrder } from './dates';

export const IMPORT_FORMATS = ['acled', 'ccc', 'geojson', 'atlas'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A rejection or warning: `line N: field: reason`, or `feature N (id "x"), line N: field: reason`. */
export interface RowIssue {
	line: number;
	field: string;
	message: string;
	/** The record's own name, where the file has records that are not lines (a GeoJSON feature). */
	record?: string;
}

export function formatIssue(issue: RowIssue): string {
	return `${issue.record ? `${issue.record}, ` : ''}line ${issue.line}: ${issue.field}: ${issue.message}`;
}

/** What a command prints of a report, before its closing counts: the rejections, then the warnings. */
export function reportLines(report: Pick<ImportReport, 'rejections' | 'warnings'>): string[] {
	return [...report.rejections.map(formatIssue), ...report.warnings.map((issue) => `${formatIssue(issue)} (warning)`)];
}

export interface ImportReport {
	format: ImportFormat;
	rowsRead: number;
	imported: number;
	/** Rows rejected (a row may have several issues). */
	rejected: number;
	rejections: RowIssue[];
	warnings: RowIssue[];
	/** Choices that would read more of the file: its encoding, or the order of its slashed dates. */
	needs?: ReadingChoice[];
}

/** What a reader can choose when the file does not say: see decode.ts and dates.ts. */
export type ReadingChoice = 'encoding' | 'dateOrder';

/** `N rows read, M imported, K rejected`: the last line of every import. */
export function summaryLine(report: ImportReport): string {
	return `${report.rowsRead} rows read, ${report.imported} imported, ${report.rejected} rejected`;
}

/** Where a row happened, before places are given ids. */
export interface LocationDraft {
	name: string;
	/** Names in other languages, when the file has them. */
	names?: Record<string, string>;
	coordinates?: [number, number];
	kind: PlaceKind;
	precision: Place['properties']['precision'];
	/** The city or town the location belongs to, by name; the location itself when unset. */
	city?: string;
	country?: string;
	region?: string;
	/** The row is marked sensitive: its location may be generalised. */
	sensitive?: boolean;
	/** Set when the coordinates were snapped to a grid of this many kilometres. */
	generalisedKm?: number;
}

/** What a row reader makes of a row; `id` may be unset, `place` is filled in by the importer. */
export interface RowDraft {
	location: LocationDraft;
	event: Omit<ProtestEvent, 'place' | 'id'> & { id?: string };
}

/** What a row reader may call while reading a row. */
export interface RowContext {
	line: number;
	/** How slashed dates read, when the file's maker said. */
	dateOrder?: DateOrder;
	reject(field: string, message: string): void;
	warn(field: string, message: string): void;
	/** Says that a choice of the reader's would have read this row. */
	need(choice: ReadingChoice): void;
}

export interface ImportOptions {
	slug: string;
	title: string;
	description?: string;
	/** Places that rows without coordinates are found in, by name. */
	gazetteer?: readonly Place[];
	timeZone?: string;
	defaultLanguage?: string;
	attribution?: string[];
	file?: string;
	/** Who the places' coordinates come from: the file's maker. */
	placeSource?: string;
	/** Snap the coordinates of sensitive rows (or of all rows) to a grid of this many kilometres. */
	generalise?: { km: number; all: boolean };
	/** How slashed dates read (08/09/2020); unset, a date that could be either is refused. */
	dateOrder?: DateOrder;
	/**
	 * Hands every kept row on at once instead of holding it, for files too large to hold (`npm run
	 * tiles`): the caller checks ids for repeats, and the dataset `finish` returns has no events.
	 */
	handOff?: (line: number, draft: RowDraft) => void;
}
