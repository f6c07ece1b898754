import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../src/lib/data/geocoder';
import { readDataset, readGazetteer } from '../src/lib/data/load';
import { validateFiles } from '../src/lib/data/validate-files';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
function load() {
	const gazetteer = readGazetteer(read('geo/places.geojson'), 'geo/places.geojson');
	const dataset = readDataset(
		read('geo/belarus-2020-08.events.json'),
		'geo/belarus-2020-08.events.json',
		gazetteer.places
	);
	return { gazetteer, dataset };
}

/**
 * The source article is not ours to ship. It is read from PROTEST_ATLAS_ARTICLE, or from the
 * project's shared folder beside the clone; a clone without either skips the one test that needs it.
 */
const ARTICLE_PATH = [process.env.PROTEST_ATLAS_ARTICLE, '../shared/seeds/000_053d913639caff9d.txt'].find(
	(file): file is string => Boolean(file) && existsSync(file!)
);

/** Sentences of the France 24 / AFP article of 15 August 2020 that report events. */
const ARTICLE_SENTENCES = [
	'Calls for large peaceful rallies were launched for the weekend of August 15, despite brutal repression by the police.',
	'The call comes from the main opposition candidate for the presidential election, Svetlana Tikhanovskaïa, who has been a refugee in Lithuania for four days.',
	'In Minsk, the Belarusian capital, protesters also called for a meeting on Saturday on the sidelines of the funeral of a protester.',
	'A rally is scheduled for 12 p.m. near the Pushkin metro station, near which this protester was killed on Monday.',
	'Police say he was killed when a projectile he was about to launch exploded, but opposition media claim he could have been hit by law enforcement fire.',
	'In response to the violence, the European Union agreed on Friday to sanctions against Belarusian officials linked to repression or electoral fraud.',
	'Sanctions that intervene while the mobilization has spread with human chains against violence and fraud, while iconic factory workers have launched solidarity actions and walkouts.',
	'On Friday evening, thousands of people gathered in front of the seat of government, laying flowers at the feet of the young conscripts deployed there.',
	'Other gatherings took place in several cities.',
	'Unlike the demonstrations at the start of the week, which were violently repressed, the actions on Thursday and Friday went smoothly.',
	'The authorities have also announced the release of more than 2,000 of the 6,700 people arrested during the protests.',
	'Belarusian President Alexander Lukashenko said on Saturday that he wanted to meet with his Russian counterpart Vladimir Putin.',
	'Friday, Alexander Lukashenko had called for a "certain restraint" against the protesters, whom he had previously qualified as "sheep" to whom it was necessary "to put the brain in place".',
	'Accusing the regime of "massacre", Svetlana Tikhanovskaïa, who claims victory in the presidential election of August 9, for her part announced the creation of a committee to organize the transfer of power and called for a dialogue with the authorities.'
];

