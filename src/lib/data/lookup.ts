/** Items by their id, for lookups that are rebuilt whole and never changed in place. */
export function indexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
	return new Map(items.map((item) => [item.id, item]));
}

/** Items grouped by a key, each group in the items' order, the groups in the order their keys first came. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
	const groups = new Map<K, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}

const indexes = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();

/** The same index, made once per array: for arrays that are never changed in place, asked for on every step. */
export function cachedIndexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
	let index = indexes.get(items);
	if (!index) indexes.set(items, (index = indexById(items)));
	return index as ReadonlyMap<string, T>;
}
