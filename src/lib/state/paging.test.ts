import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOfGroups } from './paging';

describe('the first events of a long panel', () => {
	const days = [
		{ date: 'a', events: [1, 2, 3] },
		{ date: 'b', events: [4, 5] },
		{ date: 'c', events: [6] }
	];

	it('cuts within a day, keeping its heading, and counts what is left', () => {
		expect(firstOfGroups(days, 4)).toEqual({
			groups: [
				{ date: 'a', events: [1, 2, 3] },
				{ date: 'b', events: [4] }
			],
			hidden: 2
		});
	});

	it('shows every event, in order, once the limit reaches them, and hides none twice', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.nat(), { maxLength: 6 }), { maxLength: 8 }), fc.nat(40), (lists, limit) => {
				const groups = lists.map((events, i) => ({ date: String(i), events }));
				const total = lists.flat().length;
				const { groups: shown, hidden } = firstOfGroups(groups, limit);
				const flat = shown.flatMap((g) => g.events);
				expect(flat).toEqual(lists.flat().slice(0, limit));
				expect(hidden).toBe(total - flat.length);
			})
		);
	});
});
