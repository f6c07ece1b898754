import { describe, expect, it } from 'vitest';
import { transliterate } from './transliterate.js';

describe('transliterate', () => {
	it('spells Minsk Metro names as English-language news does', () => {
		expect(transliterate('Пушкинская')).toBe('Pushkinskaya');
		expect(transliterate('Площадь Победы')).toBe('Ploshchad Pobedy');
		expect(transliterate('Октябрьская')).toBe('Oktyabrskaya');
		expect(transliterate('Спортивная')).toBe('Sportivnaya');
	});

	it('reads Belarusian letters and leaves Latin text alone', () => {
		expect(transliterate('Мінск')).toBe('Minsk');
		expect(transliterate('Аўтазаводская')).toBe('Autazavodskaya');
		expect(transliterate('MTZ 2020')).toBe('MTZ 2020');
	});
});
