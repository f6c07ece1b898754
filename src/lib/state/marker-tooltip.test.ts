import { describe, expect, it } from 'vitest';
import { markerTooltip } from './marker-tooltip';

describe('tooltip text', () => {
	it('summarises a place, a city and a cluster in plain words', () => {
		expect(markerTooltip({ name: 'Stela', count: 2, known: true, low: 100000, high: 400000 })).toBe(
			'Stela · 2 events · 100,000–400,000 people on its largest day'
		);
		expect(markerTooltip({ name: 'Lida', count: 1, known: false })).toBe('Lida · 1 event · size not reported');
		expect(markerTooltip({ cluster: true, point_count: 3, count: 7, known: true, low: 2500, high: 3000 })).toBe(
			'7 events at 3 places · 2,500–3,000 people on its largest day · click to zoom in'
		);
		expect(markerTooltip({ cluster: true, groupOf: 'cities', point_count: 4000, count: 9500, known: false })).toBe(
			'9,500 events in 4,000 cities · size not reported · click to zoom in'
		);
		expect(markerTooltip({ name: 'Belaruskali', count: 1, known: false, radiusM: 3000 })).toBe(
			'Belaruskali · 1 event · size not reported · location ±3 km'
		);
	});
});
