import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detailsFromChunks, splitDetails } from './details';
import { eventFixture } from './fixtures/factories';
import { EVENT_DETAIL_FIELDS, ProtestEvent } from './schema';

const events = (n: number) =>
	Array.from({ length: n }, (_, i) =>
		ProtestEvent.parse(eventFixture({ id: `event-${i}`, title: `Event number ${i}`, description: `Text ${i}` }))
	);

describe('details kept apart from the index', () => {
	it('leave the index with no text, and join back into the same events', async () => {
		const all = events(23);
		const { index, chunks, outline } = splitDetails(all, 5);
		expect(outline).toEqual({ chunkSize: 5, chunks: 5 });
		for (const event of index) for (const field of EVENT_DETAIL_FIELDS) expect(event).not.toHaveProperty(field);
		const fetched: number[] = [];
		const source = detailsFromChunks(index, outline, async (n) => {
			fetched.push(n);
			return JSON.parse(JSON.stringify(chunks[n]));
		});
		expect(await source.of(index[7]!)).toEqual(all[7]);
		expect(await source.of(index[8]!)).toEqual(all[8]);
		expect(fetched).toEqual([1]);
		expect(await source.all(index)).toEqual(all);
		expect(fetched.sort()).toEqual([0, 1, 2, 3, 4]);
	});

	it('fetch each chunk once, however many panels ask at the same time', async () => {
		const { index, chunks, outline } = splitDetails(events(10), 4);
		let fetches = 0;
		const source = detailsFromChunks(index, outline, async (n) => {
			fetches++;
			return chunks[n];
		});
		await Promise.all(index.slice(0, 4).map((e) => source.of(e)));
		expect(fetches).toBe(1);
		// Once fetched, a panel gets the details at once, with no wait.
		expect(source.of(index[0]!)).not.toBeInstanceOf(Promise);
	});

	it('refuse a chunk that does not match the index, and try again later', async () => {
		const { index, chunks, outline } = splitDetails(events(6), 3);
		let broken = true;
		const source = detailsFromChunks(index, outline, async (n) => (broken ? { events: [] } : chunks[n]));
		await expect(source.of(index[0]!)).rejects.toThrow(/expected 3 events/);
		broken = false;
		expect((await source.of(index[0]!)).title).toBe('Event number 0');
	});

	it('give back every event, whatever the size and the chunk size', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 25 }), async (n, size) => {
				const all = events(n);
				const { index, chunks, outline } = splitDetails(all, size);
				expect(outline.chunks).toBe(Math.ceil(n / size));
				const source = detailsFromChunks(index, outline, async (k) => chunks[k]);
				expect(await source.all(index)).toEqual(all);
			}),
			{ numRuns: 60 }
		);
	});
});
