// Unit tests for the web app's pure modules (no browser needed): node --test tests/FileBridge.Browser.Tests/web
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ApiError, downloadUrl } from '../../../src/FileBridge.Web/js/api.js';
import { countOf, formatDate, formatDateTime, formatFullDate, formatSize, formatWait, parseRetryAfter } from '../../../src/FileBridge.Web/js/format.js';
import { appendPage, entryId, filterEntries, nextSort, sortEntries, summarize } from '../../../src/FileBridge.Web/js/listing.js';
import { browseMessage, signInMessage } from '../../../src/FileBridge.Web/js/messages.js';
import { pathForPrefix, prefixForLocation, queryForLocation, trail } from '../../../src/FileBridge.Web/js/router.js';

const at = (path) => ({ href: `http://127.0.0.1:7071${path}` });

describe('formatSize', () => {
  it('uses bytes below one kilobyte and one decimal above', () => {
    assert.equal(formatSize(0, 'en-US'), '0 bytes');
    assert.equal(formatSize(1, 'en-US'), '1 byte');
    assert.equal(formatSize(1023, 'en-US'), '1,023 bytes');
    assert.equal(formatSize(1024, 'en-US'), '1.0 KB');
    assert.equal(formatSize(1536, 'en-US'), '1.5 KB');
    assert.equal(formatSize(5 * 1024 * 1024, 'en-US'), '5.0 MB');
    assert.equal(formatSize(1024 * 1024 - 1, 'en-US'), '1.0 MB');
    assert.equal(formatSize(3 * 1024 ** 3, 'en-US'), '3.0 GB');
  });

  it('returns nothing for values that are not sizes', () => {
    assert.equal(formatSize(-1), '');
    assert.equal(formatSize('abc'), '');
  });
});

describe('formatDate', () => {
  const now = new Date('2025-06-15T12:00:00Z');

  it('is relative within the last week', () => {
    assert.equal(formatDate('2025-06-15T11:59:50Z', now, 'en-US'), 'just now');
    assert.equal(formatDate('2025-06-15T11:55:00Z', now, 'en-US'), '5 minutes ago');
    assert.equal(formatDate('2025-06-15T09:00:00Z', now, 'en-US'), '3 hours ago');
    assert.equal(formatDate('2025-06-13T12:00:00Z', now, 'en-US'), '2 days ago');
  });

  it('is a calendar date further back, and empty for garbage', () => {
    assert.match(formatDate('2024-01-02T00:00:00Z', now, 'en-US'), /2024/);
    assert.equal(formatDate('not a date', now), '');
  });

  it("speaks the page's language, whatever the runtime's default", () => {
    assert.equal(formatDate('2025-06-15T11:55:00Z', now, 'en'), '5 minutes ago');
    assert.equal(formatDate('2025-06-15T11:55:00Z', now, 'de'), 'vor 5 Minuten');
  });

  it('gives the absolute time in a short and a full form', () => {
    assert.match(formatDateTime('2024-03-12T09:30:00Z', 'en'), /Mar 12, 2024/);
    assert.match(formatFullDate('2024-03-12T09:30:00Z', 'en'), /^Tuesday, March 12, 2024/);
    assert.equal(formatDateTime('garbage', 'en'), '');
    assert.equal(formatFullDate(undefined, 'en'), '');
  });
});

describe('countOf', () => {
  it('pairs a formatted count with the right noun', () => {
    assert.equal(countOf(1, 'file', 'files', 'en'), '1 file');
    assert.equal(countOf(0, 'file', 'files', 'en'), '0 files');
    assert.equal(countOf(1200, 'file', 'files', 'en'), '1,200 files');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('120'), 120);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 30);
    assert.equal(parseRetryAfter(null), null);
    assert.equal(parseRetryAfter('soon'), null);
  });

  it('says the wait in words, rounding up', () => {
    assert.equal(formatWait(2), 'a few seconds');
    assert.equal(formatWait(30), '30 seconds');
    assert.equal(formatWait(61), '2 minutes');
    assert.equal(formatWait(300), '5 minutes');
    assert.equal(formatWait(3600), '1 hour');
    assert.equal(formatWait(5400), '1 hour and 30 minutes');
  });
});

