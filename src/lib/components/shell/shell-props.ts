/** What the page gives a layout besides the controller: the datasets, the notices and the page's own acts. */
import type { ImportResult } from '$lib/data/import/run';
import type { DatasetIndex } from '$lib/data/published';
import type { QuotedMessage } from '$lib/i18n/quoted';
import type { AtlasController } from '$lib/state/atlas-controller.svelte';

export interface ShellProps {
	app: AtlasController;
	/** The published datasets, for the picker; undefined until fetched. */
	index?: DatasetIndex;
	/** The reader's own file is shown, not a published dataset. */
	localFile: boolean;
	/** A notice about the link or the data, e.g. a refused dataset. */
	notice?: QuotedMessage;
	ondismissnotice?: () => void;
	onimported?: (result: ImportResult) => void;
	onpickdataset?: (slug: string) => void;
}
