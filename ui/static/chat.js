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
// Gradio's own messages (a refused file type or size, a toast's default title), said in Bangla; names stay.
const TOAST_BN = [
  [/^Invalid file types?: (.+)\. Only (.+) allowed\.$/, "$1: এই ধরনের ফাইল নেওয়া যায় না; শুধু $2 নেওয়া যায়।"],
  [/^File size exceeded maximum allowed size of (\d+) bytes\.$/, "ফাইলটি সবচেয়ে বড় অনুমোদিত আকার ($1 বাইট) ছাড়িয়ে গেছে।"],
  [/^Warning$/, "সতর্কতা"],
  [/^Error$/, "ত্রুটি"],
  [/^Info$/, "তথ্য"],
];
const translate = () => {
  const brand = document.querySelector(".nsss-brand");
  const bangla = brand && brand.dataset.lang === "bn";
  const words = bangla ? GRADIO_BN : GRADIO_EN;
  if (bangla) {
    document.querySelectorAll(".toast-title, .toast-text, [data-testid=toast-text]").forEach((el) => {
      const said = (el.textContent || "").trim();
      for (const [english, bn] of TOAST_BN) {
        if (english.test(said)) { el.textContent = said.replace(english, bn); break; }
      }
    });
  }
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
