import { expect, type Page } from '@playwright/test';

/** Resolves once the map has drawn everything it has been asked to draw. */
export async function waitForMapIdle(page: Page): Promise<void> {
	await page.waitForFunction(
		() => {
			const map = window.protestAtlas?.map;
			return Boolean(map && map.loaded() && map.areTilesLoaded() && !map.isMoving());
		},
		null,
		{ timeout: 60_000 }
	);
}

/** Layer ids of the features the map has actually rendered in the viewport. */
export async function renderedLayers(page: Page, layers: string[]): Promise<Record<string, number>> {
	return page.evaluate((ids) => {
		const map = window.protestAtlas!.map;
		const counts: Record<string, number> = {};
		for (const id of ids) counts[id] = map.queryRenderedFeatures({ layers: [id] }).length;
		return counts;
	}, layers);
}

/** Records the host of every request the page makes, to prove nothing leaves its origin. */
export function recordHosts(page: Page): Set<string> {
	const hosts = new Set<string>();
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:')
			hosts.add(url.host);
	});
	return hosts;
}

export async function expectOnlyOwnOrigin(page: Page, hosts: Set<string>): Promise<void> {
	const own = new URL(page.url()).host;
	expect([...hosts].filter((host) => host !== own)).toEqual([]);
	expect(hosts.has(own)).toBe(true);
}

/** Saves a screenshot as a test artefact under tests/artifacts/. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `tests/artifacts/${name}.png` });
}
