/**
 * Seeded synthetic protest events, shaped like an ACLED export: places spread over Belarus and the
 * world, a realistic mix of event types, crowd sizes and dates, and long notes. The same seed and
 * size always give the same file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import Papa from 'papaparse';
import { ACLED_COLUMNS } from '../../../src/lib/data/import/acled';
import { acledRow } from '../../../src/lib/data/import/fixtures';

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Towns that protests cluster around: [name, country, latitude, longitude]. */
const BELARUS: [string, number, number][] = [
	['Minsk', 53.9, 27.567],
	['Gomel', 52.434, 30.975],
	['Mogilev', 53.917, 30.345],
	['Vitebsk', 55.19, 30.205],
	['Grodno', 53.688, 23.826],
	['Brest', 52.098, 23.734],
	['Bobruisk', 53.138, 29.221],
	['Baranovichi', 53.133, 26.014],
	['Borisov', 54.228, 28.505],
	['Pinsk', 52.123, 26.095]
];
const WORLD: [string, string, number, number][] = [
	['Warsaw', 'Poland', 52.23, 21.01],
	['Vilnius', 'Lithuania', 54.69, 25.28],
	['Kyiv', 'Ukraine', 50.45, 30.52],
	['Moscow', 'Russia', 55.76, 37.62],
	['Berlin', 'Germany', 52.52, 13.4],
	['Paris', 'France', 48.86, 2.35],
	['London', 'United Kingdom', 51.51, -0.13],
	['Madrid', 'Spain', 40.42, -3.7],
	['Rome', 'Italy', 41.9, 12.5],
	['Istanbul', 'Turkey', 41.01, 28.98],
	['Cairo', 'Egypt', 30.04, 31.24],
	['Lagos', 'Nigeria', 6.52, 3.38],
	['Nairobi', 'Kenya', -1.29, 36.82],
	['Johannesburg', 'South Africa', -26.2, 28.05],
	['Tehran', 'Iran', 35.69, 51.39],
	['Karachi', 'Pakistan', 24.86, 67.0],
	['Delhi', 'India', 28.61, 77.21],
	['Dhaka', 'Bangladesh', 23.81, 90.41],
	['Bangkok', 'Thailand', 13.76, 100.5],
	['Yangon', 'Myanmar', 16.84, 96.17],
	['Hong Kong', 'China', 22.32, 114.17],
	['Manila', 'Philippines', 14.6, 120.98],
	['Jakarta', 'Indonesia', -6.21, 106.85],
	['Seoul', 'South Korea', 37.57, 126.98],
	['Tokyo', 'Japan', 35.68, 139.69],
	['Sydney', 'Australia', -33.87, 151.21],
	['Santiago', 'Chile', -33.45, -70.67],
	['Buenos Aires', 'Argentina', -34.6, -58.38],
	['Lima', 'Peru', -12.05, -77.04],
	['Bogotá', 'Colombia', 4.71, -74.07],
	['Caracas', 'Venezuela', 10.48, -66.9],
	['Mexico City', 'Mexico', 19.43, -99.13],
	['New York', 'United States', 40.71, -74.01],
	['Chicago', 'United States', 41.88, -87.63],
	['Los Angeles', 'United States', 34.05, -118.24],
	['Portland', 'United States', 45.52, -122.68],
	['Atlanta', 'United States', 33.75, -84.39],
	['Toronto', 'Canada', 43.65, -79.38],
	['São Paulo', 'Brazil', -23.55, -46.63],
	['Khartoum', 'Sudan', 15.5, 32.56]
];

/** ACLED sub-event types with their share of events. */
const SUB_EVENTS: [string, string, number][] = [
	['Protests', 'Peaceful protest', 0.74],
	['Protests', 'Protest with intervention', 0.12],
	['Protests', 'Excessive force against protesters', 0.03],
	['Riots', 'Violent demonstration', 0.07],
	['Riots', 'Mob violence', 0.04]
];
const WORDS =
	'protesters gathered near the square demanding release of detained activists and new elections while police blocked the avenue and detained several participants according to local media reports the crowd marched toward the city administration chanting slogans and carrying flags later dispersed without incident'.split(
		' '
	);
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];
/** The first day and the number of days the events span. */
const START = Date.UTC(2020, 7, 9);
const DAYS = 365;

