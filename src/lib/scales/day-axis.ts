/** How a day axis labels its days when there are more days than room: a week, or a year. */

/** Narrowest room, in pixels, for a day's label ("9 Aug"). */
const LABEL_ROOM_PX = 44;
/** Narrowest bar that still has room for its count above it. */
export const COUNT_ROOM_PX = 16;

/** Label every n-th day so that labels never overlap: 1 while each day has room for one. */
export function labelEvery(bandwidth: number): number {
	if (bandwidth >= 20) return 1;
	return Math.max(1, Math.ceil(LABEL_ROOM_PX / Math.max(bandwidth, 0.01)));
}

export type DayLabelKind = 'weekday-date' | 'weekday-day' | 'day' | 'date' | 'none';

/** What the label of the `index`-th day says at a bar width. */
export function dayLabelKind(bandwidth: number, index: number): DayLabelKind {
	if (bandwidth >= 62) return 'weekday-date';
	if (bandwidth >= 34) return 'weekday-day';
	if (bandwidth >= 20) return 'day';
	return index % labelEvery(bandwidth) === 0 ? 'date' : 'none';
}
