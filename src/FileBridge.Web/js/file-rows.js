// The rows of a folder listing and the View link that search results share. Builds elements; keeps no state.
import * as api from './api.js';
import { el } from './dom.js';
import { formatDate, formatDateTime, formatFullDate, formatSize } from './format.js';
import { entryId } from './listing.js';
import { pathForPrefix } from './router.js';

/**
 * "View" for a file the server says it serves inline (`previewable`, README.md "Preview"), else nothing. It opens
 * beside the page, never replacing it.
 */
export function viewLink(file, name, className) {
  if (file.previewable !== true) return null;
  return el('a', {
    href: api.downloadUrl(file.key, 'inline'),
    target: '_blank',
    rel: 'noopener noreferrer',
    class: className,
    'aria-label': `View ${name} (opens in a new tab)`,
  }, 'View');
}

// The link's ::after covers the whole row (see .entry in app.css), so the row is one click target
// while keyboard focus stays on the link.
export function folderRow(folder) {
  return el('tr', { class: 'row-folder', dataset: { id: entryId(folder) } },
    el('th', { scope: 'row', class: 'col-name' },
      el('a', { href: pathForPrefix(folder.prefix), 'data-nav': true, class: 'entry', 'aria-label': `${folder.name}, folder` },
        el('span', { class: 'icon icon-folder', 'aria-hidden': 'true' }),
        el('span', { class: 'entry-name' }, folder.name))),
    el('td', { class: 'col-size' }, el('span', { class: 'muted', 'aria-hidden': 'true' }, '—')),
    el('td', { class: 'col-modified' }, el('span', { class: 'muted', 'aria-hidden': 'true' }, '—')));
}

export function fileRow(file, now, locale) {
  const size = formatSize(file.size, locale);
  const full = formatFullDate(file.lastModified, locale);
  return el('tr', { class: 'row-file', dataset: { id: entryId(file) } },
    el('th', { scope: 'row', class: 'col-name' },
      el('a', {
        href: api.downloadUrl(file.key),
        download: file.name.split('/').pop() || true,
        class: 'entry',
        title: `Download ${file.name}`,
        'aria-label': `${file.name}, download`,
        dataset: { key: file.key },
      },
      el('span', { class: 'icon icon-file', 'aria-hidden': 'true' }),
      el('span', { class: 'entry-name' }, file.name),
      // The space keeps the visible text ("name Download") the same words as the label (WCAG 2.5.3).
      ' ',
      // A visible cue that the name downloads; screen readers already hear it in the label.
      el('span', { class: 'entry-action', 'aria-hidden': 'true' }, 'Download')),
      viewLink(file, file.name, 'entry-view'),
      // Narrow screens hide the Size and Modified columns; this line carries them instead.
      el('span', { class: 'entry-meta' }, [size, formatDateTime(file.lastModified, locale)].filter(Boolean).join(' · '))),
    el('td', { class: 'col-size', 'data-bytes': file.size }, size),
    el('td', { class: 'col-modified' },
      el('time', { datetime: file.lastModified, title: full, 'data-relative': true },
        formatDate(file.lastModified, now, locale)),
      // The tooltip reaches mouse users only; screen readers get the exact time here.
      full && el('span', { class: 'visually-hidden' }, ` (${full})`)));
}
