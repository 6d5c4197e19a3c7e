// Runs once for the Sources panel (js_on_load): a new answer starts at the top; an opened source is scrolled to.
let shown = null;
watch("value", () => {
  const panel = element.querySelector(".nsss-panel");
  if (!panel) return;
  if (panel.dataset.turn !== shown) panel.scrollTop = 0;
  shown = panel.dataset.turn;
  const active = panel.querySelector(".nsss-cite.active");
  if (active) panel.scrollTop = Math.max(0, active.offsetTop - panel.offsetTop - 8);
});
