/**
 * What is painted around and over the map in a picture or a video frame: the key (drawn from the
 * same scales as the markers and the legend), the title, the caption and the credits, as text in
 * the app's own font.
 */
import { EVENT_TYPE_IDS } from '$lib/data/vocabulary';
import type { FrameBaseWords, FrameWords, ImageDecorations } from '$lib/state/map-handle';
import { markerRadius, sizeTicks } from '$lib/scales/scales';

export const INK = '#2b2722';
const INK_MUTED = '#6b6257';
export const PAPER = '#fbfaf6';
const FONT = "'Noto Sans', sans-serif";

/** A font of `size` pixels at `ratio`, in the app's face. */
export const fontOf = (size: number, ratio: number, weight = 400) => `${weight} ${Math.round(size * ratio)}px ${FONT}`;

/** Plain text of HTML credits such as `<a href=…>Natural Earth</a>`. */
export function creditText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Makes sure the app's font is loaded for these words, so that a canvas draws them in it. */
export async function loadFontFor(texts: string[]): Promise<void> {
	const sample = texts.join(' ');
	await Promise.all([400, 600].map((weight) => document.fonts.load(`${weight} 16px ${FONT}`, sample)));
}

type Key = Pick<ImageDecorations, 'scales' | 'typeLabel' | 'sizeLabel'>;

/**
 * The key, from `top`, within `width`: a swatch per type, wrapping, and beside them (or under
 * them, when the width is short) the size circles nested as the legend nests them, each at its
 * drawn size and labelled by a line from its top. Returns the key's bottom.
 */
export function drawKey(
	ctx: CanvasRenderingContext2D,
	x0: number,
	top: number,
	width: number,
	ratio: number,
	key: Key,
	draw = true
): number {
	const ticks = sizeTicks(key.scales).toSorted((a, b) => b - a);
	const radii = ticks.map((t) => markerRadius(key.scales, t) * ratio);
	const largest = Math.max(0, ...radii);
	ctx.font = fontOf(11, ratio);
	ctx.textBaseline = 'middle';
	ctx.textAlign = 'left';
	const labels = ticks.map((t) => key.sizeLabel(t));
	const circlesWidth = 2 * largest + 10 * ratio + Math.max(0, ...labels.map((l) => ctx.measureText(l).width));
	const beside = width - circlesWidth - 16 * ratio >= 150 * ratio;
	const typesWidth = beside ? width - circlesWidth - 16 * ratio : width;
	const row = 18 * ratio;
	let x = x0;
	let y = top + row / 2;
	for (const type of EVENT_TYPE_IDS) {
		const label = key.typeLabel(type);
		const itemWidth = 13 * ratio + ctx.measureText(label).width;
		if (x > x0 && x + itemWidth > x0 + typesWidth) {
			x = x0;
			y += row;
		}
		if (draw) {
			ctx.fillStyle = key.scales.colour(type);
			ctx.beginPath();
			ctx.arc(x + 5 * ratio, y, 5 * ratio, 0, Math.PI * 2);
			ctx.fill();
			ctx.fillStyle = INK;
			ctx.fillText(label, x + 13 * ratio, y);
		}
		x += itemWidth + 12 * ratio;
	}
	const typesBottom = y + row / 2;
	const circlesTop = beside ? top + 2 * ratio : typesBottom + 6 * ratio;
	const cx = (beside ? x0 + width - circlesWidth : x0) + largest;
	const base = circlesTop + 2 * largest;
	if (draw) {
		ctx.strokeStyle = INK;
		ctx.lineWidth = Math.max(1, ratio * 0.75);
		let labelY = -Infinity;
		ticks.forEach((tick, i) => {
			const r = radii[i]!;
			ctx.beginPath();
			ctx.arc(cx, base - r, r, 0, Math.PI * 2);
			ctx.stroke();
			// Labels keep a line apart, as the legend's do, though small circles' tops are close.
			labelY = Math.max(base - 2 * r, labelY + 12 * ratio);
			ctx.beginPath();
			ctx.moveTo(cx, base - 2 * r);
			ctx.lineTo(cx + largest + 4 * ratio, labelY);
			ctx.stroke();
			ctx.fillStyle = INK;
			ctx.fillText(labels[i]!, cx + largest + 8 * ratio, labelY);
		});
	}
	return Math.max(typesBottom, base);
}

