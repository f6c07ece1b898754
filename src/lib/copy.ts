/** User-facing text in English, kept out of components so it can be translated. */
import { formatDistance } from './format';
export const copy = {
	appName: 'Protest Atlas',
	datasetSubtitle: 'Protests after the presidential election of 9 August 2020',
	mapLabel: 'Map of protest events in Belarus. Use the arrow keys to pan and + or − to zoom.',
	mapLoading: 'Loading the map…',
	mapError: 'The map could not be drawn in this browser. The lists of places and cities still work.',
	resetView: 'Show all of Belarus',
	offlineNote: 'This map loads nothing from other websites.'
} as const;

/** Words for data values. */
export const statusLabel = { reported: 'Reported', announced: 'Announced', called: 'Called for' } as const;
export const stanceLabel = {
	opposition: 'Opposition',
	'pro-government': 'Pro-government',
	authorities: 'Authorities',
	unknown: 'Not recorded'
} as const;

export const panelCopy = {
	close: 'Close',
	eventsHere: 'What happened here',
	noEventsHere: 'No events here match the current filters.',
	sources: 'Sources',
	noLink: 'no link recorded',
	summaryQuote: 'Summary of the source',
	verbatimQuote: 'Quoted',
	approximate: (radiusM: number) => `Location approximate: ±${formatDistance(radiusM)}`,
	crowd: 'Crowd',
	detained: 'Detained',
	killed: 'Killed',
	route: 'Route',
	routeSourced: 'drawn as the sources give it',
	routeSchematic: 'not sourced: the line only joins its sourced ends',
	timesIn: (zone: string) => `Times are local (${zone}).`,
	gatheringsByDay: 'Events by day',
	outsideMap: 'This place lies outside the map’s extent.',
	placeFigure: 'The circle here shows',
	generalised: (km: number) =>
		`The location is generalised to a ${km} km grid to protect the people involved: the point is the centre of the grid cell, not the place itself.`
} as const;
