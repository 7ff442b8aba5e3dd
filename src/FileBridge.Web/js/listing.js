// Ordering and filtering of a folder's loaded entries. Pure: no DOM, no network.

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const SORT_KEYS = ['name', 'size', 'modified'];

export function defaultSort() {
  return { key: 'name', direction: 'ascending' };
}

/** Clicking a column: a new column starts ascending (name) or descending (size, date); the same one flips. */
export function nextSort(current, key) {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}

function time(value) {
  const t = Date.parse(value);
  return Number.isNaN(t) ? 0 : t;
}

const FILE_ORDER = {
  name: () => 0,
  size: (a, b) => (Number(a.size) || 0) - (Number(b.size) || 0),
  modified: (a, b) => time(a.lastModified) - time(b.lastModified),
};

/**
 * Folders first, then files. Folders have neither size nor date, so they follow the name order
 * (in the chosen direction when sorting by name, A→Z otherwise). Ties fall back to the name.
 */
export function sortEntries({ folders, files }, sort) {
  const sign = sort.direction === 'descending' ? -1 : 1;
  const byName = (a, b) => collator.compare(a.name, b.name);
  const folderSign = sort.key === 'name' ? sign : 1;
  const order = FILE_ORDER[sort.key] ?? FILE_ORDER.name;
  return {
    folders: [...folders].sort((a, b) => folderSign * byName(a, b)),
    files: [...files].sort((a, b) => {
      const primary = order(a, b);
      return primary !== 0 ? sign * primary : sign * byName(a, b);
    }),
  };
}

/** Keeps entries whose name contains the text, ignoring case and accents. */
export function filterEntries({ folders, files }, text) {
  const needle = normalize(text);
  if (!needle) return { folders, files };
  const match = (entry) => normalize(entry.name).includes(needle);
  return { folders: folders.filter(match), files: files.filter(match) };
}

function normalize(text) {
  return String(text ?? '')
    .trim()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();
}

/** Adds a further page to what is loaded, skipping anything already there. */
export function appendPage(loaded, page) {
  const folderSeen = new Set(loaded.folders.map((f) => f.prefix));
  const fileSeen = new Set(loaded.files.map((f) => f.key));
  return {
    folders: [...loaded.folders, ...(page.folders ?? []).filter((f) => !folderSeen.has(f.prefix))],
    files: [...loaded.files, ...(page.files ?? []).filter((f) => !fileSeen.has(f.key))],
  };
}
