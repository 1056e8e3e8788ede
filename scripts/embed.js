/* LLM Interview Explorables — embed loader (plain JS, no dependencies).
 *   <script src="https://<site>/embed.js" defer></script>
 *   <div data-llm-explorable="kv-cache?model=meta-llama/Llama-3.1-8B&ctx=32768"></div>
 * Options on the element: data-load="click" (a button first), data-theme="light|dark|auto",
 * data-lang="zh|en", data-title, data-height (before the first measurement).
 * Frames are created when the element comes within 200 px of the viewport, sized from the
 * frame's height messages, and told the host's theme. Requests go to our origin only. */
(function () {
  "use strict";
  if (window.__llmxEmbed) return;
  // Widget names (zh, en); the build writes them from the site's widget list.
  var NAMES = /*WIDGETS*/ {} /*END*/;
  var me = document.currentScript;
  if (!me || !me.src) me = document.querySelector('script[src*="embed.js"]');
  if (!me) return;
  var base = new URL(".", me.src).href; // the site's base: embed.js sits at its root
  var origin = new URL(me.src).origin;
  var frames = [];
  window.__llmxEmbed = { scan: scan, frames: frames };

  function hostLang() {
    var l = (document.documentElement.lang || "").toLowerCase();
    return l === "" || l.indexOf("zh") === 0 ? "zh" : "en";
  }
  // The host page's theme: a data-theme or class on <html> (or <body>) as blog themes set
  // it (VitePress/Tailwind `dark`, Docusaurus `data-theme`, mdBook's dark themes), else the
  // reader's system preference.
  var DARK = /(^|\s)(dark|dark-mode|theme-dark|coal|navy|ayu)(\s|$)/;
  var LIGHT = /(^|\s)(light|light-mode|theme-light|rust)(\s|$)/;
  var media = window.matchMedia ? matchMedia("(prefers-color-scheme: dark)") : null;
  function hostTheme() {
    var els = [document.documentElement, document.body];
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (!el) continue;
      var t = (el.getAttribute("data-theme") || el.getAttribute("data-color-mode") || "").toLowerCase();
      if (t === "dark" || t === "light") return t;
      if (DARK.test(el.className)) return "dark";
      if (LIGHT.test(el.className)) return "light";
    }
    return media && media.matches ? "dark" : "light";
  }
  function themeOf(el) {
    var t = el.getAttribute("data-theme");
    return t === "dark" || t === "light" ? t : hostTheme();
  }

  function parse(el) {
    var spec = (el.getAttribute("data-llm-explorable") || "").trim();
    var q = spec.indexOf("?");
    // "kv-cache?…", or a pasted lab/embed address: the last path segment names the widget.
    var name = (q < 0 ? spec : spec.slice(0, q)).replace(/\/+$/, "").split("/").pop();
    var params = new URLSearchParams(q < 0 ? "" : spec.slice(q + 1));
    var lang = el.getAttribute("data-lang") || params.get("lang") || hostLang();
    lang = lang.toLowerCase().indexOf("en") === 0 ? "en" : "zh";
    params.delete("lang");
    params.delete("theme");
    var names = NAMES[name];
    return { name: name, params: params, lang: lang, known: !!names,
      title: el.getAttribute("data-title") || (names ? names[lang === "en" ? 1 : 0] : name) };
  }

  function create(el, w) {
    var p = new URLSearchParams(w.params.toString());
    if (w.lang === "en") p.set("lang", "en");
    var theme = themeOf(el);
    p.set("theme", theme);
    var f = document.createElement("iframe");
    f.src = base + "embed/" + encodeURIComponent(w.name) + "?" + p.toString();
    f.title = w.title;
    f.setAttribute("loading", "lazy");
    f.setAttribute("referrerpolicy", "no-referrer");
    // Scripts and our own origin (the module, its wasm, the clipboard); popups for the
    // "Open in …" link, which must open unsandboxed.
    f.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    f.setAttribute("allow", "clipboard-write");
    f.setAttribute("data-llm-explorables", "");
    var h = parseInt(el.getAttribute("data-height"), 10);
    f.style.cssText = "display:block;width:100%;border:0;height:" + (h > 0 ? h : 480) + "px";
    el.textContent = "";
    el.appendChild(f);
    var rec = { el: el, frame: f, theme: theme, sent: false };
    frames.push(rec);
    if (visible) visible.observe(f);
    el.setAttribute("data-llm-state", "loaded");
  }

  function button(el, w) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = (w.lang === "en" ? "▶ Load the interactive " : "▶ 加载交互组件：") + w.title;
    b.style.cssText = "display:block;width:100%;padding:1.2em 1em;font:inherit;color:inherit;" +
      "background:transparent;border:1px dashed currentColor;border-radius:8px;cursor:pointer;opacity:.85";
    b.addEventListener("click", function () { create(el, w); });
    el.textContent = "";
    el.appendChild(b);
  }

  var near = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      near.unobserve(e.target);
      create(e.target, parse(e.target));
    });
  }, { rootMargin: "200px 0px" }) : null;
  // A frame coming into view is asked for its height: off-screen frames may not have
  // measured their layout while the host changed width.
  var visible = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) measure(e.target); });
  }, { rootMargin: "200px 0px" }) : null;

  function scan() {
    var els = document.querySelectorAll("[data-llm-explorable]:not([data-llm-state])");
    for (var i = 0; i < els.length; i++) {
      var el = els[i], w = parse(el);
      if (!w.known) {
        el.setAttribute("data-llm-state", "unknown");
        el.textContent = (w.lang === "en" ? "Unknown widget: " : "没有这个组件：") + w.name;
        continue;
      }
      el.setAttribute("data-llm-state", "waiting");
      if (el.getAttribute("data-load") === "click") button(el, w);
      else if (near) near.observe(el);
      else create(el, w);
    }
  }

  function post(rec, msg) {
    if (rec.frame.isConnected && rec.frame.contentWindow) rec.frame.contentWindow.postMessage(msg, origin);
  }
  function measure(f) {
    frames.forEach(function (rec) { if (rec.frame === f) post(rec, { type: "llm-explorables:measure" }); });
  }
  function pushTheme() {
    frames.forEach(function (rec) {
      var t = themeOf(rec.el);
      if (t !== rec.theme) { rec.theme = t; post(rec, { type: "llm-explorables:theme", theme: t }); }
    });
  }

  addEventListener("message", function (e) {
    var d = e.data;
    if (e.origin !== origin || !d || typeof d !== "object") return;
    var h = d.height;
    var ok = d.type === "llm-explorables:height" || (d.type === "embed-size" && d.sentinel === "amp");
    if (!ok || typeof h !== "number" || !(h >= 0 && h < 1e6)) return;
    frames.forEach(function (rec) {
      if (rec.frame.contentWindow !== e.source) return;
      rec.frame.style.height = Math.ceil(h) + "px";
      // The frame is listening now: tell it the theme once (it may have changed meanwhile).
      if (!rec.sent) { rec.sent = true; post(rec, { type: "llm-explorables:theme", theme: rec.theme }); }
    });
  });
  var timer;
  addEventListener("resize", function () {
    frames.forEach(function (rec) { post(rec, { type: "llm-explorables:measure" }); });
    clearTimeout(timer);
    timer = setTimeout(function () { frames.forEach(function (rec) { post(rec, { type: "llm-explorables:measure" }); }); }, 150);
  });
  if (window.MutationObserver) {
    var watch = new MutationObserver(pushTheme);
    var opts = { attributes: true, attributeFilter: ["class", "data-theme", "data-color-mode"] };
    watch.observe(document.documentElement, opts);
    if (document.body) watch.observe(document.body, opts);
    // Elements added later (client-rendered blogs: VitePress, Docusaurus).
    var queued = false;
    new MutationObserver(function () {
      if (queued) return;
      queued = true;
      setTimeout(function () { queued = false; scan(); }, 0);
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  if (media) {
    if (media.addEventListener) media.addEventListener("change", pushTheme);
    else if (media.addListener) media.addListener(pushTheme);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
