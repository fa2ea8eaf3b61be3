// The side panels as tabs (WAI-ARIA tabs: arrow keys, Home and End move between them): one panel at
// a time beside the video, and on a phone below it.

/** @param list the tablist; its buttons name their panel in aria-controls. Answers {select(id), selected()}. */
export function tabs(list, onChange = () => {}) {
  const all = [...list.querySelectorAll('[role="tab"]')];

  function select(tab, focus = false) {
    for (const t of all) {
      const chosen = t === tab;
      t.setAttribute('aria-selected', String(chosen));
      t.tabIndex = chosen ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !chosen;
    }
    if (focus) tab.focus();
    onChange(tab.getAttribute('aria-controls'));
  }

  all.forEach((tab) => tab.addEventListener('click', () => select(tab)));
  list.addEventListener('keydown', (e) => {
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    select(all[(next + all.length) % all.length], true);
  });
  select(all.find((t) => t.getAttribute('aria-selected') === 'true') || all[0]);

  return {
    select: (panelId) => select(all.find((t) => t.getAttribute('aria-controls') === panelId)),
    selected: () => all.find((t) => t.getAttribute('aria-selected') === 'true').getAttribute('aria-controls'),
  };
}