describe('the Belarus 9–16 August 2020 dataset', () => {
	it('validates with no problem', () => {
		const report = validateFiles(['geo/places.geojson', 'geo/belarus-2020-08.events.json'], (f) =>
			readFileSync(f, 'utf8')
		);
		expect(report.lines).toEqual([]);
		expect(report.records).toBeGreaterThan(100);
	});

	it('holds at least 40 events across at least 12 cities', () => {
		const { gazetteer, dataset } = load();
		const cityOf = new Map(gazetteer.places.map((p) => [p.id, p.properties.city]));
		const cities = new Set(dataset.events.map((e) => cityOf.get(e.place)).filter((c) => c !== 'belarus'));
		expect(dataset.events.length).toBeGreaterThanOrEqual(40);
		expect(cities.size).toBeGreaterThanOrEqual(12);
	});

	it.each(ARTICLE_SENTENCES)('quotes the article sentence exactly: %s', (sentence) => {
		const quotes = load().dataset.events.flatMap((e) =>
			e.sources.filter((s) => s.publisher.startsWith('France 24') && s.quoteKind === 'verbatim').map((s) => s.quote)
		);
		expect(quotes).toContain(sentence);
	});

	it.skipIf(!ARTICLE_PATH)(
		`every verbatim quote credited to France 24 appears word for word in the stored article${ARTICLE_PATH ? '' : ' (skipped: set PROTEST_ATLAS_ARTICLE to the article’s text file)'}`,
		() => {
			const article = readFileSync(ARTICLE_PATH!, 'utf8');
			const quotes = load().dataset.events.flatMap((e) =>
				e.sources.filter((s) => s.publisher.startsWith('France 24') && s.quoteKind === 'verbatim').map((s) => s.quote!)
			);
			expect(quotes.length).toBeGreaterThanOrEqual(ARTICLE_SENTENCES.length);
			expect(quotes.filter((quote) => !article.includes(quote))).toEqual([]);
		}
	);

	it('every number an event shows appears in one of its quotes, comes from its words by a convention, or is marked as research notes', () => {
		const written = (n: number) => [String(n), n.toLocaleString('en-GB'), n.toLocaleString('en-GB').replace(/,/g, ' ')];
		const unsupported: string[] = [];
		for (const event of load().dataset.events) {
			const quotes = event.sources.map((s) => s.quote ?? '').join(' \n ');
			for (const field of ['crowd', 'detained', 'killed'] as const) {
				const range = event[field];
				if (!range || range.basis === 'notes') continue;
				if (range.convention) {
					if (!quotes.toLowerCase().includes(range.text!.toLowerCase()))
						unsupported.push(`${event.id} ${field}: the words "${range.text}" are in no quote`);
					continue;
				}
				for (const n of [range.low, range.high])
					if (n !== undefined && !written(n).some((form) => quotes.includes(form)))
						unsupported.push(`${event.id} ${field}: ${n} is in no quote`);
			}
		}
		expect(unsupported).toEqual([]);
	});

	it('gives every gathering a side, and the government-organised rally its own', () => {
		const events = load().dataset.events;
		expect(events.find((e) => e.id === '2020-08-16-pro-lukashenko-rally')?.stance).toBe('pro-government');
		expect(events.filter((e) => e.type === 'repression').every((e) => e.stance === 'authorities')).toBe(true);
	});

	it('gives the 16 August march in Minsk the sourced range 100,000–400,000', () => {
		const march = load().dataset.events.find((e) => e.id === '2020-08-16-march-for-freedom');
		expect(march?.crowd).toMatchObject({ low: 100000, high: 400000 });
	});

	it('records factory actions by day at MTZ, MAZ, BelAZ and Grodno Azot', () => {
		const strikes = load().dataset.events.filter((e) => e.type === 'strike');
		for (const place of ['mtz', 'maz', 'belaz', 'grodno-azot']) {
			expect(strikes.filter((e) => e.place === place).map((e) => e.when.start)).toEqual(
				['2020-08-13', '2020-08-14'].map((d) => expect.stringContaining(d))
			);
		}
	});

	it('has at least one source with a quote for every event, and only web links', () => {
		for (const event of load().dataset.events) {
			expect(event.sources.length).toBeGreaterThan(0);
			for (const source of event.sources) {
				expect(source.quote?.length ?? 0).toBeGreaterThan(0);
				if (source.url) expect(source.url).toMatch(/^https?:\/\//);
			}
		}
	});

	it('has a gazetteer with the 18 Belarusian towns of the reference and the places abroad', () => {
		const ids = new Set(load().gazetteer.places.map((p) => p.id));
		const towns = [
			'minsk',
			'brest',
			'grodno',
			'gomel',
			'mogilev',
			'vitebsk',
			'baranovichi',
			'bobruisk',
			'pinsk',
			'lida',
			'soligorsk',
			'zhodino',
			'molodechno',
			'borisov',
			'novopolotsk',
			'polotsk',
			'orsha',
			'mozyr'
		];
		const stations = [
			'pushkinskaya',
			'nemiga',
			'sportivnaya',
			'kastrychnitskaya',
			'kupalauskaja',
			'frunzienskaja',
			'maladziozhnaja',
			'traktarny-zavod',
			'autazavodskaja',
			'mahiliouskaja',
			'ploshcha-lenina',
			'ploshcha-pieramohi'
		];
		for (const id of [...towns, ...stations, 'vilnius', 'brussels', 'moscow']) expect(ids).toContain(id);
	});

	it('resolves the article’s place phrases through the geocoder', () => {
		const geocoder = createGeocoder(load().gazetteer.places);
		const resolved = (text: string) => {
			const r = geocoder.geocode(text);
			return r.status === 'match' ? r.place.id : r.status;
		};
		expect(resolved('near the Pushkin metro station')).toBe('pushkinskaya');
		expect(resolved('the seat of government')).toBe('house-of-government');
		expect(resolved('in Minsk')).toBe('minsk');
		expect(resolved('in Lithuania')).toBe('unknown');
		expect(resolved('Дом правительства')).toBe('house-of-government');
		expect(resolved('Дом урада')).toBe('house-of-government');
		expect(resolved('Grodno Azot')).toBe('grodno-azot');
	});
});
