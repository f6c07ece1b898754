/**
 * The story a reporter is writing, and the preview of it: page-lived, never stored on the device
 * or sent anywhere. Leaving the page drops it, unless it was downloaded.
 */
import type { StoryDraft } from '$lib/data/story/draft';
import type { Story } from '$lib/data/story/story';

let draft = $state<StoryDraft>();
let preview = $state.raw<Story>();

export const storyDraft = {
	get draft() {
		return draft;
	},
	start(dataset: string, language: StoryDraft['language']): StoryDraft {
		draft ??= { title: '', language, dataset, chapters: [] };
		return draft;
	},
	discard() {
		draft = undefined;
		preview = undefined;
	},
	/** The draft as a story that the page reads under its slug, as a published one. */
	get preview() {
		return preview;
	},
	set preview(story: Story | undefined) {
		preview = story;
	}
};
