/** Where a hand-authored dataset may find its gazetteer: in its own folder, nowhere else. */
import { quoted } from './file-values';

/**
 * Why a dataset's gazetteer path is refused: it may name only a file in the dataset's own folder or
 * below it, never an absolute path, a parent folder or another drive.
 */
export function gazetteerPathProblem(named: string): string | undefined {
	const parts = named.split('/');
	if (
		!named ||
		named.includes('\\') ||
		named.includes('\0') ||
		/^[a-z][a-z0-9+.-]*:/i.test(named) ||
		named.startsWith('/') ||
		parts.some((part) => part === '..' || part === '')
	)
		return `expected a gazetteer file in the dataset's own folder (such as "places.geojson"), got "${quoted(named)}"; a dataset may not read files elsewhere`;
	return undefined;
}
