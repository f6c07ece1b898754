/** Time helpers: events keep their own local time, whatever the reader's time zone. */

/** The UTC offset of a time zone at an instant, in minutes east of UTC (Minsk: +180). */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
		.formatToParts(instant)
		.find((part) => part.type === 'timeZoneName')?.value;
	const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
	if (!match) return 0; // "GMT" alone means UTC
	const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
	return match[1] === '-' ? -minutes : minutes;
}

/** Parses "+03:00" to minutes east of UTC. */
export function parseOffset(iso: string): number | undefined {
	const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
	if (!match) return undefined;
	const minutes = Number(match[2]) * 60 + Number(match[3]);
	return match[1] === '-' ? -minutes : minutes;
}

/** Minutes east of UTC as "+03:00". */
export function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Whether a string names a time zone that Intl knows. */
export function isTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** The local calendar date (YYYY-MM-DD) of an ISO date or local date-time, as written. */
export function localDate(iso: string): string {
	return iso.slice(0, 10);
}