describe('router', () => {
  it('round-trips folder prefixes through addresses', () => {
    for (const prefix of ['', 'projects/', 'projects/alpha/specs/', 'a b/ü#?%/', 'v1.2/']) {
      assert.equal(prefixForLocation(at(pathForPrefix(prefix))), prefix, prefix);
    }
  });

  it('uses readable paths, and a query for names a path cannot carry', () => {
    assert.equal(pathForPrefix(''), '/');
    assert.equal(pathForPrefix('projects/alpha/'), '/browse/projects/alpha/');
    assert.equal(pathForPrefix('a b/'), '/browse/a%20b/');
    assert.equal(pathForPrefix('x/../'), '/browse/?prefix=x%2F..%2F');
    assert.equal(prefixForLocation(at('/browse/?prefix=x%2F..%2F')), 'x/../');
    assert.equal(prefixForLocation(at('/browse/a//b/?prefix=')), '');
  });

  it('accepts a missing trailing slash and ignores unknown paths', () => {
    assert.equal(prefixForLocation(at('/browse/projects')), 'projects/');
    assert.equal(prefixForLocation(at('/somewhere/else')), '');
    assert.equal(prefixForLocation(at('/browse/%E0%A4%A/')), '');
  });

  it('builds breadcrumbs from the root', () => {
    assert.deepEqual(trail('projects/alpha/'), [
      { name: 'All files', prefix: '' },
      { name: 'projects', prefix: 'projects/' },
      { name: 'alpha', prefix: 'projects/alpha/' },
    ]);
  });
});

describe('listing', () => {
  const folders = [{ prefix: 'b/', name: 'b' }, { prefix: 'A/', name: 'A' }];
  const files = [
    { key: 'log-10.txt', name: 'log-10.txt', size: 5, lastModified: '2025-01-03T00:00:00Z' },
    { key: 'log-2.txt', name: 'log-2.txt', size: 50, lastModified: '2025-01-01T00:00:00Z' },
    { key: 'Café.md', name: 'Café.md', size: 1, lastModified: '2025-01-02T00:00:00Z' },
  ];
  const names = (list) => list.map((e) => e.name);

  it('sorts names naturally and keeps folders first', () => {
    const sorted = sortEntries({ folders, files }, { key: 'name', direction: 'ascending' });
    assert.deepEqual(names(sorted.folders), ['A', 'b']);
    assert.deepEqual(names(sorted.files), ['Café.md', 'log-2.txt', 'log-10.txt']);
    const reversed = sortEntries({ folders, files }, { key: 'name', direction: 'descending' });
    assert.deepEqual(names(reversed.folders), ['b', 'A']);
  });

  it('sorts files by size and date while folders stay in name order', () => {
    const bySize = sortEntries({ folders, files }, { key: 'size', direction: 'descending' });
    assert.deepEqual(names(bySize.files), ['log-2.txt', 'log-10.txt', 'Café.md']);
    assert.deepEqual(names(bySize.folders), ['A', 'b']);
    const byDate = sortEntries({ folders, files }, { key: 'modified', direction: 'ascending' });
    assert.deepEqual(names(byDate.files), ['log-2.txt', 'Café.md', 'log-10.txt']);
  });

  it('flips the direction on a second click and starts numbers high', () => {
    assert.deepEqual(nextSort({ key: 'name', direction: 'ascending' }, 'name'), { key: 'name', direction: 'descending' });
    assert.deepEqual(nextSort({ key: 'name', direction: 'ascending' }, 'size'), { key: 'size', direction: 'descending' });
  });

  it('filters by part of the name, ignoring case and accents', () => {
    assert.deepEqual(names(filterEntries({ folders, files }, 'CAFE').files), ['Café.md']);
    assert.deepEqual(names(filterEntries({ folders, files }, ' a ').folders), ['A']);
    assert.equal(filterEntries({ folders, files }, '').files.length, 3);
  });

  it('summarizes without zero counts, and says when more can be loaded', () => {
    assert.equal(summarize({ folders: 4, files: 3 }, 'en'), '4 folders, 3 files');
    assert.equal(summarize({ folders: 1, files: 0 }, 'en'), '1 folder');
    assert.equal(summarize({ folders: 0, files: 1200 }, 'en'), '1,200 files');
    assert.equal(summarize({ folders: 0, files: 200, more: true }, 'en'), '200 files loaded · more available');
    assert.equal(summarize({ folders: 0, files: 0 }, 'en'), 'No files or folders');
  });

  it('summarizes a filtered list as matches of the loaded items', () => {
    assert.equal(summarize({ folders: 4, files: 3, shown: 1 }, 'en'), '1 of 7 items match');
    assert.equal(summarize({ folders: 0, files: 200, shown: 0, more: true }, 'en'), '0 of 200 items match · more available');
  });

  it('gives folders and files distinct row ids', () => {
    assert.equal(entryId({ prefix: 'a/', name: 'a' }), 'd:a/');
    assert.equal(entryId({ key: 'a/', name: 'a/' }), 'f:a/');
  });

  it('appends pages without duplicates', () => {
    const merged = appendPage({ folders: [], files: files.slice(0, 2) }, { folders, files: files.slice(1) });
    assert.equal(merged.files.length, 3);
    assert.equal(merged.folders.length, 2);
  });
});

