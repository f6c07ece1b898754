// Plain JavaScript so that both the app and the Node build scripts under geo/ can import it.

/** Belarusian and Russian letters in the Latin spelling that English-language news uses. */
const CYRILLIC_TO_LATIN = Object.freeze({
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	ґ: 'g',
	д: 'd',
	е: 'e',
	ё: 'yo',
	є: 'ye',
	ж: 'zh',
	з: 'z',
	и: 'i',
	і: 'i',
	ї: 'yi',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ў: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya'
});

/**
 * Cyrillic text in press-style Latin, keeping capitals and every other character:
 * "Пушкинская" → "Pushkinskaya", "Площадь Победы" → "Ploshchad Pobedy".
 * @param {string} text
 * @returns {string}
 */
export function transliterate(text) {
	const latin = [...text]
		.map((ch) => {
			const lower = ch.toLowerCase();
			const out = /** @type {Record<string, string>} */ (CYRILLIC_TO_LATIN)[lower];
			if (out === undefined) return ch;
			return ch === lower ? out : out.charAt(0).toUpperCase() + out.slice(1);
		})
		.join('');
	return latin.replace(/iy\b/g, 'y');
}
