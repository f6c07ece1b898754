/**
 * zod, set in the browser never to compile parsers with `new Function`: the page's CSP forbids
 * eval, and zod's probe for it would report a violation on the first parse. The command line
 * keeps zod's compiled parsers. Every schema imports zod from here.
 */
import { z } from 'zod';

const inNode =
	typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
z.config({ jitless: !inNode });

export { z };
