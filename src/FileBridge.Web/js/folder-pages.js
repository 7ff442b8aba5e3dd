// A folder's entries as they arrive page by page: what is loaded, where the next page starts, and which answer is
// still wanted. No DOM: `listFiles` is the API call (api.listFiles), passed in so that tests can give their own.
import { appendPage } from './listing.js';

/** "Load all" stops here: a browser table of more rows than this helps nobody and costs memory. */
export const LOAD_ALL_LIMIT = 10_000;

const NOTHING = Object.freeze({ folders: [], files: [] });

export function createFolderPages(listFiles, { loadAllLimit = LOAD_ALL_LIMIT } = {}) {
  let prefix = null;
  let loaded = NOTHING;
  let nextCursor = null;
  let controller = null;
  // Bumped by every reset: an answer that arrives for an older one is dropped, even for the same prefix.
  let ticket = 0;

  const count = () => loaded.folders.length + loaded.files.length;

  /** One page; a request still running is aborted, since only the newest answer is wanted. */
  async function fetchPage(cursor) {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    try {
      return await listFiles({ prefix, cursor }, own.signal);
    } finally {
      if (controller === own) controller = null;
    }
  }

  function apply(page) {
    loaded = appendPage(loaded, page);
    nextCursor = page.nextCursor || null;
  }

  return {
    get prefix() { return prefix; },
    get loaded() { return loaded; },
    get nextCursor() { return nextCursor; },
    get count() { return count(); },
    get ticket() { return ticket; },

    /** True while nothing has reset the pages since `ticket` was read. */
    isCurrent: (seen) => seen === ticket,

    /** Forgets what was loaded and points at `prefix` (null: no folder); answers still on their way are dropped. */
    reset(newPrefix = null) {
      controller?.abort();
      controller = null;
      ticket += 1;
      prefix = newPrefix;
      loaded = NOTHING;
      nextCursor = null;
      return ticket;
    },

    /** Loads the first page. False when the pages were reset while it loaded (its answer is dropped). */
    async first() {
      const seen = ticket;
      const page = await fetchPage(null);
      if (seen !== ticket) return false;
      apply(page);
      return true;
    },

    /**
     * Loads the next page, or with `all` every page until none is left or `loadAllLimit` entries are loaded,
     * calling `onPage` after each. False when the pages were reset meanwhile; pages loaded before a failure stay.
     */
    async more({ all = false, onPage = () => {} } = {}) {
      const seen = ticket;
      do {
        const page = await fetchPage(nextCursor);
        if (seen !== ticket) return false;
        apply(page);
        onPage();
      } while (all && nextCursor && count() < loadAllLimit);
      return true;
    },
  };
}
