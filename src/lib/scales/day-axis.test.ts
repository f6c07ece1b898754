import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayLabelKind, labelEvery } from './day-axis';

describe('labels of a day axis', () => {
	it('names every day of a week with its weekday when there is room', () => {
		expect(Array.from({ length: 8 }, (_, i) => dayLabelKind(110, i))).toEqual(Array(8).fill('weekday-date'));
	});

	it('labels a year sparsely, with dates', () => {
		const kinds = Array.from({ length: 365 }, (_, i) => dayLabelKind(2.6, i));
		expect(kinds[0]).toBe('date');
		expect(kinds.filter((k) => k === 'date').length).toBeLessThan(30);
		expect(kinds.filter((k) => k === 'date').length).toBeGreaterThan(10);
	});

	it('never puts two labels closer than their room', () => {
		fc.assert(
			fc.property(fc.double({ min: 0.5, max: 19.99, noNaN: true }), (bandwidth) => {
				expect(labelEvery(bandwidth) * bandwidth).toBeGreaterThanOrEqual(44);
			})
		);
	});
});
