// The blog embed kit in headless Chromium: a third-party blog on another origin (localhost vs
// 127.0.0.1) includes embed.js once and five widgets (plus one click-to-load and one old
// iframe snippet). Frames are created only near the viewport, sized to their content within
// 1 px at 360 and 1280 px, follow the host's dark mode within 500 ms, and nothing is requested
// from anyone but the two origins.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { serve } from "./server.mjs";
import { launch, openPage, axeViolations } from "./browser.mjs";

const WIDGETS = ["attention-mask", "grpo", "kl-estimators", "kv-cache", "moe", "norm-placement", "positional-encoding", "sampling", "test-time-scaling"];
const config = (id) => JSON.parse(readFileSync(new URL(`../../data/configs/${id.replace("/", "__")}.json`, import.meta.url), "utf8"));

// Five widgets far apart, a click-to-load one, and the snippet the Share menu gave before embed.js.
const EMBEDS = [
  { spec: "kv-cache?model=meta-llama/Llama-3.1-8B&ctx=32768&batch=1&dtype=bf16", name: "kv-cache" },
  { spec: "moe?preset=deepseek-v3&tokens=64&seed=1&balance=bias", name: "moe" },
  { spec: "attention-mask?preset=causal&n=6", name: "attention-mask", attrs: 'data-lang="zh"' },
  { spec: "sampling?logits=2,1,0.5,0&temperature=2&top_p=0.75&order=llamacpp", name: "sampling" },
  { spec: "grpo?rewards=1,0,1,0&std=population&eps_std=0", name: "grpo", attrs: 'data-theme="light"' },
];
function blogPage(siteUrl) {
  const gap = '<p style="height:2200px">Lorem ipsum.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A blog</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body{margin:0 auto;max-width:760px;padding:0 12px;font:16px/1.5 sans-serif} html.dark body{background:#111;color:#eee}</style>
<script src="${siteUrl}embed.js" defer></script></head><body>
<h1>My post</h1>
${EMBEDS.map((e, i) => `${i ? gap : ""}<div id="w${i}" data-llm-explorable="${e.spec.replace(/&/g, "&amp;")}" ${e.attrs ?? ""}></div>`).join("\n")}
${gap}<div id="click" data-llm-explorable="test-time-scaling?panel=pass-at-k&amp;n=10&amp;c=3&amp;k=5" data-load="click"></div>
${gap}<iframe id="old" src="${siteUrl}embed/norm-placement" title="Norm placement explorer" data-llm-explorables style="width:100%;border:0" height="640" loading="lazy"></iframe>
<script>addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="llm-explorables:height")return;
document.querySelectorAll("iframe[data-llm-explorables]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px"})});</script>
<p style="height:600px">The end.</p></body></html>`;
}

let browser, site, blogUrl;
before(async () => {
  browser = await launch();
  // One server, two origins: the site at 127.0.0.1, the blog at localhost. The blog page
  // names the site's address, known once the server listens.
  const extra = {};
  site = await serve("dist", "/", extra);
  extra["/blog.html"] = blogPage(site.url);
  // The snippet the Share menu gave before embed.js, loading far below the reader.
  extra["/old.html"] = `<!doctype html><html lang="en"><title>Old post</title><link rel="icon" href="data:,"><body style="margin:0">
<p style="height:4000px">Lorem ipsum.</p>
<iframe id="old" src="${site.url}embed/moe" title="MoE routing lab" data-llm-explorables style="width:100%;border:0" height="640"></iframe>
<script>addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="llm-explorables:height")return;
document.querySelectorAll("iframe[data-llm-explorables]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px"})});</script>`;
  blogUrl = `http://localhost:${new URL(site.url).port}/blog.html`;
});
after(async () => {
  await browser?.close();
  site?.close();
});

