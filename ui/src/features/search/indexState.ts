// Whether the search index is being rebuilt (a library opened with an index
// to rebuild: the rebuild runs in the background), shared by the status line
// under the header and the search dialog, which says its results may be
// incomplete meanwhile.
import type { IndexStatus } from "../../ipc";
import { signalLike } from "../../i18n/signal";

export const indexState = signalLike<IndexStatus>({ rebuilding: false, done: 0, total: 0 });
