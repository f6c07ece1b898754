import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWebAddress, plainText, readStoryText } from './story-text';

describe('a chapter’s text', () => {
	it('reads paragraphs, emphasis, strong words and web links', () => {
		const { paragraphs, refused } = readStoryText(
			'On **Sunday** the march\nreached the *Stela*.\n\nSee [AFP](https://www.france24.com/en/x) and _more_.'
		);
		expect(refused).toEqual([]);
		expect(paragraphs).toEqual([
			[
				{ kind: 'text', text: 'On ' },
				{ kind: 'strong', text: 'Sunday' },
				{ kind: 'text', text: ' the march reached the ' },
				{ kind: 'em', text: 'Stela' },
				{ kind: 'text', text: '.' }
			],
			[
				{ kind: 'text', text: 'See ' },
				{ kind: 'link', text: 'AFP', href: 'https://www.france24.com/en/x' },
				{ kind: 'text', text: ' and ' },
				{ kind: 'em', text: 'more' },
				{ kind: 'text', text: '.' }
			]
		]);
	});

	it('keeps a link to anything but the web as its words, and names it', () => {
		for (const href of [
			'javascript:alert(1)',
			'JAVASCRIPT:alert(1)',
			'data:text/html,x',
			'file:///etc/passwd',
			'//evil'
		]) {
			const { paragraphs, refused } = readStoryText(`Click [here](${href}) now`);
			expect(refused).toEqual([href]);
			expect(paragraphs).toEqual([[{ kind: 'text', text: 'Click here now' }]]);
		}
	});

	it('binds a link before the emphasis around it, as Markdown does', () => {
		expect(readStoryText('_[a](_)').paragraphs).toEqual([[{ kind: 'text', text: '_a' }]]);
		expect(readStoryText('_see [TUT.BY](https://tut.by)_').paragraphs).toEqual([
			[
				{ kind: 'text', text: '_see ' },
				{ kind: 'link', text: 'TUT.BY', href: 'https://tut.by' },
				{ kind: 'text', text: '_' }
			]
		]);
	});

	it('leaves HTML as text', () => {
		expect(readStoryText('<img src=x onerror=alert(1)> & <b>bold</b>').paragraphs).toEqual([
			[{ kind: 'text', text: '<img src=x onerror=alert(1)> & <b>bold</b>' }]
		]);
	});

	it('never throws, never links elsewhere than http(s), and loses no words', () => {
		fc.assert(
			fc.property(
				fc.string({
					unit: fc.constantFrom('a', ' ', '*', '_', '[', ']', '(', ')', '\n', ':', 'h', 't', 'p', 's', '/')
				}),
				(source) => {
					const { paragraphs } = readStoryText(source);
					for (const part of paragraphs.flat()) {
						if (part.kind === 'link') expect(isWebAddress(part.href)).toBe(true);
						expect(part.text.length).toBeGreaterThan(0);
					}
					// Every letter of the source is in the text, in order (markup and spacing aside).
					const letters = (s: string) => s.replace(/[^a-z:/()]/g, '');
					const kept = paragraphs
						.flat()
						.map((p) => (p.kind === 'link' ? `${p.text}(${p.href})` : p.text))
						.join(' ');
					expect(letters(kept)).toBe(
						letters(
							source.replace(/\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g, (m, t, h) =>
								isWebAddress(h) ? `${t}(${h})` : t
							)
						)
					);
				}
			),
			{ numRuns: 2000 }
		);
		expect(plainText('a *b* [c](https://x.org)')).toBe('a b c');
	});
});
