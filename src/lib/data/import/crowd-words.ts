/**
 * Crowd sizes from words. Numbers given as numbers are kept as they are; vague words become
 * numbers only by a named convention, and the words themselves are always kept.
 */
import type { CountRange } from '../schema';

/**
 * The Crowd Counting Consortium codebook's reading of vague sizes. "Several", "a few" and
 * "many" before the word read the same: the words say an order of magnitude, not a count.
 */
export const CCC_WORD_SIZES: readonly (readonly [RegExp, number])[] = [
	[/\bhundreds of thousands\b/, 200_000],
	[/\btens of thousands\b/, 20_000],
	[/\b(?:several |a few |many )?thousands?\b/, 2_000],
	[/\b(?:several |a few |many )?hundreds?\b/, 200]
];

/** Protest Atlas's own reading of "dozens", which the CCC convention does not cover: two dozen. */
export const ATLAS_WORD_SIZES: readonly (readonly [RegExp, number])[] = [[/\b(?:several |a few )?dozens?\b/, 24]];

/** Words that say a crowd was seen but not counted: the size stays unknown. */
const UNCOUNTED = /^(?:no report|not reported|unknown|large|big|huge|small|massive|n\/?a)$/;

const NUMBER = String.raw`(\d{1,3}(?:[,\s]\d{3})+|\d+(?:\.\d+)?)\s*(k|thousand)?`;

function toNumber(digits: string, scale: string | undefined): number {
	const value = Number(digits.replace(/[,\s]/g, ''));
	return Math.round(scale ? value * 1000 : value);
}

export type CrowdReading =
	| { kind: 'count'; crowd: CountRange }
	/** Words the reader does not understand: kept as words, size unknown, and worth a warning. */
	| { kind: 'unread'; crowd: CountRange }
	| { kind: 'unknown'; crowd: CountRange };

/** Reads a size such as "around 100", "between 200 and 300", "more than 10,000" or "thousands". */
export function readCrowdWords(raw: string): CrowdReading {
	const text = raw.trim();
	const words = text.toLowerCase().replace(/\s+/g, ' ');
	const kept = text ? { text } : {};
	if (!words || UNCOUNTED.test(words)) return { kind: 'unknown', crowd: kept };
	const n = (m: RegExpExecArray, at: number) => toNumber(m[at]!, m[at + 1]);
	let m = new RegExp(String.raw`^(?:between |from )?${NUMBER}\s*(?:-|–|—|to|and)\s*${NUMBER}$`).exec(words);
	if (m) {
		const [a, b] = [n(m, 1), n(m, 3)];
		return { kind: 'count', crowd: { low: Math.min(a, b), high: Math.max(a, b), ...kept } };
	}
	m = new RegExp(String.raw`^(?:more than|over|at least|above|upwards of)\s+${NUMBER}$`).exec(words);
	if (m) return { kind: 'count', crowd: { low: n(m, 1), ...kept } };
	m = new RegExp(String.raw`^${NUMBER}\s*\+$`).exec(words);
	if (m) return { kind: 'count', crowd: { low: n(m, 1), ...kept } };
	m = new RegExp(String.raw`^(?:up to|fewer than|less than|under|at most)\s+${NUMBER}$`).exec(words);
	if (m) return { kind: 'count', crowd: { high: n(m, 1), ...kept } };
	m = new RegExp(String.raw`^(?:around|about|approximately|approx\.?|roughly|some|nearly|almost|~)?\s*${NUMBER}$`).exec(
		words
	);
	if (m) return { kind: 'count', crowd: { low: n(m, 1), high: n(m, 1), ...kept } };
	for (const [pattern, size] of CCC_WORD_SIZES)
		if (pattern.test(words)) return { kind: 'count', crowd: { low: size, ...kept, convention: 'ccc' } };
	for (const [pattern, size] of ATLAS_WORD_SIZES)
		if (pattern.test(words)) return { kind: 'count', crowd: { low: size, ...kept, convention: 'atlas' } };
	return { kind: 'unread', crowd: kept };
}
