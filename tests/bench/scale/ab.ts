/**
 * `npm run bench:ab -- <rev> <rev>`: the same app at two commits, opened in alternation in one
 * run, so that a change is measured against the machine's own noise. Each commit is checked out
 * in a work tree of its own under .bench/ab/, built with its own code (and this checkout's
 * node_modules), and served by its own host. Every load is a fresh browser, cold, with the
 * service worker on, as in `npm run bench:scale`. Writes docs/measured/ab-<rev>-<rev>.md.
 *
 * BENCH_LOADS: loads per commit (default 8). BENCH_SIZES=10000,...: synthetic datasets too, each
 * imported by each commit's own importer (default: the default dataset alone).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveFolder } from '../../../scripts/static-host';
import { writeDocBlock } from './doc-block';
import { mapLibreFiles, measurePage } from './measure';
import { ratioOf, summarise, type PageSummary, type Sample } from './summary';
import { writeSyntheticAcled } from './synthetic';

const root = path.resolve(import.meta.dirname, '../../..');
const work = path.join(root, '.bench', 'ab');
const LOADS = Math.max(1, Number(process.env.BENCH_LOADS ?? 8));
const SIZES = (process.env.BENCH_SIZES ?? '').split(',').filter(Boolean).map(Number);
const OPEN_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

function run(cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
	execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
}

/** Checks the commit out beside the others, builds it with test hooks, and imports the synthetic sizes. */
async function buildCommit(rev: string): Promise<{ rev: string; sha: string; build: string }> {
	const sha = git('rev-parse', '--verify', `${rev}^{commit}`);
	const tree = path.join(work, sha.slice(0, 10));
	if (!existsSync(tree)) {
		mkdirSync(work, { recursive: true });
		git('worktree', 'add', '--force', '--detach', tree, sha);
	}
	if (!existsSync(path.join(tree, 'node_modules')))
		symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'));
	const lock = (dir: string) => readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
	if (lock(tree) !== lock(root))
		console.warn(
			`${rev}: its package-lock.json differs from this checkout's; it is built with this checkout's modules.`
		);
	const build = path.join(tree, '.bench-build');
	rmSync(build, { recursive: true, force: true });
	run(tree, 'npm', ['run', 'build'], { VITE_TEST_HOOKS: '1', BUILD_DIR: build });
	for (const size of SIZES) {
		const csv = path.join(root, '.bench', `synthetic-${size}.csv`);
		if (!existsSync(csv)) await writeSyntheticAcled(csv, size);
		run(
			tree,
			'npx',
			['tsx', 'src/lib/data/import/cli.ts', csv, '--name', `synthetic-${size}`, '--out', path.join(build, 'data')],
			{ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=12000`.trim() }
		);
	}
	return { rev, sha, build };
}

const ms = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n).toLocaleString('en-GB')} ms`);
const spread = (s: PageSummary['firstMarkers']) =>
	s
		? `${ms(s.median)} (${Math.round(s.min).toLocaleString('en-GB')}–${Math.round(s.max).toLocaleString('en-GB')})`
		: '—';
function change(ratio: number | undefined): string {
	if (ratio === undefined) return '—';
	const percent = Math.round((ratio - 1) * 100);
	return percent === 0 ? '0 %' : `${percent > 0 ? '+' : '−'}${Math.abs(percent)} %`;
}
/** A commit as the reader named it, with its hash unless the name is the hash. */
const named = (c: { rev: string; sha: string }) =>
	c.sha.startsWith(c.rev) ? c.sha.slice(0, 7) : `${c.rev} (${c.sha.slice(0, 7)})`;

async function main() {
	const [revA, revB] = process.argv.slice(2);
	if (!revA || !revB) throw new Error('Usage: npm run bench:ab -- <rev> <rev>');
	const commits = [await buildCommit(revA), await buildCommit(revB)];
	const hosts = await Promise.all(commits.map((c) => serveFolder(c.build)));
	const frameFiles = commits.flatMap((c) => mapLibreFiles(c.build));
	const datasets = [
		{ size: 'default (61)', query: '' },
		...SIZES.map((n) => ({ size: n.toLocaleString('en-GB'), query: `?data=synthetic-${n}` }))
	];
	const samples: Sample[] = [];
	try {
		for (const dataset of datasets)
			for (let load = 0; load < LOADS; load++) {
				const order = load % 2 ? [1, 0] : [0, 1];
				for (const which of order) {
					const result = await measurePage(hosts[which]!.url, `/${dataset.query}`, {
						app: true,
						timeoutMs: OPEN_TIMEOUT_MS,
						frameFiles
					});
					samples.push({ size: dataset.size, page: commits[which]!.rev, result });
					console.log(
						`${dataset.size} · ${commits[which]!.rev} · load ${load + 1}/${LOADS}: ${JSON.stringify(result)}`
					);
				}
			}
	} finally {
		await Promise.all(hosts.map((h) => h.close()));
	}
	const summary = summarise(samples);
	const lines = [
		`| events | measure | ${named(commits[0]!)} | ${named(commits[1]!)} | change |`,
		'|---|---|---|---|---|'
	];
	for (const { size } of datasets) {
		const [a, b] = commits.map((c) => summary.find((s) => s.size === size && s.page === c.rev));
		for (const [label, field] of [
			['first markers', 'firstMarkers'],
			['filter → idle', 'filterStep'],
			['date step → idle', 'dateStep']
		] as const)
			lines.push(
				`| ${size} | ${label} | ${spread(a?.[field])} | ${spread(b?.[field])} | ${change(ratioOf(b?.[field], a?.[field]))} |`
			);
	}
	const table = lines.join('\n');
	console.log(`\n${table}`);
	await writeDocBlock(
		`ab-${commits[0]!.sha.slice(0, 7)}-${commits[1]!.sha.slice(0, 7)}`,
		`${revA} against ${revB}`,
		`${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Chromium with software WebGL. ${LOADS} cold loads per commit, alternating, each in a fresh browser with the service worker on. Medians, with the fastest and slowest load in brackets.`,
		table
	);
}

await main();
