/**
 * The benchmark's arithmetic: each page's loads as a median with its spread, ratios of medians
 * within one run, and the targets read off them. Pure, so that it is tested.
 */
import type { Measurement } from './measure';

export interface Sample {
	size: string;
	page: string;
	result: Measurement;
}

const APP = 'Protest Atlas';
const BARE = 'bare MapLibre';
const CLUSTERED = 'clustered MapLibre';

interface Spread {
	median: number;
	min: number;
	max: number;
}

export interface PageSummary {
	size: string;
	page: string;
	loads: number;
	/** Loads that did not open, with the first reason. */
	failed: number;
	failure?: string;
	firstMarkers?: Spread;
	filterStep?: Spread;
	dateStep?: Spread;
	longestTask?: Spread;
	longestScript?: Spread;
	longestFrame?: Spread;
	heap?: Spread;
	workersHeap?: Spread;
	bytes?: Spread;
	bytesAtFirstMarkers?: Spread;
}

export function median(values: readonly number[]): number {
	const sorted = values.toSorted((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function spread(values: (number | undefined)[]): Spread | undefined {
	const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
	if (known.length === 0) return undefined;
	return { median: median(known), min: Math.min(...known), max: Math.max(...known) };
}

/** One summary per dataset size and page, in the order they were first measured. */
export function summarise(samples: readonly Sample[]): PageSummary[] {
	const keys = [...new Set(samples.map((s) => `${s.size}\u0000${s.page}`))];
	return keys.map((key) => {
		const [size, page] = key.split('\u0000') as [string, string];
		const results = samples.filter((s) => s.size === size && s.page === page).map((s) => s.result);
		const opened = results.filter((r) => !r.error);
		const pick = (field: keyof Measurement) => spread(opened.map((r) => r[field] as number | undefined));
		const failure = results.find((r) => r.error)?.error;
		return {
			size,
			page,
			loads: results.length,
			failed: results.length - opened.length,
			...(failure ? { failure } : {}),
			firstMarkers: pick('firstMarkers'),
			filterStep: pick('filterStep'),
			dateStep: pick('dateStep'),
			longestTask: pick('longestTaskAfterFirstMarkers'),
			longestScript: pick('longestScriptAfterFirstMarkers'),
			longestFrame: pick('longestFrameAfterFirstMarkers'),
			heap: pick('heap'),
			workersHeap: pick('workersHeap'),
			bytes: spread(results.map((r) => r.bytes)),
			bytesAtFirstMarkers: pick('bytesAtFirstMarkers')
		};
	});
}

const find = (summary: readonly PageSummary[], size: string, page: string) =>
	summary.find((s) => s.size === size && s.page === page);

/** A ratio of two medians, or undefined when either is missing. */
export function ratioOf(a: Spread | undefined, b: Spread | undefined): number | undefined {
	return a && b && b.median > 0 ? a.median / b.median : undefined;
}

const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB')} ms`;
const timed = (s: Spread | undefined) =>
	s
		? `${ms(s.median)} (${Math.round(s.min).toLocaleString('en-GB')}–${Math.round(s.max).toLocaleString('en-GB')})`
		: '—';
const times = (r: number | undefined) => (r === undefined ? '—' : `${r.toFixed(2)}×`);
const mb = (s: Spread | undefined) => (s ? `${(s.median / 1e6).toFixed(1)} MB` : '—');

export function resultsTable(summary: readonly PageSummary[]): string {
	const lines = [
		'| events | page | first markers | × bare | × clustered | filter → idle | date step → idle | after first markers: longest task / own script / MapLibre frame | JS heap: page / workers | bytes |',
		'|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const row of summary) {
		const bare = find(summary, row.size, BARE)?.firstMarkers;
		const clustered = find(summary, row.size, CLUSTERED)?.firstMarkers;
		const opened = row.failed === row.loads ? `did not open: ${row.failure}` : timed(row.firstMarkers);
		const failed = row.failed && row.failed < row.loads ? ` ${row.failed} of ${row.loads} did not open` : '';
		lines.push(
			[
				row.size,
				row.page,
				`${opened}${failed}`,
				row.page === BARE ? '1×' : times(ratioOf(row.firstMarkers, bare)),
				row.page === CLUSTERED ? '1×' : times(ratioOf(row.firstMarkers, clustered)),
				timed(row.filterStep),
				timed(row.dateStep),
				[row.longestTask, row.longestScript, row.longestFrame].map((s) => (s ? ms(s.median) : '—')).join(' / '),
				`${mb(row.heap)} / ${mb(row.workersHeap)}`,
				mb(row.bytes)
			]
				.join(' | ')
				.replace(/^/, '| ')
				.concat(' |')
		);
	}
	return lines.join('\n');
}

interface Target {
	what: string;
	measured: number | undefined;
	limit: number;
	unit: '×' | 'ms';
}

/** The targets, each a ratio of medians in this run (or, for scripts, a median in ms), met or not. */
export function targets(summary: readonly PageSummary[]): Target[] {
	const sizes = [...new Set(summary.map((s) => s.size))];
	const [defaultSize, ...larger] = sizes;
	const app = (size: string | undefined) => (size === undefined ? undefined : find(summary, size, APP));
	const base = app(defaultSize);
	const list: Target[] = [
		{
			what: 'default dataset: first markers, × the bare page',
			measured: ratioOf(base?.firstMarkers, find(summary, defaultSize ?? '', BARE)?.firstMarkers),
			limit: 1.2,
			unit: '×'
		}
	];
	for (const size of larger) {
		const events = Number(size.replace(/\D/g, ''));
		list.push(
			{
				what: `${size}: first markers, × clustered MapLibre`,
				measured: ratioOf(app(size)?.firstMarkers, find(summary, size, CLUSTERED)?.firstMarkers),
				limit: events <= 10_000 ? 1 : 0.8,
				unit: '×'
			},
			{
				what: `${size}: first markers, × the default dataset's`,
				measured: ratioOf(app(size)?.firstMarkers, base?.firstMarkers),
				limit: 1.3,
				unit: '×'
			},
			{
				what: `${size}: filter step, × the default dataset's`,
				measured: ratioOf(app(size)?.filterStep, base?.filterStep),
				limit: 1.5,
				unit: '×'
			},
			{
				what: `${size}: date step, × the default dataset's`,
				measured: ratioOf(app(size)?.dateStep, base?.dateStep),
				limit: 1.5,
				unit: '×'
			}
		);
	}
	for (const size of sizes)
		list.push({
			what: `${size}: the page's longest script after the first markers`,
			measured: app(size)?.longestScript?.median,
			limit: 50,
			unit: 'ms'
		});
	return list;
}

export function targetsTable(summary: readonly PageSummary[]): string {
	const lines = ['| target | limit | measured | met |', '|---|---|---|---|'];
	for (const t of targets(summary)) {
		const shown = t.measured === undefined ? '—' : t.unit === 'ms' ? ms(t.measured) : times(t.measured);
		const met = t.measured === undefined ? 'not measured' : t.measured <= t.limit ? 'yes' : '**no**';
		lines.push(`| ${t.what} | ≤ ${t.limit}${t.unit === 'ms' ? ' ms' : '×'} | ${shown} | ${met} |`);
	}
	return lines.join('\n');
}