describe('messages', () => {
  const error = (status, code, retryAfter = null) => new ApiError({ status, code, title: 't', detail: '', retryAfter });

  it('explains sign-in failures', () => {
    assert.equal(signInMessage(error(401, 'invalid_credentials')), 'The user name or password is incorrect.');
    assert.equal(signInMessage(error(429, 'too_many_attempts', 300)), 'Too many sign-in attempts. Please try again in 5 minutes.');
    assert.match(signInMessage(error(0, 'network_error')), /Can't reach/);
    assert.match(signInMessage(error(502, 'server_error')), /trouble/);
  });

  it("never shows the server's technical wording", () => {
    const technical = new ApiError({ status: 400, code: 'bad_request', title: 'Bad Request', detail: "prefix must not contain '.' or '..' segments." });
    const message = browseMessage(technical);
    assert.equal(message.title, "This address doesn't point to a valid folder");
    assert.doesNotMatch(message.detail, /segments/);
    assert.equal(message.home, true);
    assert.equal(message.retry, false);
    const odd = new ApiError({ status: 409, code: 'conflict', title: 'Conflict', detail: 'ETag mismatch on row 7' });
    assert.doesNotMatch(browseMessage(odd).detail, /ETag/);
    assert.doesNotMatch(signInMessage(odd), /ETag/);
  });

  it('offers a retry only where trying again can help', () => {
    assert.equal(browseMessage(error(0, 'network_error')).retry, true);
    assert.equal(browseMessage(error(404, 'not_found')).retry, false);
  });

  it('offers the right way out of a failed listing', () => {
    const forbidden = browseMessage(error(403, 'forbidden_prefix'));
    assert.equal(forbidden.title, "You don't have access to this folder");
    assert.equal(forbidden.retry, false);
    assert.equal(forbidden.home, true);
    const unavailable = browseMessage(error(503, 'upstream_unavailable', 30));
    assert.equal(unavailable.retry, true);
    assert.match(unavailable.detail, /30 seconds/);
  });
});

describe('search addresses', () => {
  it('keeps the folder and the search text, and reads both back', () => {
    for (const [prefix, q] of [['', 'report'], ['logs/app/', 'error 42'], ['a/../b/', 'x&y=z'], ['résumé/', '#?%']]) {
      const path = pathForPrefix(prefix, q);
      assert.equal(prefixForLocation(at(path)), prefix, path);
      assert.equal(queryForLocation(at(path)), q, path);
    }
    assert.equal(pathForPrefix('logs/', 'app'), '/browse/logs/?q=app');
    assert.equal(pathForPrefix('logs/', ''), '/browse/logs/');
    assert.equal(queryForLocation(at('/browse/logs/')), '');
  });
});

describe('previews', () => {
  it('asks the download route for an inline link', () => {
    assert.equal(downloadUrl('logs/a b.png', 'inline'), '/api/files/download?key=logs%2Fa+b.png&disposition=inline');
    assert.equal(downloadUrl('logs/a.png'), '/api/files/download?key=logs%2Fa.png');
  });
});
