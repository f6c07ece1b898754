// What every baseline page shares: the points file named in the link, and the steps the benchmark
// times (hide one type; show one day), applied each page's own way.
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
}

declare global {
	interface Window {
		bench?: BenchHooks;
	}
}

export const params = new URLSearchParams(location.search);

/** The points file's URL, absolute, as MapLibre wants it. */
export const pointsUrl = new URL(params.get('points') ?? '', location.href).href;

/** Features of the page's points file, fetched in full as a plain web map would. */
export async function loadPoints(): Promise<PointFeature[]> {
	const response = await fetch(pointsUrl);
	return ((await response.json()) as { features: PointFeature[] }).features;
}

/** The events a step keeps: not of `hiddenType`, and within [from, to]. */
export function keep(features: PointFeature[], { hiddenType, from, to }: StepState): PointFeature[] {
	return features.filter(
		(f) => f.properties.type !== hiddenType && (!from || f.properties.day >= from) && (!to || f.properties.day <= to)
	);
}
