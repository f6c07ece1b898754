import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleRows } from './virtual-rows';

describe('the rows of a long list to render', () => {
	it('starts at the top with the rows in view and the overscan below', () => {
		expect(visibleRows(0, 300, 30, 100_000, 5)).toEqual({ start: 0, end: 16 });
	});

	it('follows the scroll: 3,000 px down a list of 30 px rows shows row 100 onward', () => {
		expect(visibleRows(-3000, 300, 30, 100_000, 5)).toEqual({ start: 95, end: 116 });
	});

	it('renders nothing of a list still below the view', () => {
		expect(visibleRows(400, 300, 30, 1000, 0)).toEqual({ start: 0, end: 0 });
	});

	it('always covers every row in view, and never more than the view and the overscan', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -100_000, max: 2000 }),
				fc.integer({ min: 1, max: 2000 }),
				fc.integer({ min: 10, max: 80 }),
				fc.integer({ min: 0, max: 5000 }),
				fc.integer({ min: 0, max: 20 }),
				(listTop, viewHeight, rowHeight, count, overscan) => {
					const { start, end } = visibleRows(listTop, viewHeight, rowHeight, count, overscan);
					expect(0 <= start && start <= end && end <= count).toBe(true);
					for (let row = 0; row < count; row++) {
						const top = listTop + row * rowHeight;
						const inView = top + rowHeight > 0 && top < viewHeight;
						if (inView) expect(row >= start && row < end, `row ${row}`).toBe(true);
					}
					expect(end - start).toBeLessThanOrEqual(Math.ceil(viewHeight / rowHeight) + 2 + 2 * overscan);
				}
			),
			{ numRuns: 300 }
		);
	});
});
