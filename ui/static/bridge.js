// Runs once per bridge component (js_on_load): turns clicks inside the app's own HTML into one Python event.
// `props.scope` names the containers this bridge serves; the chat sanitizer strips data-* attributes, so chat
// markers carry their target in the link fragment instead (#nsss-open-TURN-N).
const scope = props.scope || "";
const send = (msg) => {
  msg.t = Date.now();  // a new value every time, so repeating a click still counts
  props.value = JSON.stringify(msg);
  trigger("click");
};
const copy = async (text, button) => {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch (err) {
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { ok = document.execCommand("copy"); } catch (err2) { ok = false; }
    area.remove();
  }
  const label = button.dataset.label || button.textContent;
  button.dataset.label = label;
  button.textContent = ok ? (button.dataset.done || "Copied ✓") : (button.dataset.failed || "Select the text above to copy");
  button.classList.toggle("done", ok);
  setTimeout(() => { button.textContent = label; button.classList.remove("done"); }, 1800);
};
document.addEventListener("click", (event) => {
  const link = event.target.closest('a[href^="#nsss-"]');
  if (link && scope.includes("#nsss-chat") && link.closest("#nsss-chat")) {
    event.preventDefault();
    const m = link.getAttribute("href").match(/^#nsss-([a-z]+)-(\d+)-(\d+)$/);
    if (m) send({act: m[1], turn: Number(m[2]), n: Number(m[3])});
    return;
  }
  const el = event.target.closest("[data-act]");
  if (!el || !scope || !el.closest(scope)) return;
  event.preventDefault();
  const act = el.dataset.act;
  if (act === "copy") { copy(el.dataset.ref || "", el); return; }
  if (act === "delete") {
    if (!window.confirm(el.dataset.confirm)) return;
    send({act, key: el.dataset.key});
    return;
  }
  if (act === "edit") { send({act, key: el.dataset.key}); return; }
  if (act === "rename") {
    const text = window.prompt(el.dataset.prompt, el.dataset.current || "");
    if (text === null) return;
    send({act, n: Number(el.dataset.n || 0), text});
    return;
  }
  send({act, turn: Number(el.dataset.turn || 0), n: Number(el.dataset.n || 0)});
});
