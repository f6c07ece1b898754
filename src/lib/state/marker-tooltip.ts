/** The words of a marker's hover tooltip: part of the view, in the reader's language, never in the map's style. */
import { ENGLISH, formatCount, formatDistance, type Language } from '$lib/format';

/** One line of plain text for the hover tooltip of a place, city or cluster marker, in the reader's language. */
export function markerTooltip(properties: Record<string, unknown>, lang: Language = ENGLISH): string {
	const count = Number(properties.count ?? 0);
	const name = String(properties.name ?? '');
	if (properties.proGovernment) return lang.t('tooltip.proGovernment', { name, count });
	const low = typeof properties.low === 'number' ? properties.low : undefined;
	const high = typeof properties.high === 'number' ? properties.high : undefined;
	const n = (v: number) => formatCount(v, lang.numbers);
	let people = lang.t('tooltip.unknown');
	if (properties.known && low !== undefined && high !== undefined) {
		const size = `${low === high ? n(low) : `${n(low)}–${n(high)}`}${properties.openEnded ? '+' : ''}`;
		people = lang.t('tooltip.people', { size });
	}
	if (properties.cluster) {
		const members = Number(properties.point_count ?? 0);
		const group =
			properties.groupOf === 'cities'
				? lang.t('tooltip.cityCluster', { count, cities: n(members) })
				: lang.t('tooltip.cluster', { count, places: n(members) });
		return `${group} · ${people} · ${lang.t('tooltip.zoomIn')}`;
	}
	const radius = Number(properties.radiusM ?? 0);
	const where = radius > 0 ? ` · ${lang.t('tooltip.where', { distance: formatDistance(radius) })}` : '';
	return `${lang.t('tooltip.place', { name, count })} · ${people}${where}`;
}
