// The listing's table: its rows in the order and filter chosen, the sort state of its column headers, and
// relative times ("5 minutes ago") kept fresh while the page stays open.
import { byId, toggle } from './dom.js';
import { fileRow, folderRow } from './file-rows.js';
import { findDownloadLink } from './download-check.js';
import { formatDate } from './format.js';

const RELATIVE_TIME_REFRESH = 60_000;

export function createListingTable({ locale, isShown, onSortColumn }) {
  const dom = {
    wrap: byId('listing-wrap'),
    table: byId('listing'),
    body: byId('listing-body'),
  };

  dom.table.querySelector('thead').addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('.sort-button') : null;
    if (button) onSortColumn(button.closest('th').dataset.sort);
  });

  setInterval(() => {
    if (document.hidden || !isShown()) return;
    const now = new Date();
    for (const time of dom.body.querySelectorAll('time[data-relative]')) {
      time.textContent = formatDate(time.dateTime, now, locale);
    }
  }, RELATIVE_TIME_REFRESH);

  return {
    rows: dom.body,
    /** Shows `visible` (already sorted and filtered) of `loaded` entries; hides the table when it would be empty. */
    show(visible, sort, loaded) {
      for (const th of dom.table.querySelectorAll('th[data-sort]')) {
        th.setAttribute('aria-sort', th.dataset.sort === sort.key ? sort.direction : 'none');
      }
      const now = new Date();
      const rows = document.createDocumentFragment();
      for (const folder of visible.folders) rows.append(folderRow(folder));
      for (const file of visible.files) rows.append(fileRow(file, now, locale));
      dom.body.replaceChildren(rows);
      const shown = visible.folders.length + visible.files.length;
      toggle(dom.wrap, shown > 0);
      dom.table.dataset.loaded = String(loaded);
      dom.table.dataset.shown = String(shown);
    },
    hide() {
      toggle(dom.wrap, false);
    },
    clear() {
      dom.body.replaceChildren();
    },
    downloadLink: (key) => findDownloadLink(dom.body, key),
    /** The link of the first row, in the order shown, whose id is not in `before`; null when there is none. */
    firstLinkNotIn(before) {
      const row = [...dom.body.rows].find((tr) => !before.has(tr.dataset.id));
      return row?.querySelector('a.entry') ?? null;
    },
  };
}
