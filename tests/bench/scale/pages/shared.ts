// What every baseline page shares: the points file and the first view named in the link, and the
// steps the benchmark times (hide one type; show one day), applied each page's own way.
import type { Feature, Point } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';

export interface PointProperties {
	type: string;
	day: string;
	low: number;
}
export type PointFeature = Feature<Point, PointProperties>;

export interface StepState {
	hiddenType?: string;
	from?: string;
	to?: string;
}

/** What the benchmark finds on a baseline page. */
export interface BenchHooks {
	map?: MaplibreMap;
	markerLayers?: string[];
	leaflet?: boolean;
	step?: (state: StepState) => void | Promise<void>;
	/** Untimed, before the steps: whatever the page keeps to make them. */
	prepare?: () => Promise<unknown>;
}

declare global {
	interface Window {
		bench?: BenchHooks;
	}
}

export const params = new URLSearchParams(location.search);

/** The points file's URL, absolute, as MapLibre wants it. */
export const pointsUrl = new URL(params.get('points') ?? '', location.href).href;

/**
 * The first view: the box the app opens this dataset on (its home view) and the same padding, so
 * that every page draws the same places at about the same zoom.
 */
export const firstView = {
	bounds: (params.get('bounds') ?? '23.1,51.2,32.8,56.2').split(',').map(Number) as [number, number, number, number],
	padding: Number(params.get('padding') ?? 24)
};

let fetched: Promise<PointFeature[]> | undefined;
/** Features of the page's points file, fetched in full once, as a plain web map would. */
export function loadPoints(): Promise<PointFeature[]> {
	fetched ??= fetch(pointsUrl)
		.then((response) => response.json() as Promise<{ features: PointFeature[] }>)
		.then((collection) => collection.features);
	return fetched;
}

/** The events a step keeps: not of `hiddenType`, and within [from, to]. */
export function keep(features: PointFeature[], { hiddenType, from, to }: StepState): PointFeature[] {
	return features.filter(
		(f) => f.properties.type !== hiddenType && (!from || f.properties.day >= from) && (!to || f.properties.day <= to)
	);
}
