import type { IControl, Map as MaplibreMap, PaddingOptions } from 'maplibre-gl';

/** A map button that flies back to the dataset's home extent (for Belarus, all of the country). */
export class ResetViewControl implements IControl {
	#container: HTMLElement | undefined;
	/** `home` is asked at each click: the home view depends on the dataset and the map's size. */
	constructor(
		private readonly home: () => { bounds: [number, number, number, number]; padding: PaddingOptions | number },
		private label: string
	) {}

	/** Names the button anew, e.g. in the language the reader switched to. */
	relabel(label: string): void {
		this.label = label;
		const button = this.#container?.querySelector('button');
		button?.setAttribute('title', label);
		button?.setAttribute('aria-label', label);
	}

	onAdd(map: MaplibreMap): HTMLElement {
		const container = document.createElement('div');
		container.className = 'maplibregl-ctrl maplibregl-ctrl-group';
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'reset-view-button';
		button.title = this.label;
		button.setAttribute('aria-label', this.label);
		button.innerHTML =
			'<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true"><path d="M4 8V4h4M16 8V4h-4M4 12v4h4M16 12v4h-4" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>';
		button.addEventListener('click', () => {
			const { bounds, padding } = this.home();
			map.fitBounds(bounds, { padding });
		});
		container.append(button);
		this.#container = container;
		return container;
	}

	onRemove(): void {
		this.#container?.remove();
	}
}
