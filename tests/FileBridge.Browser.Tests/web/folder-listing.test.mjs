// Unit tests for the logic behind a folder's listing (no browser needed): node --test tests/FileBridge.Browser.Tests/web
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeEmpty } from '../../../src/FileBridge.Web/js/empty-state.js';
import { createFolderPages, LOAD_ALL_LIMIT } from '../../../src/FileBridge.Web/js/folder-pages.js';
import { describeSort, summarizeFolder } from '../../../src/FileBridge.Web/js/listing.js';
import { ApiError } from '../../../src/FileBridge.Web/js/api.js';
import { downloadFailure } from '../../../src/FileBridge.Web/js/messages.js';

const file = (key) => ({ key, name: key.split('/').pop(), size: 1, lastModified: '2025-01-01T00:00:00Z', previewable: false });

/** A listFiles stand-in serving `pageCount` pages of `perPage` files, recording every call it gets. */
function fakeListing(pageCount, perPage = 2) {
  const calls = [];
  const listFiles = async ({ prefix, cursor }, signal) => {
    calls.push({ prefix, cursor, signal });
    const index = cursor ? Number(cursor) : 0;
    const files = Array.from({ length: perPage }, (_, n) => file(`${prefix}f${index}-${n}`));
    return { prefix, folders: [], files, nextCursor: index + 1 < pageCount ? String(index + 1) : null };
  };
  return { listFiles, calls };
}

/** A listFiles stand-in whose answers arrive only when the test releases them. */
function heldListing() {
  const pending = [];
  const listFiles = ({ prefix, cursor }, signal) => new Promise((resolve) => pending.push({ prefix, cursor, signal, resolve }));
  return { listFiles, pending };
}

describe('createFolderPages', () => {
  it('loads the first page of the folder it points at', async () => {
    const { listFiles, calls } = fakeListing(3);
    const pages = createFolderPages(listFiles);
    pages.reset('logs/');

    assert.equal(await pages.first(), true);

    assert.deepEqual(calls.map((c) => [c.prefix, c.cursor]), [['logs/', null]]);
    assert.equal(pages.count, 2);
    assert.equal(pages.nextCursor, '1');
  });

  it('appends the next page, or with `all` every page, calling onPage after each', async () => {
    const { listFiles, calls } = fakeListing(4);
    const pages = createFolderPages(listFiles);
    pages.reset('');
    await pages.first();
    let rendered = 0;

    await pages.more({ onPage: () => { rendered += 1; } });
    assert.equal(pages.count, 4);
    await pages.more({ all: true, onPage: () => { rendered += 1; } });

    assert.equal(pages.count, 8);
    assert.equal(pages.nextCursor, null);
    assert.equal(rendered, 3);
    assert.deepEqual(calls.map((c) => c.cursor), [null, '1', '2', '3']);
  });

  it('stops loading all at the limit, leaving the rest to load later', async () => {
    const { listFiles } = fakeListing(100, 3);
    const pages = createFolderPages(listFiles, { loadAllLimit: 10 });
    pages.reset('');
    await pages.first();

    await pages.more({ all: true });

    assert.equal(pages.count, 12);
    assert.equal(pages.nextCursor, '4');
    assert.equal(LOAD_ALL_LIMIT, 10_000);
  });

  it('drops an answer that arrives after the folder changed, and aborts its request', async () => {
    const { listFiles, pending } = heldListing();
    const pages = createFolderPages(listFiles);
    pages.reset('old/');
    const first = pages.first();

    pages.reset('new/');
    const second = pages.first();
    pending[0].resolve({ folders: [], files: [file('old/a')], nextCursor: 'x' });
    pending[1].resolve({ folders: [], files: [file('new/b'), file('new/c')], nextCursor: null });

    assert.equal(await first, false);
    assert.equal(await second, true);
    assert.equal(pending[0].signal.aborted, true);
    assert.equal(pages.prefix, 'new/');
    assert.deepEqual(pages.loaded.files.map((f) => f.key), ['new/b', 'new/c']);
    assert.equal(pages.nextCursor, null);
  });

  it('drops a reload of the same folder that an even newer reload overtook', async () => {
    const { listFiles, pending } = heldListing();
    const pages = createFolderPages(listFiles);
    const stale = pages.reset('same/');
    const first = pages.first();

    const current = pages.reset('same/');
    pending[0].resolve({ folders: [], files: [file('same/a')], nextCursor: null });

    assert.equal(await first, false);
    assert.equal(pages.isCurrent(stale), false);
    assert.equal(pages.isCurrent(current), true);
    assert.equal(pages.count, 0);
  });

  it('keeps the pages loaded before a failure', async () => {
    let call = 0;
    const pages = createFolderPages(async () => {
      call += 1;
      if (call === 3) throw new ApiError({ status: 503, code: 'upstream_unavailable' });
      return { folders: [], files: [file(`p${call}`)], nextCursor: String(call) };
    });
    pages.reset('');
    await pages.first();

    await assert.rejects(pages.more({ all: true }), (error) => error.code === 'upstream_unavailable');

    assert.equal(pages.count, 2);
    assert.equal(pages.nextCursor, '2');
  });
});

