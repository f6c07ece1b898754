// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	interface ImportMetaEnv {
		/** Opt-in online basemap: any MapLibre style URL. Unset means the offline basemap. */
		readonly PUBLIC_BASEMAP_STYLE_URL?: string;
	}
}

export {};
