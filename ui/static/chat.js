// Runs once (js_on_load), watching the page for two things Gradio draws itself.
// 1. The chat's messages carry our HTML, and Gradio copies a message's raw content into
// its aria-label. Screen readers should hear the words: replace each label with the message's text.
const fix = () => {
  document.querySelectorAll("#nsss-chat [aria-label]").forEach((el) => {
    const label = el.getAttribute("aria-label") || "";
    if (!label.includes("<")) return;
    const words = (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
    el.setAttribute("aria-label", words.slice(0, 400));
  });
};

// Gradio's own words (the file drop zone) come in English only: in the Bangla interface, say them in Bangla.
const GRADIO_BN = {
  "Drop File Here": "ফাইল এখানে ছেড়ে দিন",
  "- or -": "অথবা",
  "Click to Upload": "ক্লিক করে বেছে নিন",
  "Click to upload or drop files": "ক্লিক করে ফাইল বেছে নিন বা এখানে ছেড়ে দিন",
  "File upload": "ফাইল আপলোড",
};
const GRADIO_EN = Object.fromEntries(Object.entries(GRADIO_BN).map(([en, bn]) => [bn, en]));
const translate = () => {
  const brand = document.querySelector(".nsss-brand");
  const words = brand && brand.dataset.lang === "bn" ? GRADIO_BN : GRADIO_EN;
  document.querySelectorAll("#nsss-upload").forEach((zone) => {
    const walker = document.createTreeWalker(zone, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const said = node.nodeValue.trim();
      if (words[said]) node.nodeValue = node.nodeValue.replace(said, words[said]);
    }
    zone.querySelectorAll("[aria-label]").forEach((el) => {
      const said = el.getAttribute("aria-label");
      if (words[said]) el.setAttribute("aria-label", words[said]);
    });
  });
};
let pending = false;
new MutationObserver(() => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; fix(); translate(); });
}).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                           attributeFilter: ["data-lang", "aria-label"]});
fix();
translate();
