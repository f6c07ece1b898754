// What every baseline page shares: the points file named in the link, and the steps the benchmark
// times (hide one type; move a one-week window by a day), applied the page's own way.
export const params = new URLSearchParams(location.search);

/** Features of the page's points file, fetched in full as a plain web map would. */
export async function loadPoints() {
	const response = await fetch(params.get('points'));
	return (await response.json()).features;
}

/** The events the benchmark's steps keep: not of `hiddenType`, and within [from, to]. */
export function keep(features, { hiddenType, from, to }) {
	return features.filter(
		(f) =>
			f.properties.type !== hiddenType &&
			(!from || f.properties.day >= from) &&
			(!to || f.properties.day <= to)
	);
}
