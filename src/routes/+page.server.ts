import { readFileSync } from 'node:fs';
import { overviewToInline } from '$lib/data/view/overview';
import { SLUG_PATTERN } from '$lib/data/vocabulary';

/** A file published under static/data/, or undefined when it is not there. */
function published(name: string): string | undefined {
	try {
		return readFileSync(`static/data/${name}`, 'utf8');
	} catch {
		return undefined;
	}
}

// Prerendered: the default dataset's overview is written into the page, so that its first markers
// wait for no request. The page still reads the index, which says whether the default is the same.
export function load() {
	const indexText = published('index.json');
	const index = indexText === undefined ? undefined : (JSON.parse(indexText) as { default?: unknown });
	const slug = typeof index?.default === 'string' && SLUG_PATTERN.test(index.default) ? index.default : undefined;
	return { firstOverview: overviewToInline(index, slug && published(`${slug}.overview.json`)) };
}
