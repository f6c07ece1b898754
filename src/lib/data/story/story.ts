/**
 * A story: a reporter's walk through a dataset, chapter by chapter. Each chapter has a title, a
 * short text, the view it shows (camera, dates, filters, selection) and the events it rests on,
 * whose sources the reader sees under the text. A story file is JSON, validated like a dataset:
 * every problem is named by its chapter and field.
 */
import { z } from '../zod';
import { STANCE_FILTERS, STATUSES } from '../filter';
import { schemaProblems, type Problem } from '../load';
import { EventId, IsoDate, Slug, type Place } from '../schema';
import { EVENT_TYPE_IDS } from '../vocabulary';
import { readStoryText } from './story-text';
import { STORY_LANGUAGES } from './words';

export const STORY_FORMAT = 'protest-atlas-story';

/** Words in one language, or in several: `{ "en": "…", "be": "…", "ru": "…" }`. */
const Words = z.union([
	z.string().trim().min(1),
	z
		.strictObject({
			en: z.string().trim().min(1).optional(),
			be: z.string().trim().min(1).optional(),
			ru: z.string().trim().min(1).optional()
		})
		.refine((texts) => Object.keys(texts).length > 0, 'text in at least one of en, be and ru')
]);

const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);

/** Where the map goes: a place or city fitted, a box, or a centre and zoom. */
const Camera = z.union([
	z.strictObject({ place: Slug }),
	z.strictObject({ city: Slug }),
	z.strictObject({ bbox: z.tuple([Longitude, Latitude, Longitude, Latitude]) }),
	z.strictObject({ center: z.tuple([Longitude, Latitude]), zoom: z.number().min(0).max(20) })
]);
export type StoryCamera = z.infer<typeof Camera>;

/** A chapter's view: a ViewState's filters and selection, with a camera. */
const ChapterView = z.strictObject({
	camera: Camera.optional(),
	from: IsoDate.optional(),
	to: IsoDate.optional(),
	types: z.array(z.enum(EVENT_TYPE_IDS as [string, ...string[]])).optional(),
	status: z.array(z.enum(STATUSES)).optional(),
	stance: z.array(z.enum(STANCE_FILTERS)).optional(),
	min: z.number().int().min(1).max(1_000_000_000).optional(),
	place: Slug.optional(),
	city: Slug.optional()
});
export type ChapterView = z.infer<typeof ChapterView>;

const Chapter = z.strictObject({
	title: Words,
	text: Words,
	view: ChapterView,
	/** Ids of the events the chapter rests on; their sources are shown under it. */
	events: z.array(EventId).max(50)
});
export type Chapter = z.infer<typeof Chapter>;

export const Story = z.strictObject({
	format: z.literal(STORY_FORMAT),
	version: z.literal(1),
	slug: Slug,
	title: Words,
	description: Words.optional(),
	/** The published dataset the story walks through, by slug. */
	dataset: Slug,
	/** The language it was written in: the one shown where a chapter lacks the reader's. */
	language: z.enum(STORY_LANGUAGES),
	author: z.string().trim().min(1).max(200).optional(),
	chapters: z.array(Chapter).min(1).max(60)
});
export type Story = z.infer<typeof Story>;

/** What a story is checked against: the dataset it names. */
export interface StoryDataset {
	slug: string;
	dateRange: { from: string; to: string };
	places: readonly Place[];
	eventIds: ReadonlySet<string>;
}

/** A zod path such as ["chapters", 2, "view", "from"] as a record and a field: chapter 3, view.from. */
function located(problem: Problem): Problem {
	const match = /^chapters\.(\d+)(?:\.(.*))?$/.exec(problem.field ?? '');
	if (!match) return problem;
	const rest: Problem = { ...problem, record: `chapter ${Number(match[1]) + 1}` };
	if (match[2]) rest.field = match[2];
	else delete rest.field;
	return rest;
}

/** Checks a story's shape, its texts' links, and (given its dataset) its places, dates and events. */
export function readStory(
	value: unknown,
	file: string,
	dataset?: StoryDataset
): { story?: Story; problems: Problem[] } {
	const parsed = Story.safeParse(value);
	if (!parsed.success) return { problems: schemaProblems(parsed.error, value, file, 'story').map(located) };
	const story = parsed.data;
	const problems: Problem[] = [];
	const report = (chapter: number, field: string, message: string) =>
		problems.push({ file, record: `chapter ${chapter + 1}`, field, message });
	const placeIds = new Set(dataset?.places.map((p) => p.id));
	const cityIds = new Set(dataset?.places.map((p) => p.properties.city));
	if (dataset && story.dataset !== dataset.slug)
		problems.push({
			file,
			record: 'story',
			field: 'dataset',
			message: `expected "${dataset.slug}", the dataset it is checked against, got "${story.dataset}"`
		});
	story.chapters.forEach((chapter, n) => {
		for (const [field, words] of [
			['title', chapter.title],
			['text', chapter.text]
		] as const) {
			const texts = typeof words === 'string' ? { [story.language]: words } : words;
			for (const [language, text] of Object.entries(texts))
				for (const href of readStoryText(text ?? '').refused)
					report(
						n,
						`${field}.${language}`,
						`expected links to http or https addresses only, got "${href.slice(0, 60)}"`
					);
		}
		const { view } = chapter;
		if (view.from && view.to && view.from > view.to)
			report(n, 'view.to', `expected a date on or after view.from (${view.from}), got ${view.to}`);
		if (!dataset) return;
		const { from, to } = dataset.dateRange;
		for (const key of ['from', 'to'] as const) {
			const date = view[key];
			if (date && (date < from || date > to))
				report(n, `view.${key}`, `expected a date within the dataset, ${from} to ${to}, got ${date}`);
		}
		if (view.place && !placeIds.has(view.place))
			report(n, 'view.place', `expected a place of "${dataset.slug}", got "${view.place}"`);
		if (view.camera && 'place' in view.camera && !placeIds.has(view.camera.place))
			report(n, 'view.camera.place', `expected a place of "${dataset.slug}", got "${view.camera.place}"`);
		for (const city of [view.city, view.camera && 'city' in view.camera ? view.camera.city : undefined])
			if (city && !cityIds.has(city))
				report(
					n,
					city === view.city ? 'view.city' : 'view.camera.city',
					`expected a city of "${dataset.slug}", got "${city}"`
				);
		chapter.events.forEach((id, k) => {
			if (!dataset.eventIds.has(id)) report(n, `events.${k}`, `expected an event of "${dataset.slug}", got "${id}"`);
		});
	});
	return problems.length ? { problems } : { story, problems };
}
