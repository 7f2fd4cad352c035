'use strict';

// Served by `digits serve`, the report links back to the drawing page; opened from disk, there is
// no page to go back to.
if (location.protocol === 'file:') {
  document.getElementById('back-link').parentElement.hidden = true;
}

// A table wider than the screen scrolls sideways; it takes the keyboard focus only while it does.
(() => {
  const watcher = new ResizeObserver((entries) => {
    for (const {target} of entries) {
      if (target.scrollWidth > target.clientWidth) {
        target.tabIndex = 0;
      } else {
        target.removeAttribute('tabindex');
      }
    }
  });
  document.querySelectorAll('.table-wrap').forEach((wrap) => watcher.observe(wrap));
})();

// Filters the gallery of misclassified digits by variant and by whether the mistake is shared by
// every variant or made by one alone. Without this script every card stays visible.
(() => {
  const form = document.getElementById('gallery-filters');
  const gallery = document.getElementById('gallery-grid');
  const status = document.getElementById('gallery-status');
  const cards = Array.from(gallery.children);
  const variantCount = Number(gallery.dataset.variants);

  function apply() {
    const variant = form.elements.variant.value;
    const scope = form.elements.scope.value;
    let shown = 0;
    for (const card of cards) {
      const wrong = card.dataset.wrong.split(' ');
      let visible = variant === 'all' || wrong.includes(variant);
      if (scope === 'shared') {
        visible = visible && wrong.length === variantCount;
      } else if (scope === 'unique') {
        visible = visible && wrong.length === 1;
      }
      card.hidden = !visible;
      if (visible) {
        shown++;
      }
    }
    status.textContent = `Showing ${shown} of ${cards.length} misclassified test images.`;
  }

  form.hidden = false;
  form.addEventListener('change', apply);
  apply();
})();
