import { defineConfig } from '@playwright/test';

const port = 4173;

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	timeout: 90_000,
	expect: { timeout: 20_000 },
	// Software WebGL is heavy: one browser at a time keeps the two-core machines responsive.
	workers: 1,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		browserName: 'chromium',
		viewport: { width: 1280, height: 800 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader'
			]
		}
	},
	webServer: {
		command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
