/** Publishing writes several files; a reader of the folder must see all of them new, or all old. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface OutFile {
	/** Relative to the folder; a `<slug>.details/…` folder is replaced whole. */
	path: string;
	data: string | Uint8Array;
}

/**
 * Writes the files all or none: each to a temporary name beside its place, then every one moved
 * into place, folders first and `last` at the end. A failure removes the temporary files and
 * leaves what was there before.
 */
export function writeTogether(out: string, files: readonly OutFile[], last: string): void {
	const suffix = `.importing-${process.pid}`;
	const folders = [...new Set(files.map((f) => f.path.split('/')[0]!).filter((top) => top.endsWith('.details')))];
	const written: string[] = [];
	try {
		for (const file of files) {
			const [top, ...rest] = file.path.split('/');
			const target = folders.includes(top!)
				? path.join(out, `${top}${suffix}`, ...rest)
				: path.join(out, `${file.path}${suffix}`);
			mkdirSync(path.dirname(target), { recursive: true });
			writeFileSync(target, file.data);
			written.push(target);
		}
	} catch (error) {
		for (const folder of folders) rmSync(path.join(out, `${folder}${suffix}`), { recursive: true, force: true });
		for (const file of written) rmSync(file, { force: true });
		throw error;
	}
	for (const folder of folders) {
		const target = path.join(out, folder);
		rmSync(target, { recursive: true, force: true });
		renameSync(`${target}${suffix}`, target);
	}
	const plain = files.filter((f) => !folders.includes(f.path.split('/')[0]!));
	for (const file of [...plain.filter((f) => f.path !== last), ...plain.filter((f) => f.path === last)])
		renameSync(path.join(out, `${file.path}${suffix}`), path.join(out, file.path));
}
