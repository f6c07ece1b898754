/**
 * A chapter's text: a small Markdown subset, read into plain data that the page renders as text
 * nodes, never as HTML. Paragraphs are split by blank lines; within one, `*emphasis*`,
 * `**strong**` and `[words](https://…)` links. Anything else is text, as written.
 */

type Inline =
	| { kind: 'text'; text: string }
	| { kind: 'em'; text: string }
	| { kind: 'strong'; text: string }
	| { kind: 'link'; text: string; href: string };

export type Paragraph = Inline[];

/** Whether a link's address is one a reader may be sent to: http or https, and nothing else. */
export function isWebAddress(href: string): boolean {
	try {
		const url = new URL(href);
		return (url.protocol === 'https:' || url.protocol === 'http:') && href.trim() === href;
	} catch {
		return false;
	}
}

// A link's address may hold one level of parentheses, as Wikipedia's do. Emphasis holds no
// brackets: a link binds first, as in Markdown, so `_[a](b)_` is a link between underscores.
const INLINE = /\*\*([^*\n[\]]+?)\*\*|\*([^*\n[\]]+?)\*|_([^_\n[\]]+?)_|\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;

function inlines(paragraph: string, refused: string[]): Inline[] {
	const parts: Inline[] = [];
	let at = 0;
	const text = (value: string) => {
		if (!value) return;
		const last = parts.at(-1);
		if (last?.kind === 'text') last.text += value;
		else parts.push({ kind: 'text', text: value });
	};
	for (const match of paragraph.matchAll(INLINE)) {
		text(paragraph.slice(at, match.index));
		at = match.index + match[0].length;
		const [, strong, em, underscored, linkText, href] = match;
		if (strong !== undefined) parts.push({ kind: 'strong', text: strong });
		else if (em !== undefined || underscored !== undefined) parts.push({ kind: 'em', text: (em ?? underscored)! });
		else if (isWebAddress(href!)) parts.push({ kind: 'link', text: linkText!, href: href! });
		else {
			// A link elsewhere than the web (javascript:, data:, a file) stays its words only.
			refused.push(href!);
			text(linkText!);
		}
	}
	text(paragraph.slice(at));
	return parts;
}

/** The text's paragraphs, and the link addresses it refused. */
export function readStoryText(source: string): { paragraphs: Paragraph[]; refused: string[] } {
	const refused: string[] = [];
	const paragraphs = source
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
		.filter(Boolean)
		.map((block) => inlines(block, refused));
	return { paragraphs, refused };
}

/** The words of the text without its markup: what a caption or a screen reader's summary shows. */
export function plainText(source: string): string {
	return readStoryText(source)
		.paragraphs.map((p) => p.map((part) => part.text).join(''))
		.join('\n\n');
}
