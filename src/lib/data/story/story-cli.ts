/**
 * `npm run story -- add <file> [--out static/data]`: checks a story against the published dataset
 * it names and publishes it beside it; `npm run story -- list` lists the published stories.
 * Every problem is printed with its chapter and field, and nothing is written if there is one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../load';
import type { PublishedIndexFile } from '../published-shape';
import { writeTogether } from '../import/write-together';
import { checkStoryFile, listStory, STORIES_FOLDER, type StoryIndex } from './publish-story';
import { wordsIn } from './words';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const option = (name: string) => {
	const at = args.indexOf(name);
	return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const out = option('--out') ?? 'static/data';
const [command, file] = args;
const indexPath = path.join(out, STORIES_FOLDER, 'index.json');
const readIndex = (): StoryIndex | undefined =>
	existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as StoryIndex) : undefined;

if (command === 'list') {
	for (const s of readIndex()?.stories ?? [])
		console.log(`${s.slug}: ${wordsIn(s.title, 'en', s.language).text} (${s.dataset}, ${s.chapters} chapters)`);
} else if (command === 'add' && file) {
	const readDataset = (slug: string) => {
		const published = path.join(out, `${slug}.json`);
		return existsSync(published) ? (JSON.parse(readFileSync(published, 'utf8')) as PublishedIndexFile) : undefined;
	};
	const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
	const { story, problems } =
		text === undefined
			? { story: undefined, problems: [{ file, message: 'expected a readable file, but it does not exist' }] }
			: checkStoryFile(text, file, readDataset);
	for (const problem of problems) console.error(formatProblem(problem));
	if (!story) {
		console.error(`${file}: not published, ${problems.length} problem(s)`);
		process.exit(1);
	}
	const index = listStory(readIndex(), story);
	writeTogether(
		out,
		[
			{ path: `${STORIES_FOLDER}/${story.slug}.json`, data: `${JSON.stringify(story, null, '\t')}\n` },
			{ path: `${STORIES_FOLDER}/index.json`, data: `${JSON.stringify(index, null, '\t')}\n` }
		],
		`${STORIES_FOLDER}/index.json`
	);
	console.log(
		`published "${story.slug}" (${story.chapters.length} chapters, dataset ${story.dataset}) to ${path.join(out, STORIES_FOLDER)}`
	);
} else {
	console.error('usage: npm run story -- add <file> [--out static/data]  |  npm run story -- list');
	process.exit(2);
}
