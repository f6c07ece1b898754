/**
 * The values of a row, read strictly: coordinates, counts, radii, dates and ranges. Each refuses
 * what it cannot read, naming the field and what was expected, and never fixes a value silently.
 */
import type { CountRange } from '../schema';
import { quoted } from '../file-values';
import { readDate } from './dates';
import type { RowContext } from './report';

/** Reads a coordinate pair from text fields, rejecting anything out of range or half given. */
export function readCoordinates(
	latText: string | undefined,
	lonText: string | undefined,
	ctx: Pick<RowContext, 'reject'>,
	fields = { lat: 'latitude', lon: 'longitude' }
): [number, number] | undefined | null {
	const latRaw = (latText ?? '').trim();
	const lonRaw = (lonText ?? '').trim();
	if (!latRaw && !lonRaw) return undefined;
	if (!latRaw || !lonRaw) {
		ctx.reject(latRaw ? fields.lon : fields.lat, 'expected a number, since the other coordinate is given, got nothing');
		return null;
	}
	// Both are read, so that a row with two bad coordinates names both.
	const lat = readDegrees(latRaw, fields.lat, 'latitude', 90, ctx);
	const lon = readDegrees(lonRaw, fields.lon, 'longitude', 180, ctx);
	return lat === undefined || lon === undefined ? null : [lon, lat];
}

/** One coordinate in degrees, within ±`limit`; undefined once refused. */
function readDegrees(
	raw: string,
	field: string,
	what: string,
	limit: number,
	ctx: Pick<RowContext, 'reject'>
): number | undefined {
	const value = Number(raw);
	if (!Number.isFinite(value) || !/^[-+]?[\d.]+(?:e[-+]?\d+)?$/i.test(raw))
		return void ctx.reject(field, `expected a number, got "${raw}"`);
	if (value < -limit || value > limit)
		return void ctx.reject(field, `expected a ${what} between -${limit} and ${limit}, got ${raw}`);
	return value;
}

/** Reads a date field: a date that is no date rejects the row; an unlikely year is warned about. */
export function readDateField(raw: string, field: string, ctx: RowContext): string | undefined {
	const reading = readDate(raw, ctx.dateOrder);
	if ('error' in reading) {
		if (reading.ambiguous) ctx.need('dateOrder');
		return void ctx.reject(field, reading.error);
	}
	if (reading.warning) ctx.warn(field, reading.warning);
	return reading.date;
}

/** Rejects a crowd range above 10⁹ people, or whose low end is above its high end. */
export function checkRange(range: CountRange, ctx: Pick<RowContext, 'reject'>, fields: [string, string]): boolean {
	for (const [value, field] of [
		[range.low, fields[0]],
		[range.high, fields[1]]
	] as const)
		if (value !== undefined && !(value <= MAX_COUNT)) {
			ctx.reject(
				field,
				`expected at most ${MAX_COUNT.toLocaleString('en')} people, got ${Number.isFinite(value) ? value.toLocaleString('en') : 'a number too large to hold'}: no crowd is that large`
			);
			return false;
		}
	if (range.low !== undefined && range.high !== undefined && range.low > range.high) {
		ctx.reject(fields[0], `expected a number ≤ ${fields[1]} (${range.high}), got ${range.low}`);
		return false;
	}
	return true;
}

/** The most people a count may hold: no gathering, arrest or death toll is larger. */
const MAX_COUNT = 1_000_000_000;
/** The widest an uncertainty radius may be, in metres: half the Earth's circumference. */
const MAX_RADIUS_M = 20_037_508;

/** Reads a whole number from 0 to 10⁹, or nothing; anything else rejects the row. */
export function readCount(
	text: string | undefined,
	field: string,
	ctx: Pick<RowContext, 'reject'>
): number | undefined {
	const raw = (text ?? '').trim().replace(/,/g, '');
	if (!raw) return undefined;
	const value = Number(raw);
	if (!/^\d+(?:\.0+)?$/.test(raw) || !Number.isFinite(value)) {
		ctx.reject(field, `expected a whole number ≥ 0, got "${quoted(text ?? '')}"`);
		return undefined;
	}
	if (value > MAX_COUNT) {
		ctx.reject(
			field,
			`expected at most ${MAX_COUNT.toLocaleString('en')}, got ${quoted(raw)}: no count of people is that large`
		);
		return undefined;
	}
	return value;
}

/** An uncertainty radius in metres: unset, or a finite number > 0 up to half the Earth's circumference; null when refused. */
export function readRadius(value: unknown, field: string, ctx: Pick<RowContext, 'reject'>): number | undefined | null {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
	if (!Number.isFinite(n) || n <= 0 || n > MAX_RADIUS_M) {
		ctx.reject(
			field,
			`expected a radius in metres above 0 and at most ${MAX_RADIUS_M.toLocaleString('en')}, got ${typeof value === 'number' && !Number.isFinite(value) ? 'a number too large to hold' : typeof value === 'string' || typeof value === 'number' ? `"${quoted(String(value))}"` : 'no number'}`
		);
		return null;
	}
	return Math.round(n);
}
