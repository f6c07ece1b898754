import { describe, expect, it } from 'vitest';
import { translator } from './i18n';
import { quotedParts } from './quoted';

describe('messages that quote a link', () => {
	it('keep each quoted value apart from the sentence, in every language', () => {
		const value = '\u202Eatad-rehto';
		for (const locale of ['en', 'be', 'ru'] as const) {
			const parts = quotedParts(translator(locale), {
				message: 'notice.refused',
				quoted: { value: [value] },
				values: { fallback: 'Belarus' }
			});
			expect(parts.filter((p) => 'quoted' in p)).toEqual([{ quoted: [value] }]);
			const text = parts.map((p) => ('text' in p ? p.text : '')).join('');
			expect(text).not.toContain('\u202E');
			expect(text).toContain('Belarus');
		}
	});

	it('reads back as the catalogue’s sentence with the values in place', () => {
		const t = translator('en');
		const parts = quotedParts(t, { message: 'notice.ignored', quoted: { params: ['min=1e308', 'lang=fr'] } });
		const joined = parts.map((p) => ('text' in p ? p.text : p.quoted.join(', '))).join('');
		expect(joined).toBe(t('notice.ignored', { params: 'min=1e308, lang=fr' }));
	});
});
