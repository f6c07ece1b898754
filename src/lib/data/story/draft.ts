/**
 * A story being written in the browser: the reporter's chapters, each a captured view with its
 * title, text and cited events. It becomes a story file (`draftToStory`), which is checked and
 * published like any other. Nothing of it is stored or sent: it lives in the page.
 */
import type { StoryCamera, ChapterView, Story } from './story';
import type { StoryLanguage } from './words';

export interface DraftChapter {
	title: string;
	text: string;
	view: ChapterView;
	events: string[];
}

export interface StoryDraft {
	title: string;
	language: StoryLanguage;
	dataset: string;
	chapters: DraftChapter[];
}

/** A slug from a title: lower-case Latin letters and digits, words joined by hyphens. */
export function slugOf(title: string): string {
	const slug = title
		.normalize('NFKD')
		// Accents fall away with their letters' combining marks: "Émigrés" is "emigres".
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'story';
}

/** A chapter's view from the view state's filters and selection and the map's camera now. */
export function captureView(
	state: Omit<ChapterView, 'camera'>,
	camera: { center: [number, number]; zoom: number }
): ChapterView {
	const round = (n: number, digits: number) => Number(n.toFixed(digits));
	const view: ChapterView = {
		camera: {
			center: [round(camera.center[0], 5), round(camera.center[1], 5)],
			zoom: round(camera.zoom, 2)
		} satisfies StoryCamera
	};
	for (const key of ['from', 'to', 'types', 'status', 'stance', 'min', 'place', 'city'] as const)
		if (state[key] !== undefined) Object.assign(view, { [key]: state[key] });
	return view;
}

/** Moves a chapter by `delta` places, within the list. */
export function moveChapter<T>(chapters: readonly T[], index: number, delta: number): T[] {
	const to = Math.min(Math.max(index + delta, 0), chapters.length - 1);
	const next = [...chapters];
	const [moved] = next.splice(index, 1);
	next.splice(to, 0, moved!);
	return next;
}

/** The story file a draft makes: its words in the language it is written in. */
export function draftToStory(draft: StoryDraft): Story {
	const words = (text: string) => ({ [draft.language]: text.trim() });
	return {
		format: 'protest-atlas-story',
		version: 1,
		slug: slugOf(draft.title),
		title: words(draft.title),
		dataset: draft.dataset,
		language: draft.language,
		chapters: draft.chapters.map((chapter) => ({
			title: words(chapter.title),
			text: words(chapter.text),
			view: chapter.view,
			events: [...chapter.events]
		}))
	};
}
