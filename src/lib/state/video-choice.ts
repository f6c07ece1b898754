/**
 * The reader's choice of video as a plan, its captions in the reader's language and its file's
 * name: the week's playback, day by day, or the story being read, chapter by chapter.
 */
import type { AtlasData } from '$lib/data/atlas-data';
import type { Story } from '$lib/data/story/story';
import { chapterCamera } from '$lib/data/story/story-camera';
import { wordsIn } from '$lib/data/story/words';
import type { PlaybackMode } from '$lib/data/timeline';
import { planStory, planWeek, type Pace, type Shot, type VideoFormat, type VideoSizeName } from '$lib/data/video/plan';
import { formatDate, formatSpan } from '$lib/format';
import type { Language } from '$lib/format';
import type { Translate } from '$lib/i18n/i18n';
import type { AtlasView } from './atlas-view.svelte';
import type { FrameBaseWords, MapHandle } from './map-handle';
import type { ViewState } from './url-state';
import { filmVideo } from './video-recorder';

/** A video the reader asks for: the week's playback or the story being read. */
export interface VideoChoice {
	source: 'week' | 'story';
	format: VideoFormat;
	size: VideoSizeName;
	pace: Pace;
}

export interface VideoStage {
	map: MapHandle;
	data: AtlasData;
	view: AtlasView;
	/** The playback's mode: that day only, or everything up to it. */
	mode: PlaybackMode;
	/** The story to film, for a story's video. */
	story: Story | undefined;
	t: Translate;
	language: Language;
	locale: string;
	words: FrameBaseWords;
	/** The view state that shows a shot. */
	shotState(shot: Shot): ViewState;
	/** Goes to a view state; resolves once the view shows it. */
	show(state: ViewState): Promise<void>;
	/** The publishers of the events shown now, a name for each source. */
	publishers(): Promise<string[]>;
}

export async function filmChoice(
	choice: VideoChoice,
	signal: AbortSignal,
	onProgress: (done: number, total: number, frame: HTMLCanvasElement) => void,
	stage: VideoStage
): Promise<{ name: string; blob: Blob }> {
	const { view, story, t, language } = stage;
	const { format, size, pace } = choice;
	const plan = story
		? planStory(story.chapters.length, pace, format, size)
		: planWeek(view.days, stage.mode, pace, format, size);
	const counts = () => t('timeline.events', { count: view.shownCount });
	const inLanguage = (words: Story['title']) => wordsIn(words, stage.locale, story!.language).text;
	const blob = await filmVideo({
		plan,
		pace,
		map: stage.map,
		words: story ? { ...stage.words, title: inLanguage(story.title) } : stage.words,
		captionLines: story ? 2 : 1,
		show: (shot) => stage.show(stage.shotState(shot)),
		async caption(shot) {
			const publishers = [...new Set(await stage.publishers())];
			const sources = publishers.length ? t('video.sources', { publishers: publishers.join('; ') }) : '';
			if (shot.kind === 'day') {
				const { from, to } = shot.range;
				const span = from === to ? '' : `${formatSpan(from, to, language.dates)} · `;
				return { caption: formatDate(shot.day, language.dates), detail: `${span}${counts()}`, sources };
			}
			const of = t('story.chapterOf', { n: shot.chapter + 1, count: story!.chapters.length });
			const when = formatSpan(view.range.from, view.range.to, language.dates);
			return {
				caption: inLanguage(story!.chapters[shot.chapter]!.title),
				detail: `${of} · ${when} · ${counts()}`,
				sources
			};
		},
		target: (shot) =>
			shot.kind === 'chapter' ? chapterCamera(story!.chapters[shot.chapter]!.view, stage.data.places) : undefined,
		signal,
		onProgress
	});
	const { exportFileName } = await import('$lib/data/export');
	const name = story
		? `protest-atlas-${story.slug}.${format}`
		: exportFileName(stage.data.header.slug, { from: view.days[0]!, to: view.days.at(-1)! }, format);
	return { name, blob };
}
