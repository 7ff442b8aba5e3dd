// QR codes drawn in the page itself (the otpauth:// URI holds a secret: it never goes to another host),
// as SVG built with DOM calls, so the Content-Security-Policy needs no inline style or script.
import qrcode from './vendor/qrcode-generator.js';

const SVG = 'http://www.w3.org/2000/svg';
// Scanners need four light modules around the code.
const QUIET_ZONE = 4;

/** The dark and light modules of `text` as rows of booleans (true = dark), error correction M. */
export function qrModules(text) {
  // Type 0 lets the library pick the smallest version that holds the text.
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (__, col) => qr.isDark(row, col)));
}

/** One SVG path for all dark modules, offset by the quiet zone: a square per run of dark modules in a row. */
export function qrPathData(modules) {
  const parts = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`);
    }
  });
  return parts.join('');
}

/** An <svg> showing `text` as a QR code, announced to screen readers as `label`. */
export function qrSvg(text, label) {
  const modules = qrModules(text);
  const size = modules.length + 2 * QUIET_ZONE;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('class', 'qr-light');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  const dark = document.createElementNS(SVG, 'path');
  dark.setAttribute('class', 'qr-dark');
  dark.setAttribute('d', qrPathData(modules));
  svg.append(background, dark);
  return svg;
}