interface Place {
	name: string;
	country: string;
	admin1: string;
	lat: number;
	lon: number;
}

function places(count: number, next: () => number): Place[] {
	return Array.from({ length: count }, (_, i): Place => {
		if (next() < 0.35) {
			const [town, lat, lon] = BELARUS[Math.floor(next() ** 2 * BELARUS.length)]!;
			const spread = town === 'Minsk' ? 0.15 : 0.08;
			return {
				name: `${town} site ${i}`,
				country: 'Belarus',
				admin1: town,
				lat: lat + (next() - 0.5) * spread,
				lon: lon + (next() - 0.5) * spread * 1.6
			};
		}
		const [town, country, lat, lon] = WORLD[Math.floor(next() * WORLD.length)]!;
		// Most sites sit in or near a city; some are in its region.
		const spread = next() < 0.7 ? 0.2 : 3;
		return {
			name: `${town} site ${i}`,
			country,
			admin1: town,
			lat: Math.max(-80, Math.min(80, lat + (next() - 0.5) * spread)),
			lon: lon + (next() - 0.5) * spread * 1.4
		};
	});
}

function crowdTag(next: () => number): string {
	const r = next();
	if (r < 0.4) return 'crowd size=no report';
	if (r < 0.48) return 'crowd size=hundreds';
	if (r < 0.55) return 'crowd size=thousands';
	if (r < 0.6) return 'crowd size=several dozen';
	return `crowd size=around ${Math.round(10 ** (1 + next() * 4))}`;
}

function notes(next: () => number, day: string, place: Place): string {
	const length = 40 + Math.floor(next() * 50);
	const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
	return `On ${day}, in ${place.name}, ${words.join(' ')}.`;
}

/** One synthetic event row of an ACLED export. */
function row(i: number, pool: Place[], next: () => number): Record<string, string> {
	// Busy places get more events, and the first weeks more than the months after.
	const place = pool[Math.floor(next() ** 1.6 * pool.length)]!;
	const date = new Date(START + Math.floor(next() ** 2.5 * DAYS) * 86_400_000);
	const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
	let pick = next();
	const [eventType, subEvent] = SUB_EVENTS.find(([, , share]) => (pick -= share) < 0) ?? SUB_EVENTS[0]!;
	return acledRow({
		event_id_cnty: `SYN${i + 1}`,
		event_date: day,
		year: String(date.getUTCFullYear()),
		event_type: eventType,
		sub_event_type: subEvent,
		actor1: `Protesters (${place.country})`,
		assoc_actor_1: '',
		iso: '',
		region: '',
		country: place.country,
		admin1: place.admin1,
		location: place.name,
		latitude: place.lat.toFixed(4),
		longitude: place.lon.toFixed(4),
		notes: notes(next, day, place),
		tags: crowdTag(next),
		source: next() < 0.5 ? 'Local media' : 'National newspaper',
		fatalities: subEvent === 'Excessive force against protesters' && next() < 0.05 ? '1' : '0'
	});
}

/** Writes `count` synthetic events as an ACLED CSV; returns when the file is complete. */
export async function writeSyntheticAcled(file: string, count: number, seed = 2020): Promise<void> {
	const next = random(seed);
	const pool = places(Math.max(200, Math.round(count / 20)), next);
	const out = createWriteStream(file);
	const CHUNK = 5000;
	for (let start = 0; start < count; start += CHUNK) {
		const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => row(start + k, pool, next));
		const text = Papa.unparse(
			{ fields: [...ACLED_COLUMNS], data: rows.map((r) => ACLED_COLUMNS.map((c) => r[c] ?? '')) },
			{ header: start === 0, newline: '\n' }
		);
		if (!out.write(`${text}\n`)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
}
