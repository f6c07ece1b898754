/**
 * What the controller asks of the map, whichever component draws it: the contract between
 * `state/` and `map/`, so that the controller never imports the map.
 */
import type { EventType } from '$lib/data/vocabulary';
import type { CameraTarget } from '$lib/data/story/story-camera';
import type { Camera } from '$lib/data/camera';
import type { FrameSize } from '$lib/data/video/plan';
import type { Scales } from '$lib/scales/scales';

/** West, south, east, north. */
export type Bounds = [number, number, number, number];

/** What is painted around the map in an exported picture, already in the reader's language. */
export interface ImageDecorations {
	title: string;
	/** The date range, as the reader reads it. */
	range: string;
	scales: Scales;
	typeLabel: (type: EventType) => string;
	/** A size circle's label, such as "1,000 people". */
	sizeLabel: (people: number) => string;
	/** Credits of the app and the data, beside those of the basemap. */
	attribution: string[];
}

/** What a video frame prints over the map, in the reader's language. */
export interface FrameWords extends Omit<ImageDecorations, 'range'> {
	/** The day or the chapter, in large type. */
	caption: string;
	/** The counts under it, such as "12 events". */
	detail: string;
	/** Who reported what the frame shows, such as "Sources: Reuters, TUT.BY". */
	sources: string;
}

/** What every frame of a video prints alike: title, key and credits. */
export type FrameBaseWords = Omit<FrameWords, 'caption' | 'detail' | 'sources'>;
/** What a shot of a video prints of its own. */
export type ShotWords = Pick<FrameWords, 'caption' | 'detail' | 'sources'>;

/** The map drawing frames of a video, at the video's size, until `end`. */
export interface FrameCapture {
	/** The frame, redrawn by each `draw`: the encoder reads it. */
	readonly canvas: HTMLCanvasElement;
	/** The camera that shows, at the frame's size, what the map showed when the capture began. */
	readonly startCamera: Camera;
	/** The camera that shows a chapter's target at the frame's size. */
	cameraFor(target: CameraTarget): Camera;
	/** Sets the camera, waits until everything in view is drawn, and paints the frame with its words. */
	draw(camera: Camera, words: FrameWords): Promise<void>;
	/** Gives the map back to the page as it was. */
	end(): void;
}

export interface MapHandle {
	/**
	 * Resizes the map for frames of `size` (the page sees it behind the progress dialog);
	 * `captionLines` is how many lines the largest caption may take.
	 */
	startFrames(size: FrameSize, words: FrameBaseWords, captionLines: number): Promise<FrameCapture>;
	/** Moves to a story chapter's camera exactly: flying, or cutting for a reader who prefers less motion. */
	showCamera(target: CameraTarget): void;
	/** Cuts to a camera, as the Back button asks. */
	jumpTo(camera: Camera): void;
	/** Fits a box inside the map's padding, zooming in no further than `maxZoom`. */
	fitBounds(bounds: Bounds, maxZoom?: number): void;
	/** Centres a point, zooming in at least to `zoom`. */
	flyTo(center: [number, number], zoom: number): void;
	/** The map as a PNG with its decorations painted in. */
	exportImage(decorations: ImageDecorations): Promise<Blob>;
	/** Where the map is now, for a story chapter that shows this view. */
	currentCamera(): Camera | undefined;
	/** Moves keyboard focus to the map. */
	focus(): void;
	/** Whether the page opened with its own camera in the hash, which wins over any fitting. */
	openedWithView(): boolean;
}
