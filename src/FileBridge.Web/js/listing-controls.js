// The toolbar above the listing: the filter, the sort menu (narrow screens have no column headers to click) and
// the summary line that describes the filter field.
import { byId, toggle } from './dom.js';

export function createListingControls({ onFilter, onSort }) {
  const dom = {
    toolbar: byId('toolbar'),
    filter: byId('filter'),
    sort: byId('sort'),
    summary: byId('list-summary'),
  };

  dom.filter.addEventListener('input', onFilter);
  dom.filter.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && dom.filter.value) {
      dom.filter.value = '';
      onFilter();
    }
  });
  // A select announces its own choice, so the listing says nothing more.
  dom.sort.addEventListener('change', () => {
    const [key, direction] = dom.sort.value.split(':');
    onSort({ key, direction });
  });

  return {
    get filter() {
      return dom.filter.value;
    },
    clearFilter() {
      dom.filter.value = '';
    },
    focusFilter() {
      dom.filter.focus();
    },
    showSort(sort) {
      dom.sort.value = `${sort.key}:${sort.direction}`;
    },
    showSummary(text) {
      dom.summary.textContent = text;
    },
    toggle(visible) {
      toggle(dom.toolbar, visible);
    },
  };
}
