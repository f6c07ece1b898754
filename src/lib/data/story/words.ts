/**
 * A story's words in the reader's language. Apart from the story's schema, so that the page
 * reads a story's titles without loading the validator (zod) on its first load.
 */
export const STORY_LANGUAGES = ['en', 'be', 'ru'] as const;
export type StoryLanguage = (typeof STORY_LANGUAGES)[number];

/** Words in one language, or in several: `{ "en": "…", "be": "…", "ru": "…" }`. */
export type Words = string | Partial<Record<StoryLanguage, string>>;

/** Words in a language, and whether they are in it or in the story's own language instead. */
export function wordsIn(words: Words, language: string, fallback: StoryLanguage): { text: string; language: string } {
	if (typeof words === 'string') return { text: words, language: fallback };
	const own = words[language as StoryLanguage];
	if (own) return { text: own, language };
	const chosen = words[fallback] ? fallback : STORY_LANGUAGES.find((l) => words[l])!;
	return { text: words[chosen]!, language: chosen };
}
