// Draws the app's icons (static/icons/icon-<size>.png) as the favicon draws them: a ring and a disc.
// Run with `npm run icons`; the output is small and committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const INK = [192, 57, 43];
const PAPER = [251, 250, 246];

function icon(size) {
	const png = new PNG({ width: size, height: size });
	const c = size / 2;
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) {
			const d = Math.hypot(x + 0.5 - c, y + 0.5 - c) / size;
			// Anti-aliased edges: how much of the pixel each circle covers.
			const cover = (r) => Math.min(1, Math.max(0, (r - d) * size + 0.5));
			const ring = cover(0.36) * 0.35;
			const disc = cover(0.2);
			const alpha = Math.max(ring, disc);
			const i = (y * size + x) * 4;
			for (let k = 0; k < 3; k++) png.data[i + k] = Math.round(PAPER[k] * (1 - alpha) + INK[k] * alpha);
			png.data[i + 3] = 255;
		}
	return PNG.sync.write(png);
}

mkdirSync('static/icons', { recursive: true });
for (const size of [192, 512]) writeFileSync(`static/icons/icon-${size}.png`, icon(size));
console.log('icons: 192, 512');
