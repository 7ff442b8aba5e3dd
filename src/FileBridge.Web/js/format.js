// Human-readable sizes, dates and waits. Pure functions: no DOM, no network.

const UNITS = ['KB', 'MB', 'GB', 'TB', 'PB'];

/** Formats a byte count: "0 bytes", "1 byte", "999 bytes", "1.5 KB", "12.0 MB". */
export function formatSize(bytes, locale) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '';
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  if (n < 1024) return `${whole.format(n)} ${n === 1 ? 'byte' : 'bytes'}`;
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  let value = n / 1024;
  let unit = 0;
  // Step up before rounding would show "1024.0 KB".
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${oneDecimal.format(value)} ${UNITS[unit]}`;
}

const RELATIVE_STEPS = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * Formats a timestamp for the listing: relative ("5 minutes ago") within the last week,
 * otherwise a locale date ("12 Mar 2024"). Returns '' for missing or malformed input.
 */
export function formatDate(value, now = new Date(), locale) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  let delta = (date.getTime() - now.getTime()) / 1000;
  if (delta <= 0 && delta > -7 * 24 * 3600) {
    if (delta > -45) return 'just now';
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    for (const [unit, size] of RELATIVE_STEPS) {
      if (Math.abs(delta) < size) return relative.format(Math.round(delta), unit);
      delta /= size;
    }
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

function absolute(value, locale, options) {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Full date and time ("Sunday, June 15, 2025 at 12:00:00 PM UTC"), for the tooltip and screen readers. */
export function formatFullDate(value, locale) {
  return absolute(value, locale, { dateStyle: 'full', timeStyle: 'long' });
}

/** Short absolute date and time ("Jun 15, 2025, 12:00 PM"), for the narrow-screen line under a name. */
export function formatDateTime(value, locale) {
  return absolute(value, locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Reads a Retry-After header value (delay-seconds or an HTTP date) as whole seconds,
 * or null when it is absent or unreadable.
 */
export function parseRetryAfter(header, now = Date.now()) {
  if (header == null) return null;
  const text = String(header).trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "a few seconds", "45 seconds", "5 minutes", "1 hour and 30 minutes". Rounds up. */
export function formatWait(seconds) {
  const s = Math.max(0, Math.ceil(Number(seconds) || 0));
  if (s < 5) return 'a few seconds';
  if (s < 60) return plural(s, 'second');
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} and ${plural(rest, 'minute')}`;
}

/** Thousands separators for counts shown to people. */
export function formatCount(n, locale) {
  return new Intl.NumberFormat(locale).format(n);
}

/** A count with its noun: "1 file", "1,200 files". */
export function countOf(n, one, many, locale) {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}
