/** Items by their id, for lookups that are rebuilt whole and never changed in place. */
export function indexById<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
	return new Map(items.map((item) => [item.id, item]));
}
