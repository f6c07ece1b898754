import { describe, expect, it } from 'vitest';
import { oversized } from '../scripts/check-sizes.mjs';

const lines = (n: number) => 'x\n'.repeat(n);

describe('the size rule', () => {
	it('holds components to 300 lines and modules to 450', () => {
		expect(
			oversized([
				{ file: 'src/lib/components/Small.svelte', text: lines(300) },
				{ file: 'src/lib/components/Big.svelte', text: lines(301) },
				{ file: 'src/lib/data/ok.ts', text: lines(450) },
				{ file: 'src/lib/data/long.ts', text: lines(451) }
			])
		).toEqual(['src/lib/components/Big.svelte: 301 lines (limit 300)', 'src/lib/data/long.ts: 451 lines (limit 450)']);
	});

	it('leaves the language catalogues and tests aside', () => {
		expect(
			oversized([
				{ file: 'src/lib/i18n/be.ts', text: lines(900) },
				{ file: 'src/lib/data/long.test.ts', text: lines(900) },
				{ file: 'src/lib/state/x.test.svelte.ts', text: lines(900) }
			])
		).toEqual([]);
	});
});
