import { formatProblem, parseJson, readDataset, readGazetteer, readPublished, type Problem } from './load';
import { checkTiledSummary, TILES_FORMAT } from './tiles/tile-figures';
import { detailsPath, PUBLISHED_FORMAT } from './published';
import path from 'node:path';
import { gazetteerPathProblem } from './gazetteer-path';
import type { Place } from './schema';
import type { PublishedIndexFile } from './published-shape';
import { checkStory } from './story/publish-story';
import { STORY_FORMAT } from './story/story';

export interface ValidationReport {
	records: number;
	errors: number;
	lines: string[];
}

/** Validates gazetteers and datasets by path; `read` returns a file's text, or undefined if missing. */
export function validateFiles(
	files: readonly string[],
	read: (file: string) => string | undefined,
	/** Whether a file exists, without reading it (a tile archive may be gigabytes). */
	exists: (file: string) => boolean = (file) => read(file) !== undefined
): ValidationReport {
	const problems: Problem[] = [];
	let records = 0;
	const gazetteers = new Map<string, Place[]>();

	const loadJson = (file: string) => {
		const text = read(file);
		if (text === undefined) {
			problems.push({ file, message: 'expected a readable file, but it does not exist' });
			return undefined;
		}
		const parsed = parseJson(text, file);
		problems.push(...parsed.problems);
		return parsed.value;
	};
	const gazetteer = (file: string): Place[] | undefined => {
		if (gazetteers.has(file)) return gazetteers.get(file);
		const value = loadJson(file);
		if (value === undefined) return undefined;
		const result = readGazetteer(value, file);
		problems.push(...result.problems);
		records += result.total;
		gazetteers.set(file, result.places);
		return result.places;
	};

	for (const file of files) {
		if (file.endsWith('.geojson')) {
			gazetteer(file);
			continue;
		}
		const value = loadJson(file);
		if (value === undefined) continue;
		if ((value as { format?: unknown })?.format === STORY_FORMAT) {
			// A story is checked against the published dataset it names, beside it or in static/data.
			const result = checkStory(value, file, (slug) => {
				const beside = path.posix.join(path.posix.dirname(file.replace(/\\/g, '/')), '..', `${slug}.json`);
				const text = read(beside) ?? read(`static/data/${slug}.json`);
				return text === undefined ? undefined : (JSON.parse(text) as PublishedIndexFile);
			});
			problems.push(...result.problems);
			records += result.story?.chapters.length ?? 0;
			continue;
		}
		if ((value as { format?: unknown })?.format === TILES_FORMAT) {
			// A tiled dataset's summary, and the archive and details it names beside it.
			try {
				const summary = checkTiledSummary(value);
				for (const beside of [summary.archive, summary.details]) {
					const name = path.posix.join(path.posix.dirname(file.replace(/\\/g, '/')), beside);
					if (!exists(name))
						problems.push({ file, field: 'files', message: `expected ${beside} beside it, but it does not exist` });
				}
				records += 1;
			} catch (error) {
				problems.push({ file, message: (error as Error).message });
			}
			continue;
		}
		if ((value as { format?: unknown })?.format === PUBLISHED_FORMAT) {
			// A large dataset's details sit beside it, in <slug>.details/<n>.json.
			const result = readPublished(value, file, (n) =>
				loadJson(file.replace(/[^/\\]+\.json$/, detailsPath(String((value as { slug?: unknown }).slug), n)))
			);
			problems.push(...result.problems);
			records += result.total;
			continue;
		}
		// A dataset names its gazetteer by a path inside its own folder.
		const gazetteerPath = (value as { gazetteer?: unknown })?.gazetteer;
		let places: Place[] = [];
		if (typeof gazetteerPath === 'string') {
			const problem = gazetteerPathProblem(gazetteerPath);
			if (problem) problems.push({ file, record: 'dataset', field: 'gazetteer', message: problem });
			else places = gazetteer(path.posix.join(path.posix.dirname(file.replace(/\\/g, '/')), gazetteerPath)) ?? [];
		}
		const result = readDataset(value, file, places);
		problems.push(...result.problems);
		records += result.total;
	}
	return { records, errors: problems.length, lines: problems.map(formatProblem) };
}