/** Opens the blog with a request log and an error log. */
async function openBlog({ width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  await page.goto(blogUrl);
  await page.waitForFunction(() => window.__llmxEmbed && document.querySelector("[data-llm-state]"));
  return { context, page, requests, errors };
}

const frameIn = (page, id) => page.$(`#${id} iframe`);
async function widgetFrame(page, id) {
  const el = await page.waitForSelector(`#${id} iframe`, { state: "attached", timeout: 20000 });
  const frame = await el.contentFrame();
  await frame.waitForSelector(".widget pre[data-export=json]", { state: "attached", timeout: 20000 });
  return { el, frame };
}
/** |frame element height − its document's height| for every open frame, polled until ≤ 1 px. */
async function sizesSettle(page, ids, what) {
  const deadline = Date.now() + 8000;
  let last;
  while (Date.now() < deadline) {
    last = [];
    for (const id of ids) {
      const el = await page.$(id === "old" ? "#old" : `#${id} iframe`);
      const frame = await el.contentFrame();
      const box = await el.evaluate((f) => f.getBoundingClientRect().height);
      const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
      last.push({ id, box, content, diff: Math.abs(box - content) });
    }
    if (last.every((r) => r.diff <= 1 && r.content > 100)) return last;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: frame heights do not match their content: ${JSON.stringify(last)}`);
}

test("frames are created near the viewport, sized within 1 px at 1280 and 360 px, and the widgets work", async () => {
  const { context, page, requests, errors } = await openBlog();
  // Only the first widget is near the viewport.
  await widgetFrame(page, "w0");
  for (let i = 1; i < EMBEDS.length; i++) assert.equal(await frameIn(page, `w${i}`), null, `w${i}: no frame yet`);
  assert.equal(requests.filter((u) => u.includes("/embed/moe")).length, 0, "nothing of a far widget requested");
  // 150 px below the viewport: within the loader's 200 px margin.
  await page.evaluate(() => { const el = document.getElementById("w1"); scrollTo(0, el.offsetTop - innerHeight - 150); });
  await page.waitForSelector("#w1 iframe", { state: "attached", timeout: 5000 });
  assert.equal(await frameIn(page, "w2"), null, "w2 is still far away: no frame");
  // The reader scrolls away at once: the frame loads and lays out far off screen (where
  // browsers pause a frame's rendering and its ResizeObserver); it is still sized to its content.
  await page.evaluate(() => scrollTo(0, 0));
  await widgetFrame(page, "w1");
  assert.ok(await page.$eval("#w1 iframe", (f) => f.getBoundingClientRect().top > innerHeight + 1000), "w1 is far below the viewport");
  await sizesSettle(page, ["w1"], "a frame laid out off screen");

  const ids = EMBEDS.map((_, i) => `w${i}`);
  for (const id of ids) {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
    await widgetFrame(page, id);
  }
  await page.evaluate(() => document.getElementById("old").scrollIntoView());
  await page.waitForSelector("#old", { timeout: 5000 });
  const old = await (await page.$("#old")).contentFrame();
  await old.waitForSelector(".widget pre[data-export=json]", { state: "attached", timeout: 20000 });
  await page.evaluate(() => scrollTo(0, 0));

  // The frame's attributes: accessible name, lazy, no referrer, a sandbox the widget works in.
  const attrs = await page.$eval("#w0 iframe", (f) => ({ title: f.title, loading: f.getAttribute("loading"), ref: f.referrerPolicy, sandbox: f.getAttribute("sandbox"), src: f.src }));
  assert.equal(attrs.title, "KV-cache lab", "the blog's <html lang=en> picks English");
  assert.equal(attrs.loading, "lazy");
  assert.equal(attrs.ref, "no-referrer");
  assert.match(attrs.sandbox, /allow-scripts/);
  assert.ok(attrs.src.startsWith(`${site.url}embed/kv-cache?`), attrs.src);
  assert.equal(await page.$eval("#w2 iframe", (f) => f.title), "注意力掩码实验室", "data-lang=zh names the frame in Chinese");
  const kv = await (await frameIn(page, "w0")).contentFrame();
  const c = config("meta-llama/Llama-3.1-8B");
  assert.equal(await kv.getAttribute("output[data-key=kv-bytes]", "data-value"), String(2 * c.num_hidden_layers * c.num_key_value_heads * (c.hidden_size / c.num_attention_heads) * 2 * 32768));
  const mask = await (await frameIn(page, "w2")).contentFrame();
  assert.equal(await mask.getAttribute("output[data-key=visible-pairs]", "data-value"), "21");
  assert.equal(await mask.evaluate(() => document.documentElement.lang), "zh-CN");
  assert.equal(await kv.evaluate(() => document.documentElement.lang), "en");

  const all = [...ids, "old"];
  await sizesSettle(page, all, "1280 px");
  // Narrow the host: every frame, on screen or not, follows.
  await page.setViewportSize({ width: 360, height: 800 });
  const narrow = await sizesSettle(page, all, "360 px");
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await sizesSettle(page, all, "back at 1280 px");
  assert.ok(narrow.find((r) => r.id === "w0").content > wide.find((r) => r.id === "w0").content, "the KV lab is taller at 360 px");
  // A panel opening inside a frame (late layout): the frame grows with it.
  await kv.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  await sizesSettle(page, ["w0"], "after opening the panels");

  const origins = new Set(requests.map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [site.origin, new URL(blogUrl).origin].sort(), "requests only to the two origins");
  for (const f of page.frames().slice(1)) assert.deepEqual(await f.evaluate(() => window.__llmxErrors), [], f.url());
  assert.deepEqual(errors, []);
  await context.close();
});

test("the host's dark mode reaches every open frame within 500 ms; the frame only takes well-formed messages from its parent", async () => {
  const { context, page, errors } = await openBlog({ width: 360, height: 800 });
  const ids = EMBEDS.map((_, i) => `w${i}`);
  for (const id of ids) {
    await page.evaluate((id) => document.getElementById(id).scrollIntoView(), id);
    await widgetFrame(page, id);
  }
  const themes = async () => {
    const out = [];
    for (const id of ids) out.push(await (await (await frameIn(page, id)).contentFrame()).evaluate(() => document.documentElement.dataset.theme));
    return out;
  };
  // w4 is pinned to light with data-theme="light".
  assert.deepEqual(await themes(), ["light", "light", "light", "light", "light"]);
  async function switchTo(how, expected) {
    const t0 = Date.now();
    await page.evaluate(how);
    let got;
    while (Date.now() - t0 < 2000) {
      got = await themes();
      if (JSON.stringify(got) === JSON.stringify(expected)) break;
      await page.waitForTimeout(20);
    }
    const ms = Date.now() - t0;
    assert.deepEqual(got, expected, how);
    assert.ok(ms <= 500, `${how}: ${ms} ms`);
    return ms;
  }
  const dark = ["dark", "dark", "dark", "dark", "light"];
  const light = ["light", "light", "light", "light", "light"];
  const ms = [];
  ms.push(await switchTo("document.documentElement.classList.add('dark')", dark));
  ms.push(await switchTo("document.documentElement.classList.remove('dark')", light));
  ms.push(await switchTo("document.documentElement.setAttribute('data-theme', 'dark')", dark));
  ms.push(await switchTo("document.documentElement.removeAttribute('data-theme')", light));
  // Nothing set on the host: its prefers-color-scheme.
  await page.emulateMedia({ colorScheme: "dark" });
  let got;
  for (let i = 0; i < 25 && JSON.stringify(got) !== JSON.stringify(dark); i++) { got = await themes(); await page.waitForTimeout(20); }
  assert.deepEqual(got, dark, "prefers-color-scheme: dark on the host");
  await page.emulateMedia({ colorScheme: "light" });

  // Ill-formed messages, or messages from the frame itself rather than its parent, are ignored.
  await page.evaluate(() => {
    const w = document.querySelector("#w0 iframe").contentWindow;
    for (const m of [{ type: "llm-explorables:theme", theme: "purple" }, { type: "llm-explorables:theme" }, "llm-explorables:theme", { theme: "dark" }]) w.postMessage(m, "*");
  });
  const kv = await (await frameIn(page, "w0")).contentFrame();
  await kv.evaluate(() => window.postMessage({ type: "llm-explorables:theme", theme: "dark" }, "*"));
  await page.waitForTimeout(300);
  assert.equal(await kv.evaluate(() => document.documentElement.dataset.theme), "light");
  console.log(`theme switch reached every frame in ${ms.join(", ")} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("client-rendered blogs (VitePress, Docusaurus): elements added later load too; mdBook's dark themes count as dark", async () => {
  const { context, page, errors } = await openBlog();
  await widgetFrame(page, "w0");
  // A single-page blog renders a new post after the loader ran.
  await page.evaluate(() => {
    const el = document.createElement("div");
    el.id = "later";
    el.setAttribute("data-llm-explorable", "attention-mask?preset=causal&n=6");
    document.querySelector("h1").after(el);
    // A pasted lab address works as the name too.
    const pasted = document.createElement("div");
    pasted.id = "pasted";
    pasted.setAttribute("data-llm-explorable", location.origin.replace("localhost", "127.0.0.1") + "/en/lab/kl-estimators/?theta=0,1,2&ref=1,1,0");
    el.after(pasted);
  });
  const pasted = await widgetFrame(page, "pasted");
  assert.ok(await pasted.el.evaluate((f) => f.src.includes("/embed/kl-estimators?theta=0%2C1%2C2&ref=1%2C1%2C0")), await pasted.el.evaluate((f) => f.src));
  const { frame } = await widgetFrame(page, "later");
  assert.equal(await frame.getAttribute("output[data-key=visible-pairs]", "data-value"), "21");
  // mdBook marks its dark themes with a class on <html>: coal, navy, ayu.
  await page.evaluate(() => { document.documentElement.className = "coal"; });
  await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark", null, { timeout: 500 });
  await page.evaluate(() => { document.documentElement.className = "light"; });
  await frame.waitForFunction(() => document.documentElement.dataset.theme === "light", null, { timeout: 500 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the Share menu's one-line form, pasted into a blog on another origin, embeds that state", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}en/lab/attention-mask/?preset=bidirectional&n=5`);
  await page.waitForSelector("html[data-live] .share-menu");
  await page.click(".share-menu summary");
  const line = await page.inputValue("textarea[data-share=loader]");
  assert.equal(line, `<script src="${site.url}embed.js" defer></script>\n<div data-llm-explorable="attention-mask?preset=bidirectional&amp;n=5" data-lang="en"></div>`);
  // The old iframe snippet is still offered next to it.
  assert.match(await page.inputValue("textarea[data-share=snippet]"), /^<iframe src=/);
  const port = new URL(site.url).port;
  await page.goto(`http://localhost:${port}/blog.html`);
  await page.evaluate((line) => {
    const box = document.createElement("div");
    box.id = "shared";
    document.querySelector("h1").after(box);
    // A script inserted as HTML does not run; the loader is already on this page.
    box.innerHTML = line;
  }, line);
  const el = await page.waitForSelector("#shared iframe", { state: "attached", timeout: 20000 });
  const frame = await el.contentFrame();
  assert.equal(await (await frame.waitForSelector("output[data-key=visible-pairs]")).getAttribute("data-value"), "25");
  assert.equal(await el.evaluate((f) => f.title), "Attention-mask lab");
  await context.close();
});

test("the old iframe snippet still sizes its frame, also when the frame lays out far off screen", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(blogUrl.replace("blog.html", "old.html"));
  const frame = await (await page.waitForSelector("#old", { state: "attached" })).contentFrame();
  await frame.waitForSelector(".widget pre[data-export=json]", { state: "attached", timeout: 20000 });
  assert.ok(await page.$eval("#old", (f) => f.getBoundingClientRect().top > 3000), "far below the viewport");
  await sizesSettle(page, ["old"], "old snippet, off screen");
  await page.setViewportSize({ width: 360, height: 800 });
  await sizesSettle(page, ["old"], "old snippet, off screen, at 360 px");
  await context.close();
});

test("a WordPress oEmbed of a lab page (sandboxed to scripts, #?secret=) works where the host allows CORS", async () => {
  // WordPress discovers oembed/<widget>.json from a pasted lab address, keeps the iframe's src,
  // size and title, appends #?secret=…, and sandboxes it to allow-scripts (an opaque origin, so
  // the module, wasm and stylesheets are CORS requests): our host must send
  // Access-Control-Allow-Origin, as GitHub Pages does.
  const j = JSON.parse(readFileSync("dist/oembed/kv-cache.json", "utf8"));
  const extra = {};
  const cors = await serve("dist", "/", extra, { "access-control-allow-origin": "*" });
  try {
    const src = j.html.match(/src="([^"]+)"/)[1].replace(j.provider_url, cors.url);
    extra["/wp.html"] = `<!doctype html><title>WordPress post</title><link rel="icon" href="data:,">
<script>window.heights=[];addEventListener("message",function(e){var d=e.data;if(d&&d.secret==="Ab3dE9xK1q"&&d.message==="height")heights.push(d.value)})</script>
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${src}#?secret=Ab3dE9xK1q" data-secret="Ab3dE9xK1q" width="${j.width}" height="${j.height}" title="${j.title}" frameborder="0"></iframe>`;
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://localhost:${new URL(cors.url).port}/wp.html`);
    const frame = await (await page.waitForSelector("iframe", { state: "attached" })).contentFrame();
    await frame.waitForSelector(".widget output[data-key=kv-bytes]", { timeout: 20000 });
    // Styled (the stylesheets loaded despite the opaque origin), and WordPress's height message sent.
    assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector(".widget")).borderTopStyle), "solid");
    await page.waitForFunction(() => window.heights.length > 0);
    const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await page.waitForFunction((c) => Math.abs(window.heights.at(-1) - c) <= 1, content);
    assert.deepEqual(await frame.evaluate(() => window.__llmxErrors), []);
    await context.close();
  } finally {
    cors.close();
  }
});

