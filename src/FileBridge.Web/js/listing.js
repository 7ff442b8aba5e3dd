// Ordering, filtering and counting of a folder's loaded entries. Pure: no DOM, no network.
import { countOf, formatCount } from './format.js';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export const SORT_KEYS = ['name', 'size', 'modified'];

const SORT_WORDS = {
  name: { ascending: 'name, A to Z', descending: 'name, Z to A' },
  size: { ascending: 'size, smallest first', descending: 'size, largest first' },
  modified: { ascending: 'date modified, oldest first', descending: 'date modified, newest first' },
};

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

/** How a sort is read out after a column header was clicked: "name, A to Z", "size, largest first". */
export function describeSort(sort) {
  return SORT_WORDS[sort.key]?.[sort.direction] ?? '';
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

/** A stable id for a row, unique across folders and files of one listing. */
export function entryId(entry) {
  return entry.key != null ? `f:${entry.key}` : `d:${entry.prefix}`;
}

/**
 * The line under the filter: "4 folders, 3 files", "200 files loaded · more available",
 * "1 of 7 items match". Zero counts are left out; `shown` is null when nothing is filtered.
 */
export function summarize({ folders, files, shown = null, more = false }, locale) {
  const total = folders + files;
  let text;
  if (shown != null) {
    text = `${formatCount(shown, locale)} of ${countOf(total, 'item', 'items', locale)} match`;
  } else if (total === 0) {
    text = 'No files or folders';
  } else {
    text = [
      folders > 0 && countOf(folders, 'folder', 'folders', locale),
      files > 0 && countOf(files, 'file', 'files', locale),
    ].filter(Boolean).join(', ');
    if (more) text += ' loaded';
  }
  return more ? `${text} · more available` : text;
}

/** The summary line for what is loaded of a folder; with a filter, how many of those match it. */
export function summarizeFolder({ loaded, filter = '', more = false }, locale) {
  let shown = null;
  if (filter.trim()) {
    const visible = filterEntries(loaded, filter);
    shown = visible.folders.length + visible.files.length;
  }
  return summarize({ folders: loaded.folders.length, files: loaded.files.length, shown, more }, locale);
}
