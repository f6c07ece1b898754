import path from 'node:path';

/** The folder the browser tests' build goes to (BUILD_DIR in `npm run test:e2e`), never build/. */
export const TEST_BUILD_DIR = path.resolve('.build-test');