test('data-load="click" loads nothing until clicked', async () => {
  const { context, page, requests, errors } = await openBlog();
  await page.evaluate(() => document.getElementById("click").scrollIntoView());
  const button = await page.waitForSelector("#click button");
  assert.match(await button.textContent(), /Test-time scaling lab/);
  await page.waitForTimeout(800);
  assert.equal(await frameIn(page, "click"), null);
  assert.equal(requests.filter((u) => /test-time-scaling/.test(u)).length, 0, "no request for the widget before the click");
  await button.click();
  const { frame } = await widgetFrame(page, "click");
  assert.equal(await frame.getAttribute("output[data-key=pass-at-k]", "data-value"), String(1 - 21 / 252));
  await sizesSettle(page, ["click"], "the clicked frame");
  assert.deepEqual(errors, []);
  await context.close();
});

test("every widget has a valid oEmbed JSON, linked from its lab and embed pages", async () => {
  const files = readdirSync("dist/oembed").sort();
  assert.deepEqual(files, WIDGETS.flatMap((w) => [`${w}.en.json`, `${w}.json`]).sort());
  for (const w of WIDGETS) {
    for (const [lang, file, pages] of [["zh", `${w}.json`, [`lab/${w}/`, `embed/${w}/`]], ["en", `${w}.en.json`, [`en/lab/${w}/`]]]) {
      const j = JSON.parse(readFileSync(`dist/oembed/${file}`, "utf8"));
      assert.equal(j.version, "1.0", file);
      assert.equal(j.type, "rich", file);
      for (const k of ["title", "provider_name", "provider_url", "html"]) assert.ok(typeof j[k] === "string" && j[k].length > 0, `${file}: ${k}`);
      assert.ok(Number.isInteger(j.width) && j.width > 0 && Number.isInteger(j.height) && j.height > 0, `${file}: width/height`);
      const src = j.html.match(/^<iframe src="([^"]+)"[^>]* title="([^"]+)"[^>]*><\/iframe>$/);
      assert.ok(src, `${file}: one iframe with a src and a title`);
      const url = new URL(src[1].replace(/&amp;/g, "&"));
      assert.ok(url.href.startsWith(j.provider_url), `${file}: the iframe is on our site`);
      assert.equal(url.pathname, `${new URL(j.provider_url).pathname}embed/${w}`, `${file}: the embed route`);
      assert.equal(url.searchParams.get("lang"), lang === "en" ? "en" : null);
      for (const p of pages) {
        const html = readFileSync(`dist/${p}index.html`, "utf8");
        const link = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
        assert.ok(link, `${p}: discovery link`);
        assert.ok(html.includes(`href="${j.provider_url}oembed/${file}"`), `${p}: links ${file}`);
      }
    }
  }
  // Served with a JSON type, and the pages name it.
  const res = await fetch(`${site.url}oembed/kv-cache.json`);
  assert.equal(res.headers.get("content-type"), "application/json");
});

