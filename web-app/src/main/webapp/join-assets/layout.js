// How the video is laid out: gallery (every tile alike) or speaker view (one tile large: the pinned
// one, else whoever speaks), one's own tile shown or not, full screen. Tiles size the layers the
// media server sends them (a large tile gets the high one), so the layout is also what is received.
// Others' feeds are paged, at most 25 to a page (fewer with ?tiles=N in the page's address): only
// the page's feeds (and the pinned one) are received with video; join.js receives the others only
// for their sound, while their microphone is on.

import { button, el } from './dom.js';
import { t } from './messages.js';

export const MOST_TILES = 25;

/**
 * @param grid the tiles' container; @param controls {view, self, fullscreen} buttons; @param stage
 * what goes full screen; @param onPage called when another page of tiles is chosen
 */
export function videoLayout(grid, controls, stage, onPage = () => {}) {
  let speakerView = false;
  let pinned = null;
  let page = 0;
  const asked = Number(new URLSearchParams(location.search).get('tiles'));
  const perPage = asked >= 1 && asked <= MOST_TILES ? Math.floor(asked) : MOST_TILES;
  const previous = button(t('layout.previous'), () => turn(-1), { id: 'page-previous', className: 'secondary', hidden: true });
  const next = button(t('layout.next'), () => turn(1), { id: 'page-next', className: 'secondary', hidden: true });
  const where = el('span', { id: 'page-label', role: 'status' });
  controls.view.before(previous, where, next);

  function turn(by) {
    page += by;
    onPage();
  }

  function apply() {
    const large = speakerView || pinned !== null;
    grid.classList.toggle('speaker-view', large);
    const others = [...grid.querySelectorAll('.tile:not(.mine)')];
    const focus = pinned || (others.find((f) => f.classList.contains('speaking')) || others[0] || {}).dataset?.feed;
    grid.querySelectorAll('.tile').forEach((tile) => {
      tile.classList.toggle('focus', large && tile.dataset.feed === focus);
      const pin = tile.querySelector('.pin');
      if (pin) pin.setAttribute('aria-pressed', String(tile.dataset.feed === pinned));
    });
    controls.view.setAttribute('aria-pressed', String(speakerView));
  }

  controls.view.addEventListener('click', () => {
    speakerView = !speakerView;
    if (!speakerView) pinned = null;
    apply();
  });
  controls.self.addEventListener('click', () => {
    const hidden = grid.classList.toggle('hide-self');
    controls.self.setAttribute('aria-pressed', String(!hidden));
  });
  controls.fullscreen.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else stage.requestFullscreen().catch(() => {});
  });
  document.addEventListener('fullscreenchange', () => {
    controls.fullscreen.setAttribute('aria-pressed', String(document.fullscreenElement === stage));
  });

  return {
    /**
     * The feeds on the page shown now, of all the others' feeds in their order (the pinned one is
     * always shown); the pager follows.
     */
    page(feeds) {
      const pages = Math.max(1, Math.ceil(feeds.length / perPage));
      page = Math.min(Math.max(0, page), pages - 1);
      const shown = new Set(feeds.slice(page * perPage, (page + 1) * perPage));
      if (pinned && feeds.includes(pinned)) shown.add(pinned);
      previous.hidden = next.hidden = pages < 2;
      previous.disabled = page === 0;
      next.disabled = page === pages - 1;
      where.textContent = pages < 2 ? '' : t('layout.page', { page: page + 1, pages });
      return shown;
    },
    /** A new tile gets its pin button (one's own tile is not pinned: it is shown anyway). */
    decorate(figure, name, mine) {
      if (mine) return;
      figure.append(button('📌', () => {
        pinned = pinned === figure.dataset.feed ? null : figure.dataset.feed;
        apply();
        onPage();
      }, { className: 'pin', 'aria-pressed': 'false', 'aria-label': t('layout.pin', { name }) }));
    },
    /** The tiles or the speaker changed. */
    apply,
  };
}