/** Lines of `text` that fit `width`, at most `max`; the last is cut with an ellipsis if need be. */
function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && ctx.measureText(next).width > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	if (lines.length <= max) return lines;
	const kept = lines.slice(0, max);
	let last = `${kept[max - 1]}…`;
	while (last.length > 1 && ctx.measureText(last).width > width) last = `${last.slice(0, -2)}…`;
	kept[max - 1] = last;
	return kept;
}

/** Where the bands of a video frame are, for a frame of this size. */
export interface FrameLayout {
	width: number;
	height: number;
	/** Pixels of the frame per pixel of the map's page: text and markers keep their proportions. */
	ratio: number;
	top: number;
	bottom: number;
	captionLines: number;
}

const MARGIN = 14;
const SOURCE_LINES = 2;

/** The bands' heights: the top holds title, caption and counts; the bottom the key, the shot's sources and the credits. */
export function frameLayout(
	ctx: CanvasRenderingContext2D,
	size: { width: number; height: number },
	words: FrameBaseWords,
	captionLines: number
): FrameLayout {
	const ratio = Math.min(size.width, size.height) / 540;
	const inner = size.width - 2 * MARGIN * ratio;
	const top = Math.round((MARGIN + 18 + captionLines * 30 + 20 + MARGIN - 6) * ratio);
	const keyBottom = drawKey(ctx, 0, 0, inner, ratio, words, false);
	ctx.font = fontOf(10, ratio);
	const creditLines = wrapText(ctx, credits(words).join(' · '), inner, 3).length;
	// Two lines are kept for each shot's sources.
	const bottom = Math.round(keyBottom + (8 + 6 + (SOURCE_LINES + creditLines) * 14 + MARGIN - 4) * ratio);
	return { ...size, ratio, top, bottom, captionLines };
}

const credits = (words: Pick<FrameWords, 'attribution'>) => words.attribution.map(creditText);

/** Paints a frame's bands over what is drawn: the map between them. */
export function drawFrameBands(ctx: CanvasRenderingContext2D, layout: FrameLayout, words: FrameWords): void {
	const { width, height, ratio, top, bottom } = layout;
	const x = MARGIN * ratio;
	const inner = width - 2 * x;
	ctx.fillStyle = PAPER;
	ctx.fillRect(0, 0, width, top);
	ctx.fillRect(0, height - bottom, width, bottom);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	let y = (MARGIN + 12) * ratio;
	ctx.fillStyle = INK_MUTED;
	ctx.font = fontOf(12, ratio, 600);
	ctx.fillText(words.title, x, y, inner);
	ctx.fillStyle = INK;
	ctx.font = fontOf(24, ratio, 600);
	for (const line of wrapText(ctx, words.caption, inner, layout.captionLines)) {
		y += 30 * ratio;
		ctx.fillText(line, x, y);
	}
	y = top - (MARGIN - 2) * ratio;
	ctx.font = fontOf(13, ratio);
	ctx.fillText(words.detail, x, y, inner);
	const keyBottom = drawKey(ctx, x, height - bottom + 8 * ratio, inner, ratio, words);
	ctx.fillStyle = INK_MUTED;
	ctx.font = fontOf(10, ratio);
	ctx.textBaseline = 'alphabetic';
	let line = keyBottom + 6 * ratio;
	ctx.fillStyle = INK;
	for (const text of wrapText(ctx, words.sources, inner, SOURCE_LINES)) {
		line += 14 * ratio;
		ctx.fillText(text, x, line);
	}
	line = keyBottom + 6 * ratio + SOURCE_LINES * 14 * ratio;
	ctx.fillStyle = INK_MUTED;
	for (const text of wrapText(ctx, credits(words).join(' · '), inner, 3)) {
		line += 14 * ratio;
		ctx.fillText(text, x, line);
	}
}