test("under a sub-path, embed.js finds the site from its own address, and oEmbed points there", async () => {
  const extra = {};
  const sub = await serve("target/dist-sub", "/sub/path/", extra);
  try {
    extra["/sub/path/blog.html"] = `<!doctype html><html lang="zh-CN"><title>博客</title><link rel="icon" href="data:,">
<script src="${sub.url}embed.js" defer></script><div id="x" data-llm-explorable="kv-cache?model=meta-llama/Llama-3.1-8B&amp;ctx=32768"></div>`;
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://localhost:${new URL(sub.url).port}/sub/path/blog.html`);
    const { el, frame } = await widgetFrame(page, "x");
    assert.ok((await el.evaluate((f) => f.src)).startsWith(`${sub.url}embed/kv-cache?`));
    assert.equal(await el.evaluate((f) => f.title), "KV 缓存实验室");
    assert.ok(Number(await frame.getAttribute("output[data-key=kv-bytes]", "data-value")) > 0);
    await sizesSettle(page, ["x"], "under a sub-path");
    await context.close();
    const j = JSON.parse(readFileSync("target/dist-sub/oembed/moe.json", "utf8"));
    assert.match(j.provider_url, /\/sub\/path\/$/);
    assert.ok(j.html.includes(`src="${j.provider_url}embed/moe"`), j.html);
    assert.ok(readFileSync("target/dist-sub/embed/moe/index.html", "utf8").includes(`href="${j.provider_url}oembed/moe.json"`));
  } finally {
    sub.close();
  }
});

test("the embed guide (zh and en) has every recipe with this site's embed.js, and no accessibility violation", async () => {
  const recipes = ["html", "mdbook", "hugo", "jekyll", "hexo", "vitepress", "docusaurus", "wordpress", "iframe"];
  for (const [path, h1] of [["embed-guide/", "嵌入指南"], ["en/embed-guide/", "Embed guide"]]) {
    const { page, errors, context } = await openPage(browser, { width: 360 });
    await page.goto(site.url + path);
    await page.waitForSelector("html[data-live] .embed-guide");
    assert.equal(await page.textContent("h1"), h1);
    assert.deepEqual(await page.$$eval("[data-recipe]", (s) => s.map((e) => e.dataset.recipe)), recipes);
    const code = await page.$$eval("[data-recipe] pre", (p) => p.map((e) => e.textContent));
    for (const c of code.slice(0, -1)) assert.ok(c.includes(`${site.url}embed.js`), c);
    assert.ok(code.at(-1).includes(`${site.url}embed/kv-cache?`));
    assert.deepEqual(await axeViolations(page), [], path);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
