import type { Place } from './schema';

/** A place's name in a language, else in English, else in the first language it has. */
export function placeName(place: Place, language = 'en'): string {
	const names = place.properties.names;
	return names[language] ?? names.en ?? Object.values(names)[0] ?? place.id;
}

/** The place's names in its other languages, joined: "Мінск · Минск". */
export function otherNames(place: Place, language = 'en'): string {
	const shown = placeName(place, language);
	return [...new Set(Object.values(place.properties.names))].filter((name) => name !== shown).join(' · ');
}
