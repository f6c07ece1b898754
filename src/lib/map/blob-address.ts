/**
 * How the map names a JSON blob written by the view's worker, so that MapLibre's own workers read
 * it (static/map-protocol.mjs registers the scheme there) rather than the page's main thread.
 */
export const BLOB_SCHEME = 'atlas-blob';
/** The protocol script, served from the site's root. */
export const BLOB_PROTOCOL_SCRIPT = '/map-protocol.mjs';

/** A source's data as MapLibre takes it: a blob address through the scheme, anything else as it is. */
export function mapData<T>(data: T | string): T | string {
	return typeof data === 'string' && data.startsWith('blob:') ? `${BLOB_SCHEME}://${encodeURIComponent(data)}` : data;
}
