// "Load more" and "Load all" below the listing: shown while further pages exist, busy while they load.
import { byId, setBusy, toggle } from './dom.js';

export function createMoreButtons({ onMore }) {
  const dom = { box: byId('more'), more: byId('load-more'), all: byId('load-all') };

  dom.more.addEventListener('click', () => onMore(false));
  dom.all.addEventListener('click', () => onMore(true));

  return {
    get shown() {
      return !dom.box.hidden;
    },
    toggle(visible) {
      toggle(dom.box, visible);
    },
    /** The pressed button says "Loading…"; both stay focusable (aria-disabled, see setBusy). */
    busy(all) {
      setBusy(dom.more, true, all ? null : 'Loading…');
      setBusy(dom.all, true, all ? 'Loading…' : null);
    },
    idle() {
      setBusy(dom.more, false);
      setBusy(dom.all, false);
    },
    focus() {
      dom.more.focus();
    },
  };
}
