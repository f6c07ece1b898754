/**
 * Publishing a story: checked against the published dataset it names, then written beside the
 * datasets as `stories/<slug>.json`, and listed in `stories/index.json`, which the app's story
 * picker reads. Nothing is half-written: both files are replaced together.
 */
import { parseJson, type Problem } from '../load';
import type { PublishedIndexFile } from '../published-shape';
import { readStory, type Story, type StoryDataset } from './story';
import { wordsIn } from './words';

export const STORIES_FOLDER = 'stories';

/** One line of the stories' list. */
interface StoryListing {
	slug: string;
	title: Story['title'];
	dataset: string;
	language: Story['language'];
	chapters: number;
}
export interface StoryIndex {
	stories: StoryListing[];
}

/** What a story is checked against, from a published dataset's index. */
export function storyDataset(file: PublishedIndexFile): StoryDataset {
	return {
		slug: file.slug,
		dateRange: file.dateRange,
		places: file.places,
		eventIds: new Set(file.events.map((e) => e.id))
	};
}

/** The list with this story in it, replacing an older version of the same slug; ordered by title. */
export function listStory(index: StoryIndex | undefined, story: Story): StoryIndex {
	const listing: StoryListing = {
		slug: story.slug,
		title: story.title,
		dataset: story.dataset,
		language: story.language,
		chapters: story.chapters.length
	};
	const others = (index?.stories ?? []).filter((s) => s.slug !== story.slug);
	const title = (s: StoryListing) => wordsIn(s.title, 'en', s.language).text;
	return { stories: [...others, listing].sort((a, b) => title(a).localeCompare(title(b), 'en')) };
}

/**
 * Checks a story file's text against its dataset; `readDataset` gives a published dataset's
 * index by slug, or undefined when none is published under it.
 */
export function checkStoryFile(
	text: string,
	file: string,
	readDataset: (slug: string) => PublishedIndexFile | undefined
): { story?: Story; problems: Problem[] } {
	const parsed = parseJson(text, file);
	return parsed.value === undefined ? { problems: parsed.problems } : checkStory(parsed.value, file, readDataset);
}

/** The same, for a file already read as JSON. */
export function checkStory(
	value: unknown,
	file: string,
	readDataset: (slug: string) => PublishedIndexFile | undefined
): { story?: Story; problems: Problem[] } {
	const slug = (value as { dataset?: unknown } | null)?.dataset;
	const dataset = typeof slug === 'string' ? readDataset(slug) : undefined;
	if (typeof slug === 'string' && !dataset) {
		const shape = readStory(value, file);
		return {
			problems: [
				...shape.problems,
				{
					file,
					record: 'story',
					field: 'dataset',
					message: `expected a published dataset, got "${slug}" (publish it first with npm run import)`
				}
			]
		};
	}
	return readStory(value, file, dataset && storyDataset(dataset));
}
