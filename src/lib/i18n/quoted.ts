/**
 * A message that quotes text from a link or a file, split so that each quoted value can be shown
 * in its own <bdi>: a right-to-left override inside a value then cannot reorder the sentence.
 */
import type { MessageKey, Translate, Values } from './i18n';

/** A message, its quoted values by placeholder, and its plain values. */
export interface QuotedMessage {
	message: MessageKey;
	quoted: Record<string, readonly string[]>;
	values?: Values;
}

export type MessagePart = { text: string } | { quoted: readonly string[] };

/** Private-use characters stand in for the quoted placeholders while the catalogue formats the rest. */
const MARK_BASE = 0xe000;

/** The message in the reader's language, as plain text and quoted values in order. */
export function quotedParts(t: Translate, { message, quoted, values }: QuotedMessage): MessagePart[] {
	const names = Object.keys(quoted);
	const marks = Object.fromEntries(names.map((name, i) => [name, String.fromCharCode(MARK_BASE + i)]));
	const text = t(message, { ...values, ...marks });
	const parts: MessagePart[] = [];
	let buffer = '';
	for (const char of text) {
		const i = char.charCodeAt(0) - MARK_BASE;
		if (i >= 0 && i < names.length) {
			if (buffer) parts.push({ text: buffer });
			buffer = '';
			parts.push({ quoted: quoted[names[i]!]! });
		} else buffer += char;
	}
	if (buffer) parts.push({ text: buffer });
	return parts;
}