describe('describeEmpty', () => {
  it('offers to clear a filter that matched nothing, and says when more pages could match', () => {
    const loadedAll = describeEmpty({ loaded: 3, filter: ' zz ', prefix: 'a/', more: false });
    const partly = describeEmpty({ loaded: 3, filter: 'zz', prefix: 'a/', more: true });

    assert.equal(loadedAll.title, 'Nothing here matches “zz”');
    assert.equal(loadedAll.detail, 'Try a shorter or different part of the name.');
    assert.equal(partly.detail, 'Only loaded items are searched; load more to search further.');
    assert.equal(loadedAll.clearFilter, true);
    assert.equal(loadedAll.goUp, null);
  });

  it('says plainly at an empty root that the account has no folders yet, and whom to ask', () => {
    const empty = describeEmpty({ loaded: 0, filter: '', prefix: '' });

    assert.equal(empty.title, "You don't have access to any files yet");
    assert.match(empty.detail, /administrator/);
    assert.equal(empty.clearFilter, false);
    assert.equal(empty.goUp, null);
  });

  it('offers the parent of an empty folder', () => {
    const empty = describeEmpty({ loaded: 0, prefix: 'demo/empty/' });

    assert.equal(empty.title, 'Nothing here');
    assert.deepEqual(empty.goUp, { name: 'demo', prefix: 'demo/' });
    assert.deepEqual(describeEmpty({ loaded: 0, prefix: 'demo/' }).goUp, { name: 'All files', prefix: '' });
  });
});

describe('listing words', () => {
  it('reads a sort out in words', () => {
    assert.equal(describeSort({ key: 'name', direction: 'descending' }), 'name, Z to A');
    assert.equal(describeSort({ key: 'size', direction: 'descending' }), 'size, largest first');
    assert.equal(describeSort({ key: 'modified', direction: 'ascending' }), 'date modified, oldest first');
    assert.equal(describeSort({ key: 'colour', direction: 'ascending' }), '');
  });

  it('summarizes what is loaded, counting matches only when filtered', () => {
    const loaded = { folders: [{ prefix: 'a/', name: 'alpha' }], files: [file('x/report.csv'), file('x/notes.txt')] };

    assert.equal(summarizeFolder({ loaded, filter: '' }, 'en'), '1 folder, 2 files');
    assert.equal(summarizeFolder({ loaded, filter: '  ' }, 'en'), '1 folder, 2 files');
    assert.equal(summarizeFolder({ loaded, filter: 'rep' }, 'en'), '1 of 3 items match');
    assert.equal(summarizeFolder({ loaded, filter: '', more: true }, 'en'), '1 folder, 2 files loaded · more available');
  });

  it('says why a download failed and whether retrying may help', () => {
    const gone = downloadFailure('a.txt', new ApiError({ status: 404, code: 'not_found' }));
    const busy = downloadFailure('a.txt', new ApiError({ status: 503, code: 'upstream_unavailable', retryAfter: 30 }));

    assert.equal(gone.text, "Couldn't download a.txt. That file no longer exists. It may have been moved or deleted. Reload the folder to see what is there now.");
    assert.equal(gone.retry, false);
    assert.equal(busy.retry, true);
    assert.match(busy.text, /try again in 30 seconds/);
  });
});
