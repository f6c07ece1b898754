import { getContext, setContext } from 'svelte';
import type { Language } from '$lib/format';
import { INTL_LOCALE, dateWords, translator, type Locale, type Translate } from './i18n';

export interface I18n {
	readonly locale: Locale;
	readonly t: Translate;
	/** What the formatting functions need: words, day and month names, number format. */
	readonly language: Language;
}

/** The words and formats of a locale, for the formatting functions. */
export function languageOf(locale: Locale): Language {
	return { t: translator(locale), dates: dateWords(locale), numbers: INTL_LOCALE[locale] };
}

const KEY = Symbol('i18n');

/** Provides the reader's language to the components below; `current` is read on every use, so it stays live. */
export function provideI18n(current: () => Locale): void {
	setContext<I18n>(KEY, {
		get locale() {
			return current();
		},
		get t() {
			return translator(current());
		},
		get language() {
			return languageOf(current());
		}
	});
}

/** The words in the reader's language; English where no page provides one (a component on its own). */
export function useI18n(): I18n {
	return getContext<I18n | undefined>(KEY) ?? { locale: 'en', t: translator('en'), language: languageOf('en') };
}

const TEXT_KEY = Symbol('text-language');

/** The language the dataset's own texts (titles, descriptions) are written in. */
export function provideTextLanguage(current: () => string): void {
	setContext(TEXT_KEY, {
		get value() {
			return current();
		}
	});
}

export function useTextLanguage(): { readonly value: string } {
	return getContext<{ readonly value: string } | undefined>(TEXT_KEY) ?? { value: 'en' };
}
