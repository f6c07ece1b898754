import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventFixture, placeFixture } from '../fixtures/factories';
import { countingFile, tileDataset } from '../fixtures/tiled';
import { Place, ProtestEvent } from '../schema';
import { detailsFile, placeEvents } from './place-events';

const work = mkdtempSync(path.join(tmpdir(), 'place-events-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Two busy places and a quiet one, each event with its own words. */
function dataset() {
	const places = ['busy', 'busier', 'quiet'].map((id, i) =>
		Place.parse(
			placeFixture({ id, geometry: { type: 'Point', coordinates: [27 + i, 53.9] } }, { city: id, names: { en: id } })
		)
	);
	const counts = { busy: 3000, busier: 3000, quiet: 3 };
	const events = places.flatMap((place) =>
		Array.from({ length: counts[place.id as keyof typeof counts] }, (_, n) =>
			ProtestEvent.parse(
				eventFixture({
					id: `${place.id}-${n}`,
					title: `Event ${n} at ${place.id}`,
					place: place.id,
					when: { precision: 'day', start: `2020-08-${String(9 + (n % 7)).padStart(2, '0')}` },
					crowd: { low: n, high: n * 2 },
					description: `What happened at ${place.id}, number ${n}, in some words.`.repeat(4).trim()
				})
			)
		)
	);
	return { places, events };
}

describe('placeEvents', () => {
	it('reads one place’s events back as the import kept them, from a part of the file', async () => {
		const { places, events } = dataset();
		const { details, archive, summary } = await tileDataset(events, places, work, 'panels', { rowGroupSize: 2048 });
		expect(archive).toMatch(/panels\.pmtiles$/);
		// The quiet place sorts last: its rows follow the busy places'.
		const file = countingFile(details);
		const { place, events: read } = (await placeEvents(detailsFile(file, summary.detailsFooter), 6000, 3, 'quiet'))!;
		expect(place).toMatchObject({ id: 'quiet', geometry: places[2]!.geometry, properties: { names: { en: 'quiet' } } });
		const expected = events.filter((e) => e.place === 'quiet');
		expect(read.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
		for (const event of read) {
			const original = expected.find((e) => e.id === event.id)!;
			expect(event).toMatchObject({
				title: original.title,
				type: original.type,
				when: original.when,
				crowd: original.crowd,
				description: original.description,
				place: 'quiet'
			});
			expect(event.sources[0]).toMatchObject({
				publisher: original.sources[0]!.publisher,
				quote: original.sources[0]!.quote
			});
		}
		// The footer, then the last row group's columns: not the busy places' rows.
		expect(file.read).toBeLessThan(file.byteLength / 2);
	});
});
