// Runs once for the source viewer (js_on_load): after each new page, scroll the highlighted quote into view, in
// the printed page and in its text, and bring the viewer itself into view.
watch("value", () => {
  const box = element.querySelector(".nsss-viewer-text");
  const mark = box && box.querySelector("mark");
  if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  const figure = element.querySelector(".nsss-page-image");
  const scroller = figure && figure.querySelector(".nsss-page-scroll");
  const img = scroller && scroller.querySelector("img");
  if (img) {
    const place = () => {
      scroller.scrollTop = Math.max(0, Number(figure.dataset.focus || 0) * img.clientHeight - scroller.clientHeight / 4);
      scroller.scrollLeft = Math.max(0, Number(figure.dataset.left || 0) * img.clientWidth - 16);
    };
    if (img.complete) place(); else img.addEventListener("load", place, {once: true});
  }
  if (!mark && !img) return;
  const r = element.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) element.scrollIntoView({block: "nearest", behavior: "instant"});
});
