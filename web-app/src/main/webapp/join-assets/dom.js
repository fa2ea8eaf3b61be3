// Building the room's elements: attributes and text only, never HTML from strings.

/** An element with attributes ({@code className}, {@code hidden} as properties) and children (text or nodes). */
export function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === 'className') e.className = v;
    else if (k === 'hidden') e.hidden = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

/** A plain button that calls {@code onClick}. */
export function button(text, onClick, attributes = {}) {
  const b = el('button', { type: 'button', ...attributes }, text);
  b.addEventListener('click', onClick);
  return b;
}
