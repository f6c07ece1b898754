/** CSV and GeoJSON files that tests build: rows from small records, in any line ending, with or without a BOM. */
import Papa from 'papaparse';
import { ACLED_COLUMNS } from './acled';
import { CCC_COLUMNS } from './ccc';

export function acledRow(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		event_id_cnty: 'BLR1001',
		event_date: '15 August 2020',
		year: '2020',
		time_precision: '1',
		disorder_type: 'Demonstrations',
		event_type: 'Protests',
		sub_event_type: 'Peaceful protest',
		actor1: 'Protesters (Belarus)',
		assoc_actor_1: 'Women (Belarus)',
		inter1: '6',
		actor2: '',
		assoc_actor_2: '',
		inter2: '0',
		interaction: '60',
		civilian_targeting: '',
		iso: '112',
		region: 'Europe',
		country: 'Belarus',
		admin1: 'Minsk',
		admin2: '',
		admin3: '',
		location: 'Minsk',
		latitude: '53.9000',
		longitude: '27.5667',
		geo_precision: '1',
		source: 'Belsat',
		source_scale: 'National',
		notes: 'On 15 August 2020, thousands of people gathered in Minsk.',
		fatalities: '0',
		tags: 'crowd size=thousands',
		timestamp: '1600000000',
		...overrides
	};
}

export function cccRow(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		date: '2020-08-15',
		locality: 'Portland',
		state: 'OR',
		location: 'Justice Center',
		location_detail: '',
		county: 'Multnomah County',
		online: '0',
		type: 'demonstration; march',
		macroevent: '',
		actors: 'Black Lives Matter',
		claims: 'for racial justice; against police brutality',
		valence: '1',
		issues: 'policing; racism',
		size_low: '200',
		size_high: '300',
		size_mean: '250',
		size_text: 'hundreds',
		size_cat: '2',
		arrests: '',
		injuries_crowd: '',
		injuries_police: '',
		damage: '',
		teargas: '',
		source_1: 'https://www.example.org/news/1',
		source_2: '',
		source_3: '',
		misc: '',
		final: '1',
		lat: '45.5152',
		lon: '-122.6784',
		resolved_locality: 'Portland',
		resolved_county: 'Multnomah County',
		resolved_state: 'OR',
		...overrides
	};
}

export interface CsvShape {
	bom?: boolean;
	crlf?: boolean;
	columns?: readonly string[];
}

/** A CSV file of the rows, quoting only where a field needs it, as spreadsheets write them. */
export function toCsv(
	rows: readonly Record<string, string>[],
	columns: readonly string[],
	shape: CsvShape = {}
): string {
	const newline = shape.crlf ? '\r\n' : '\n';
	const text = Papa.unparse(
		{
			fields: [...(shape.columns ?? columns)],
			data: rows.map((r) => (shape.columns ?? columns).map((c) => r[c] ?? ''))
		},
		{ newline }
	);
	return `${shape.bom ? '\uFEFF' : ''}${text}${newline}`;
}

export const acledCsv = (rows: Record<string, string>[], shape: CsvShape = {}) => toCsv(rows, ACLED_COLUMNS, shape);
export const cccCsv = (rows: Record<string, string>[], shape: CsvShape = {}) => toCsv(rows, CCC_COLUMNS, shape);

/** Text that only a program's insides would say: never for a report. */
export const INTERNAL_TEXT: readonly RegExp[] = [
	/\bCannot\b/,
	/TypeError|RangeError|SyntaxError|ReferenceError/,
	/\bundefined\b/,
	/\[object \w+\]/,
	/Maximum call stack/,
	/\bat \S+ \(.*:\d+:\d+\)/,
	/Unexpected token/,
	/root:x:0:0/,
	/Infinity/,
	/[A-Z][a-z]+Expected\b/
];
