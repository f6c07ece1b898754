import { getContext, setContext } from 'svelte';
import { translator, type Locale, type Translate } from './i18n';

export interface I18n {
	readonly locale: Locale;
	readonly t: Translate;
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
		}
	});
}

/** The words in the reader's language; English where no page provides one (a component on its own). */
export function useI18n(): I18n {
	return getContext<I18n | undefined>(KEY) ?? { locale: 'en', t: translator('en') };
}
