/**
 * Adds a tiled dataset of seeded synthetic events to a built site (`tsx tests/tiles/sample.ts
 * <site> [count]`), as `npm run tiles` publishes one: for the browser tests, never for readers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeSyntheticAcled } from '../bench/scale/synthetic';

export const SAMPLE_SLUG = 'tiled-sample';

export async function addTiledSample(site: string, count: number, slug = SAMPLE_SLUG): Promise<void> {
	const work = mkdtempSync(path.join(tmpdir(), 'tiled-sample-'));
	try {
		const csv = path.join(work, 'sample.csv');
		await writeSyntheticAcled(csv, count);
		const run = spawnSync(
			process.execPath,
			[
				'node_modules/tsx/dist/cli.mjs',
				'src/lib/data/tiles/tiles-cli.ts',
				csv,
				'--name',
				slug,
				'--title',
				`${count.toLocaleString('en')} synthetic events (tiles)`,
				'--out',
				path.join(site, 'data')
			],
			{ encoding: 'utf8' }
		);
		if (run.status !== 0) throw new Error(`npm run tiles failed:\n${run.stdout}\n${run.stderr}`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [site, count = '20000'] = process.argv.slice(2);
	if (!site) throw new Error('usage: tsx tests/tiles/sample.ts <site> [count]');
	await addTiledSample(site, Number(count));
}
