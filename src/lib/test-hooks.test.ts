import { afterEach, describe, expect, it, vi } from 'vitest';

async function hooksWith(flag: string | undefined) {
	vi.resetModules();
	vi.stubEnv('VITE_TEST_HOOKS', flag);
	return (await import('./test-hooks')).testHooks;
}

describe('test hooks', () => {
	afterEach(() => void vi.unstubAllEnvs());

	it('are on only when VITE_TEST_HOOKS is exactly 1', async () => {
		expect(await hooksWith('1')).toBe(true);
		for (const flag of ['0', '', 'true', 'yes', ' 1', undefined]) expect(await hooksWith(flag)).toBe(false);
	});
});
