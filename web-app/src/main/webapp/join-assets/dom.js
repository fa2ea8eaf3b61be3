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

/**
 * Shows {@code items} in {@code container} in order, one element each, keeping the elements of items
 * that did not change (so focus and scroll stay where a person left them) and building the others.
 *
 * @param keyOf       an item's identity
 * @param build       makes an item's element
 * @param signatureOf what the element shows of the item (and of anything else it depends on)
 */
export function renderList(container, items, keyOf, build, signatureOf = (item) => JSON.stringify(item)) {
  const existing = new Map([...container.children].map((c) => [c.dataset.key, c]));
  const wanted = items.map((item) => {
    const key = String(keyOf(item));
    const signature = signatureOf(item);
    const old = existing.get(key);
    if (old && old.dataset.signature === signature) return old;
    const node = build(item);
    node.dataset.key = key;
    node.dataset.signature = signature;
    return node;
  });
  const keep = new Set(wanted);
  [...container.children].forEach((c) => { if (!keep.has(c)) c.remove(); });
  wanted.forEach((node, i) => {
    if (container.children[i] !== node) container.insertBefore(node, container.children[i] || null);
  });
}
