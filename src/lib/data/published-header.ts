/**
 * The header of a published dataset, as zod checks it: what the importer writes and the validator
 * reads. The page's own, zod-free part is published-shape.ts, which takes its type from here.
 */
import { z } from './zod';
import { PUBLISHED_FORMAT } from './vocabulary';
import { IsoDate, LanguageTag, Slug } from './schema';

export const PublishedHeader = z.object({
	format: z.literal(PUBLISHED_FORMAT),
	version: z.union([z.literal(1), z.literal(2)]),
	slug: Slug,
	title: z.string().min(1),
	description: z.string().optional(),
	/** The language place names fall back to when the reader's is missing. */
	defaultLanguage: LanguageTag,
	/** The IANA time zone of events' local times. */
	timeZone: z.string().min(1),
	bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	dateRange: z.object({ from: IsoDate, to: IsoDate }),
	/** Who made the data and under what terms, shown with the map. */
	attribution: z.array(z.string().min(1)).default([]),
	/** How the file was made: the importer's counts, so a reader can see nothing was lost. */
	provenance: z
		.object({
			format: z.string(),
			file: z.string().optional(),
			rowsRead: z.number().int().nonnegative(),
			imported: z.number().int().nonnegative(),
			rejected: z.number().int().nonnegative()
		})
		.optional(),
	/** Present when the events' texts and sources are in `<slug>.details/<n>.json`. */
	details: z.object({ chunkSize: z.number().int().positive(), chunks: z.number().int().nonnegative() }).optional()
});
export type PublishedHeader = z.infer<typeof PublishedHeader>;
