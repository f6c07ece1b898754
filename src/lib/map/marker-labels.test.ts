import { expression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n/i18n';
import { eventWords, markerLabelText } from './marker-labels';

describe('marker labels', () => {
	function label(language: 'en' | 'be' | 'ru', count: number): string {
		const compiled = expression.createExpression(
			markerLabelText(language, eventWords(translator(language)('map.eventWords'))),
			'layers[0].layout.text-field',
			{
				type: 'formatted',
				'property-type': 'data-constant',
				expression: { interpolated: false, parameters: ['zoom', 'feature'] }
			} as never
		);
		if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
		const properties = { name: 'Minsk', name_be: 'Мінск', name_ru: 'Минск', count };
		const formatted = compiled.value.evaluate({ zoom: 8 }, { type: 1, properties } as never) as {
			sections: { text: string }[];
		};
		return formatted.sections.map((s) => s.text).join('');
	}

	it('name the place and count its events in the chosen language, with the right plural', () => {
		expect(label('en', 1)).toBe('Minsk\n1 event');
		expect(label('en', 21)).toBe('Minsk\n21 events');
		expect(label('ru', 1)).toBe('Минск\n1 событие');
		expect(label('ru', 3)).toBe('Минск\n3 события');
		expect(label('ru', 11)).toBe('Минск\n11 событий');
		expect(label('ru', 21)).toBe('Минск\n21 событие');
		expect(label('be', 5)).toBe('Мінск\n5 падзей');
		expect(label('be', 22)).toBe('Мінск\n22 падзеі');
	});
});
