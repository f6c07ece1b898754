/**
 * Crowd sizes from words, in English, Russian and Belarusian. Numbers given as numbers are kept as
 * they are; vague words become numbers only by a named convention; the words are always kept.
 * Each reading matches the whole phrase: "no thousands" is not "thousands", and "less than a
 * hundred" is not "hundreds". A range written high to low is a contradiction, not a range.
 */
import type { CountRange } from '../schema';

/** A count written in digits (1,000 · 1 000 · 2.5k · 10 thousand · 10 тыс.) or as a number word. */
const DIGITS = String.raw`\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+(?:\.\d+)?`;
const SCALE = String.raw`k|thousand|тыс\.?|тысяч[аи]?|тысячы?`;
const NUMBER_WORDS: Record<string, number> = {
	'a dozen': 12,
	'a hundred': 100,
	'one hundred': 100,
	'a thousand': 1000,
	'one thousand': 1000,
	сто: 100,
	тысяча: 1000,
	дюжина: 12
};
const N = String.raw`(${DIGITS})\s*(${SCALE})?|(${Object.keys(NUMBER_WORDS).join('|')})`;

function numberAt(m: RegExpExecArray, at: number): number {
	const word = m[at + 2];
	if (word) return NUMBER_WORDS[word]!;
	const value = Number(m[at]!.replace(/[,\u00a0\u202f ]/g, ''));
	return Math.round(m[at + 1] ? value * 1000 : value);
}

/** Words after a number that only say who was counted. */
const PEOPLE = String.raw`(?:\s+(?:people|persons|protesters|demonstrators|participants|workers|человек|людей|участников|протестующих|чалавек|удзельнікаў|людзей))?`;

const phrase = (pattern: string) => new RegExp(`^(?:${pattern})${PEOPLE}$`);
const RANGE = phrase(String.raw`(?:between |from |от |ад )?(?:${N})\s*(?:-|–|—|to|and|до|и|і)\s*(?:${N})`);
const AT_LEAST = phrase(
	String.raw`(?:more than|over|at least|above|upwards of|no fewer than|not less than|более|больше|свыше|не менее|не меньше|больш за|звыш|не менш за)\s+(?:${N})|(?:${N})\s*(?:\+|or more|и более|и больше|і больш)`
);
const AT_MOST = phrase(
	String.raw`(?:up to|fewer than|less than|under|at most|no more than|not more than|до|менее|меньше|не более|не больше|менш за|не больш за|да)\s+(?:${N})`
);
const AROUND = phrase(
	String.raw`(?:(?:around|about|approximately|approx\.?|roughly|some|nearly|almost|~|около|примерно|порядка|почти|каля|прыкладна|амаль)\s*)?(?:${N})`
);

/**
 * The Crowd Counting Consortium codebook's reading of vague sizes. "Several", "a few" and "many"
 * before the word read the same: the words say an order of magnitude, not a count.
 */
const CCC_WORD_SIZES: readonly (readonly [RegExp, number])[] = [
	[phrase('hundreds of thousands|сотни тысяч|сотні тысяч'), 200_000],
	[phrase('tens of thousands|десятки тысяч|дзясяткі тысяч'), 20_000],
	[
		phrase(
			'(?:several |a few |many )?thousands|several thousand|a few thousand|(?:несколько |многие )?тысячи|(?:некалькі |многія )?тысячы|несколько тысяч|некалькі тысяч'
		),
		2_000
	],
	[
		phrase(
			'(?:several |a few |many )?hundreds|several hundred|a few hundred|сотни|несколько сотен|(?:некалькі )?сотні|некалькі соцень'
		),
		200
	]
];

/** Protest Atlas's own reading of "dozens", which the CCC convention does not cover: two dozen. */
const ATLAS_WORD_SIZES: readonly (readonly [RegExp, number])[] = [
	[
		phrase(
			'(?:several |a few )?dozens|several dozen|a few dozen|десятки|несколько десятков|дзясяткі|некалькі дзясяткаў'
		),
		24
	]
];

/** Words that say a crowd was seen but not counted: the size stays unknown. */
const UNCOUNTED = phrase(
	'no report|not reported|unknown|large|big|huge|small|massive|n/?a|нет данных|неизвестно|много|большая|массовая|няма звестак|невядома'
);

/** Words that deny or bound a size without giving it: they keep their words, and no number. */
const NEGATION = /^(?:no|not|never|none|hardly)\b|^(?:не|ни|нет|няма|ніводнага)(?:\s|$)/;

export type CrowdReading =
	| { kind: 'count'; crowd: CountRange }
	/** Words the reader does not understand, or that deny a size: kept as words, size unknown, worth a warning. */
	| { kind: 'unread'; crowd: CountRange }
	| { kind: 'unknown'; crowd: CountRange }
	/** Words that contradict themselves (a range from high to low): the row is refused. */
	| { kind: 'contradiction'; crowd: CountRange; reason: string };

/** Reads a size such as "around 100", "between 200 and 300", "more than 10,000", "thousands" or "тысячи". */
export function readCrowdWords(raw: string): CrowdReading {
	const text = raw.trim();
	const words = text
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/[.!;]+$/, '')
		.trim();
	const kept = text ? { text } : {};
	if (!words || UNCOUNTED.test(words)) return { kind: 'unknown', crowd: kept };
	let m = RANGE.exec(words);
	if (m) {
		const [a, b] = [numberAt(m, 1), numberAt(m, 4)];
		if (a > b)
			return {
				kind: 'contradiction',
				crowd: kept,
				reason: `the range "${text}" runs from ${a.toLocaleString('en')} down to ${b.toLocaleString('en')}; write it from low to high`
			};
		return { kind: 'count', crowd: { low: a, high: b, ...kept } };
	}
	if ((m = AT_LEAST.exec(words))) return { kind: 'count', crowd: { low: numberAt(m, m[1] || m[3] ? 1 : 4), ...kept } };
	if ((m = AT_MOST.exec(words))) return { kind: 'count', crowd: { high: numberAt(m, 1), ...kept } };
	if ((m = AROUND.exec(words))) {
		const n = numberAt(m, 1);
		return { kind: 'count', crowd: { low: n, high: n, ...kept } };
	}
	if (NEGATION.test(words)) return { kind: 'unread', crowd: kept };
	for (const [pattern, size] of CCC_WORD_SIZES)
		if (pattern.test(words)) return { kind: 'count', crowd: { low: size, ...kept, convention: 'ccc' } };
	for (const [pattern, size] of ATLAS_WORD_SIZES)
		if (pattern.test(words)) return { kind: 'count', crowd: { low: size, ...kept, convention: 'atlas' } };
	return { kind: 'unread', crowd: kept };
}
