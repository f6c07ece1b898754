import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES, catalogue, preferredLocale, translator } from './i18n';

describe('the interface’s words', () => {
	it('has every message in every language, and each one compiles', () => {
		const keys = Object.keys(catalogue('en')).sort();
		for (const locale of LOCALES) {
			expect(Object.keys(catalogue(locale)).sort()).toEqual(keys);
			const t = translator(locale);
			for (const key of keys) {
				// Every placeholder the English message names, with a number for plurals.
				const names = [...(catalogue('en') as Record<string, string>)[key]!.matchAll(/\{(\w+)/g)].map((m) => m[1]!);
				const values = Object.fromEntries(names.map((name) => [name, name === 'count' ? 2 : 'x']));
				expect(t(key as never, values)).not.toBe('');
			}
		}
	});

	it('gives a message without ICU syntax as intl-messageformat would, unparsed', () => {
		let plain = 0;
		for (const locale of LOCALES) {
			const t = translator(locale);
			for (const [key, text] of Object.entries(catalogue(locale))) {
				if (/[{}<']/.test(text)) continue;
				plain++;
				expect(t(key as never), key).toBe(String(new IntlMessageFormat(text, locale).format()));
			}
		}
		expect(plain).toBeGreaterThan(100);
	});

	it('uses each language’s own plural forms', () => {
		const count = (locale: 'en' | 'be' | 'ru', n: number) => translator(locale)('timeline.events', { count: n });
		expect([1, 2, 5].map((n) => count('en', n))).toEqual(['1 event', '2 events', '5 events']);
		expect([1, 3, 5, 21, 22, 11].map((n) => count('ru', n))).toEqual([
			'1 событие',
			'3 события',
			'5 событий',
			'21 событие',
			'22 события',
			'11 событий'
		]);
		expect([1, 4, 12].map((n) => count('be', n))).toEqual(['1 падзея', '4 падзеі', '12 падзей']);
	});

	it('comes from the browser’s languages on a first visit', () => {
		expect(preferredLocale(['be-BY', 'ru'])).toBe('be');
		expect(preferredLocale(['de', 'ru-RU'])).toBe('ru');
		expect(preferredLocale(['de', 'fr'])).toBe('en');
	});
});
