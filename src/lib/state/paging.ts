/** How many events a panel shows at first, and adds on each "Show more": a city may have thousands. */
export const EVENTS_PER_PAGE = 50;

/** The first `limit` items of day groups, keeping the groups they belong to, and how many are left. */
export function firstOfGroups<G extends { events: readonly E[] }, E>(
	groups: readonly G[],
	limit: number
): { groups: G[]; hidden: number } {
	const shown: G[] = [];
	let left = limit;
	let hidden = 0;
	for (const group of groups) {
		if (left <= 0) hidden += group.events.length;
		else if (group.events.length <= left) {
			shown.push(group);
			left -= group.events.length;
		} else {
			shown.push({ ...group, events: group.events.slice(0, left) });
			hidden += group.events.length - left;
			left = 0;
		}
	}
	return { groups: shown, hidden };
}
