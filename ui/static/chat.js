// Runs once (js_on_load): the chat's messages carry our HTML, and Gradio copies a message's raw content into
// its aria-label. Screen readers should hear the words: replace each label with the message's text.
const fix = () => {
  document.querySelectorAll("#nsss-chat [aria-label]").forEach((el) => {
    const label = el.getAttribute("aria-label") || "";
    if (!label.includes("<")) return;
    const words = (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
    el.setAttribute("aria-label", words.slice(0, 400));
  });
};
new MutationObserver(fix).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"]});
fix();
