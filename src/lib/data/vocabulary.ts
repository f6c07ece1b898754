/**
 * The words of the data model that the page needs as values: event types, stances, the fields kept
 * apart as details. They live apart from the zod schemas (schema.ts), so that the page can use them
 * without loading zod, which only the importer and the validator need.
 */
/** The `format` a published dataset names itself by. */
export const PUBLISHED_FORMAT = 'protest-atlas-dataset';
/** Version 2 added details in separate files; version 1 files are read as they are. */
export const PUBLISHED_VERSION = 2;

/** Lower-case letters, digits and single hyphens: the ids of datasets, places and events. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An event's id, as its source wrote it: letters of either case, digits, `.`, `_` and `-`
 * (ACLED's `BLR9001` stays `BLR9001`, so that an export joins back to ACLED). Ids that differ only
 * in case are the same id.
 */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,126}[A-Za-z0-9])?$/;

/** The event taxonomy, with the ACLED event type and sub-event type each maps to. */
export const EVENT_TYPES = {
	rally: { label: 'Rally or march', acled: ['Protests', 'Peaceful protest'] },
	'human-chain': { label: 'Human chain', acled: ['Protests', 'Peaceful protest'] },
	strike: { label: 'Strike or walkout', acled: ['Protests', 'Peaceful protest'] },
	vigil: { label: 'Vigil', acled: ['Protests', 'Peaceful protest'] },
	funeral: { label: 'Funeral or memorial', acled: ['Protests', 'Peaceful protest'] },
	repression: {
		label: 'Detentions or violence by authorities',
		acled: ['Protests', 'Excessive force against protesters']
	},
	death: { label: 'Death', acled: ['Violence against civilians', 'Attack'] },
	statement: { label: 'Political or diplomatic statement', acled: ['Strategic developments', 'Other'] },
	other: { label: 'Other', acled: ['Protests', 'Peaceful protest'] }
} as const satisfies Record<string, { label: string; acled: readonly [string, string] }>;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_IDS = Object.keys(EVENT_TYPES) as EventType[];

/** A count for every type, each 0: where counts per type start. */
export const noneOfEachType = (): Record<EventType, number> =>
	Object.fromEntries(EVENT_TYPE_IDS.map((t) => [t, 0])) as Record<EventType, number>;

/** Whose side an event is on; unset is unknown. */
export const STANCES = ['opposition', 'pro-government', 'authorities'] as const;

/**
 * The fields of an event that only its panel and exports read (schema.ts holds them to the event's
 * own fields, through Pick): its texts and sources. A large
 * published dataset keeps them in separate files, so that the map's first view does not grow
 * with the text.
 */
export const EVENT_DETAIL_FIELDS = [
	'title',
	'description',
	'actors',
	'sources',
	'detained',
	'killed',
	'sourceType',
	'origin'
] as const;
