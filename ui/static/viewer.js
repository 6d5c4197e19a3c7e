// Runs once for the source viewer (js_on_load): after each new page, scroll the highlighted quote into view.
watch("value", () => {
  const box = element.querySelector(".nsss-viewer-text");
  const mark = box && box.querySelector("mark");
  if (!mark) return;
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  const r = element.getBoundingClientRect();
  if (r.top < 0 || r.top > window.innerHeight - 120) element.scrollIntoView({block: "start", behavior: "smooth"});
});
