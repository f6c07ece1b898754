/**
 * The interface in English, Belarusian and Russian: ICU messages (intl-messageformat, which knows
 * Belarusian and Russian plural forms) from the catalogues beside this file, and Intl for numbers.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { be } from './be';
import { en, type Catalogue, type MessageKey } from './en';
import { ru } from './ru';

export const LOCALES = ['en', 'be', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export type { MessageKey };

const CATALOGUES: Record<Locale, Catalogue> = { en, be, ru };
/**
 * Chromium ships no Belarusian number data and would write 450,000 in a Belarusian page; Russian
 * groups digits and chooses plural forms of whole numbers as Belarusian does.
 */
const BELARUSIAN_NUMBERS = Intl.NumberFormat.supportedLocalesOf('be').length > 0 ? 'be' : 'ru';
/** The Intl locale of each language's numbers and plural rules; British English keeps day-month order. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', be: BELARUSIAN_NUMBERS, ru: 'ru' };

/**
 * Day and month names a catalogue supplies, for languages whose Intl data a browser may lack
 * (Chromium ships none for Belarusian): seven weekdays from Sunday, twelve months.
 */
export interface DateWords {
	weekdays: string[];
	months: string[];
}

export type Values = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: Values) => string;

const compiled = new Map<string, IntlMessageFormat | string>();
/** What ICU reads as syntax: a message without any is its own text (intl-messageformat also reads tags). */
const ICU_SYNTAX = /[{}<']/;

/** The words for a locale: `t('timeline.events', { count: 3 })` → "3 падзеі". */
export function translator(locale: Locale): Translate {
	return (key, values) => {
		const id = `${locale}\u0000${key}`;
		let message = compiled.get(id);
		if (message === undefined) {
			// Parsing a message costs; most are plain words, which a first render asks for by the dozen.
			const text = CATALOGUES[locale][key];
			message = ICU_SYNTAX.test(text) ? new IntlMessageFormat(text, INTL_LOCALE[locale]) : text;
			compiled.set(id, message);
		}
		return typeof message === 'string' ? message : String(message.format(values));
	};
}

/** The first of the reader's languages that the interface speaks, else English. */
export function preferredLocale(languages: readonly string[]): Locale {
	for (const language of languages) {
		const base = language.toLowerCase().split('-')[0];
		if (base === 'be' || base === 'ru' || base === 'en') return base;
	}
	return 'en';
}

/** Day and month names from a catalogue; English dates come from Intl. */
export function dateWords(locale: Locale): DateWords | undefined {
	if (locale === 'en') return undefined;
	const words = CATALOGUES[locale];
	return { weekdays: words['date.weekdays'].split(','), months: words['date.months'].split(',') };
}

/** Every catalogue's strings, for tests that look for untranslated English. */
export function catalogue(locale: Locale): Catalogue {
	return CATALOGUES[locale];
}
