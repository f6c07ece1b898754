/**
 * Browser tests and benchmarks read the map and the view's answers from `window.protestAtlas`.
 * Only a build made with VITE_TEST_HOOKS=1 has them; any other value, or none, leaves them out.
 */
export const testHooks = import.meta.env.VITE_TEST_HOOKS === '1';

/** Adds to what the tests read on `window.protestAtlas`; in any other build, nothing. */
export function exposeForTests(hooks: object): void {
	if (testHooks) Object.assign(((window as unknown as { protestAtlas?: object }).protestAtlas ??= {}), hooks);
}
