// Small DOM helpers shared by the views.

/** Creates an element: el('a', { href: '/', class: 'x', dataset: { key } }, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Missing element #${id}`);
  return node;
}

/** Shows or hides an element with the hidden attribute. */
export function toggle(node, visible) {
  node.hidden = !visible;
}

/**
 * Puts a button into (or out of) its busy state: spinner, a different label, and aria-disabled.
 * Not `disabled`: that would drop keyboard focus to <body>. Handlers check isBusy() instead.
 */
export function setBusy(button, busy, busyLabel) {
  const label = button.querySelector('.button-label');
  const spinner = button.querySelector('.spinner');
  if (label) {
    if (!button.dataset.idleLabel) button.dataset.idleLabel = label.textContent;
    label.textContent = busy && busyLabel ? busyLabel : button.dataset.idleLabel;
  }
  if (spinner) spinner.hidden = !busy;
  if (busy) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

export function isBusy(button) {
  return button.getAttribute('aria-disabled') === 'true';
}

let announceTimer;

/** Says something to screen-reader users through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  clearTimeout(announceTimer);
  // Clearing first makes a repeated message be read again.
  region.textContent = '';
  announceTimer = setTimeout(() => {
    region.textContent = message;
  }, 50);
}
