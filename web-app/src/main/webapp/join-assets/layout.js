// How the video is laid out: gallery (every tile alike) or speaker view (one tile large: the pinned
// one, else whoever speaks), one's own tile shown or not, full screen. Tiles size the layers the
// media server sends them (a large tile gets the high one), so the layout is also what is received.

import { button } from './dom.js';
import { t } from './messages.js';

/** @param grid the tiles' container; @param controls {view, self, fullscreen} buttons; @param stage what goes full screen */
export function videoLayout(grid, controls, stage) {
  let speakerView = false;
  let pinned = null;

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
    /** A new tile gets its pin button (one's own tile is not pinned: it is shown anyway). */
    decorate(figure, name, mine) {
      if (mine) return;
      figure.append(button('📌', () => {
        pinned = pinned === figure.dataset.feed ? null : figure.dataset.feed;
        apply();
      }, { className: 'pin', 'aria-pressed': 'false', 'aria-label': t('layout.pin', { name }) }));
    },
    /** The tiles or the speaker changed. */
    apply,
  };
}
