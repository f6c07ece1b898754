/**
 * What the controller asks of the map, whichever component draws it: the contract between
 * `state/` and `map/`, so that the controller never imports the map.
 */
import type { EventType } from '$lib/data/vocabulary';
import type { CameraTarget } from '$lib/data/story/story-camera';
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

export interface MapHandle {
	/** Moves to a story chapter's camera exactly: flying, or cutting for a reader who prefers less motion. */
	showCamera(target: CameraTarget): void;
	/** Fits a box inside the map's padding, zooming in no further than `maxZoom`. */
	fitBounds(bounds: Bounds, maxZoom?: number): void;
	/** Centres a point, zooming in at least to `zoom`. */
	flyTo(center: [number, number], zoom: number): void;
	/** The map as a PNG with its decorations painted in. */
	exportImage(decorations: ImageDecorations): Promise<Blob>;
	/** Where the map is now, for a story chapter that shows this view. */
	currentCamera(): { center: [number, number]; zoom: number } | undefined;
	/** Moves keyboard focus to the map. */
	focus(): void;
	/** Whether the page opened with its own camera in the hash, which wins over any fitting. */
	openedWithView(): boolean;
}
