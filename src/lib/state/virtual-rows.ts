/**
 * The rows of a long list to render: those in view of its scroller, and `overscan` more on each
 * side, so that scrolling and tabbing find the next row already there.
 */
export function visibleRows(
	/** The list's top edge, relative to the top of the scroller's view (negative once scrolled past). */
	listTop: number,
	viewHeight: number,
	rowHeight: number,
	count: number,
	overscan = 10
): { start: number; end: number } {
	const first = Math.floor(Math.max(0, -listTop) / rowHeight);
	const inView = Math.ceil((viewHeight - Math.max(0, listTop)) / rowHeight) + 1;
	return {
		start: Math.max(0, Math.min(count, first - overscan)),
		end: Math.max(0, Math.min(count, first + Math.max(0, inView) + overscan))
	};
}
