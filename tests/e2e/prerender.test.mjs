// Pre-rendered pages: every route is a real file with its own head, served with status 200 by
// a plain static host; the text is there with JavaScript off; the app takes a page over
// without layout shift or duplicated content.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { serve } from "./server.mjs";
import { openPage, catalogueRows, answerSource, appReady } from "./browser.mjs";
import { useSite } from "./harness.mjs";

const rows = catalogueRows();
const questions = rows.filter((r) => r.kind === "q");
const sections = rows.filter((r) => r.kind === "chapter" || r.kind === "section");
// (widgets/study.js is study mode's module, not a widget.)
const WIDGETS = readdirSync("dist/widgets").filter((f) => f.endsWith(".js")).map((f) => f.slice(0, -3)).filter((w) => w !== "study");
const SITE = "https://llm-explorables.example/";

/** Every page below the base: [path, lang, expected h1]. */
function allPages() {
  const pages = [];
  for (const lang of ["zh", "en"]) {
    const p = lang === "en" ? "en/" : "";
    pages.push([p, lang, null]);
    for (const s of sections) pages.push([`${p}s/${s.slug}/`, lang, s[lang]]);
    for (const q of questions) pages.push([`${p}q/${q.slug}/`, lang, q[lang]]);
    pages.push([`${p}lab/`, lang, null]);
    for (const w of WIDGETS) pages.push([`${p}lab/${w}/`, lang, null]);
    pages.push([`${p}glossary/`, lang, null]);
    pages.push([`${p}embed-guide/`, lang, lang === "en" ? "Embed guide" : "嵌入指南"]);
    pages.push([`${p}study/`, lang, lang === "en" ? "Study" : "学习"]);
  }
  return pages;
}

const head = (html, re) => (html.match(re) ?? [])[1];
const unescape = (s) => s?.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

test("every page is a file with its own title, description, canonical, alternates and card tags", () => {
  const pages = allPages();
  assert.equal(pages.length, 2 * (5 + sections.length + questions.length + WIDGETS.length));
  const descriptions = new Map();
  for (const [path, lang, h1] of pages) {
    const file = `dist/${path}index.html`;
    assert.ok(existsSync(file), `${file} exists`);
    const html = readFileSync(file, "utf8");
    const title = unescape(head(html, /<title>([^<]*)<\/title>/));
    assert.ok(title, `${path}: title`);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1, `${path}: one h1`);
    if (h1) assert.ok(title.startsWith(h1), `${path}: title starts with "${h1}": ${title}`);
    assert.equal(head(html, /<html lang="([^"]+)"/), lang === "en" ? "en" : "zh-CN", `${path}: html lang`);
    const description = unescape(head(html, /<meta name="description" content="([^"]*)"/));
    assert.ok(description && description.length >= 20, `${path}: description "${description}"`);
    assert.ok([...description].length <= 160, `${path}: description ≤ 160 characters (${[...description].length})`);
    assert.ok(!descriptions.has(description), `${path}: description also used by ${descriptions.get(description)}`);
    descriptions.set(description, path);
    assert.equal(head(html, /<link rel="canonical" href="([^"]+)"/), SITE + path, `${path}: canonical`);
    const bare = lang === "en" ? path.slice(3) : path;
    assert.equal(head(html, /hreflang="zh-CN" href="([^"]+)"/), SITE + bare, `${path}: zh alternate`);
    assert.equal(head(html, /hreflang="en" href="([^"]+)"/), SITE + "en/" + bare, `${path}: en alternate`);
    assert.equal(head(html, /hreflang="x-default" href="([^"]+)"/), SITE + bare, `${path}: x-default`);
    for (const tag of ['property="og:title"', 'property="og:description"', 'property="og:url"', 'name="twitter:card"']) {
      assert.ok(html.includes(`<meta ${tag}`), `${path}: ${tag}`);
    }
    const ld = head(html, /<script type="application\/ld\+json">(.*?)<\/script>/s);
    if (path.includes("q/")) {
      const data = JSON.parse(ld);
      assert.equal(data["@type"], "QAPage", path);
      assert.equal(data.mainEntity.name, h1, path);
      assert.ok(data.mainEntity.acceptedAnswer.text.length > 20, `${path}: answer text`);
      assert.equal(data.mainEntity.acceptedAnswer.url, SITE + path);
    } else {
      assert.equal(ld, undefined, `${path}: QAPage data only on questions`);
    }
  }
  const sitemap = readFileSync("dist/sitemap.xml", "utf8");
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(new Set(locs), new Set(pages.map(([p]) => SITE + p)), "the sitemap lists every page once");
  assert.equal(locs.length, pages.length);
  assert.match(readFileSync("dist/robots.txt", "utf8"), new RegExp(`Sitemap: ${SITE}sitemap.xml`));
});

test("a plain static host serves every route with 200, at / and under a sub-path, and 404 for unknown paths", async () => {
  for (const [root, prefix] of [["dist", "/"], ["target/dist-sub", "/sub/path/"]]) {
    const host = await serve(root, prefix);
    try {
      for (const [path] of allPages()) {
        const r = await fetch(`${host.url}${path}`);
        assert.equal(r.status, 200, `${prefix}${path}`);
        await r.arrayBuffer();
      }
      for (const path of ["q/no-such-question/", "en/q/nope/", "totally/unknown"]) {
        const r = await fetch(`${host.url}${path}`);
        assert.equal(r.status, 404, `${prefix}${path}`);
        assert.match(await r.text(), /data-testid="not-found"/);
      }
    } finally {
      host.close();
    }
  }
  // Under the sub-path every link and asset carries the prefix.
  const sub = readFileSync("target/dist-sub/en/q/grpo/index.html", "utf8");
  assert.ok(!/(href|src)="\/(?!sub\/path\/)/.test(sub.replace(/https:\/\/[^"]*/g, "")), "no link escapes the sub-path");
});

const env = useSite();

test("with JavaScript off, a question page shows its title, answer and math in each language", async () => {
  const q = questions.find((q) => q.slug === "grpo");
  for (const lang of ["zh", "en"]) {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.site.url}${lang === "en" ? "en/" : ""}q/${q.slug}/`);
    assert.equal((await page.textContent("h1")).trim(), q[lang]);
    assert.match(await page.title(), new RegExp(q[lang].slice(0, 10).replace(/[()（）]/g, ".")));
    const heads = await page.$$eval("[data-testid=answer] h2", (hs) => hs.map((h) => h.textContent.trim()));
    assert.deepEqual(heads, lang === "en" ? ["Short answer", "How it works", "Follow-ups and traps", "Sources"] : ["简答", "详解", "追问与陷阱", "参考来源"]);
    // A sentence of the answer, taken from the Markdown independently.
    const md = answerSource(lang, q.slug);
    const line = md.split("\n").find((l) => /^[A-Za-z\u4e00-\u9fff]/.test(l) && !l.includes("\\") && !l.includes("$") && !l.includes("{{") && !l.includes("**") && !l.includes("`") && !l.includes("[") && l.length > 30);
    assert.ok(line, "a plain sentence in the answer");
    assert.ok((await page.textContent("[data-testid=answer]")).includes(line.slice(0, 30)), `answer text: ${line.slice(0, 30)}`);
    assert.ok((await page.$$("[data-testid=answer] math")).length > 5, "MathML");
    assert.ok(await page.$(".prev-next .next"), "next link");
    assert.ok(await page.isVisible(".other-lang"), "the title in the other language");
    // …unless it is the same text.
    const same = questions.find((q) => q.zh === q.en);
    await page.goto(`${env.site.url}${lang === "en" ? "en/" : ""}q/${same.slug}/`);
    assert.equal(await page.isVisible(".other-lang"), false, `${same.slug}: the same title is not repeated`);
    await context.close();
  }
});

test("with JavaScript off, the page follows the system's light or dark mode", async () => {
  for (const [colorScheme, bg] of [["dark", "rgb(17, 20, 24)"], ["light", "rgb(255, 255, 255)"]]) {
    const context = await env.browser.newContext({ javaScriptEnabled: false, colorScheme });
    const page = await context.newPage();
    await page.goto(`${env.site.url}en/q/grpo/`);
    assert.equal(await page.$eval("html", (h) => h.getAttribute("data-theme")), null, "no theme script ran");
    assert.equal(await page.$eval("body", (b) => getComputedStyle(b).backgroundColor === "rgba(0, 0, 0, 0)" ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(b).backgroundColor), bg, colorScheme);
    await context.close();
  }
});

test("the app takes a pre-rendered page over without layout shift or duplicated content", async () => {
  for (const path of ["", "q/grpo/", "en/q/deepseek-mla/", "lab/", "lab/kv-cache/", "en/lab/grpo/"]) {
    const { page, errors, context } = await openPage(env.browser);
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${env.site.url}${path}`);
    await appReady(page);
    await page.waitForTimeout(1500);
    const counts = await page.evaluate(() => ({
      app: document.querySelectorAll("#app").length,
      header: document.querySelectorAll(".site-header").length,
      main: document.querySelectorAll("main").length,
      h1: document.querySelectorAll("h1").length,
      answer: document.querySelectorAll("[data-testid=answer]").length,
    }));
    // (A lab page has no h1 of its own: the widget frame titles it.)
    assert.deepEqual(counts, { app: 1, header: 1, main: 1, h1: 1, answer: path.includes("q/") ? 1 : 0 }, path);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls <= 0.02, `${path}: cumulative layout shift ${cls}`);
    assert.deepEqual(errors, [], path);
    await context.close();
  }
});

test("a page that shows a widget makes it live before the site's wasm loads, and the app adopts it as it is", async () => {
  for (const path of ["lab/kv-cache/?ctx=1024", "q/deepseek-mla/"]) {
    const { page, errors, context } = await openPage(env.browser);
    // Hold the site's wasm back until the widget has been used.
    let release;
    const held = new Promise((r) => (release = r));
    const order = [];
    page.on("requestfinished", (r) => order.push(r.url().split("/").pop()));
    await page.route(/llm-explorables-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${env.site.url}${path}`);
    const ctx = "input[data-control=ctx]";
    await page.waitForSelector(`.widget[data-widget=kv-cache] ${ctx}`, { timeout: 20000 });
    assert.equal(await page.$("html[data-live]"), null, `${path}: the widget is live before the app`);
    await page.fill(ctx, "65536");
    await page.press(ctx, "Enter");
    const bytes = async () => page.$eval(".widget[data-widget=kv-cache] output[data-key=kv-bytes]", (o) => o.dataset.value);
    const used = await bytes();
    release();
    await appReady(page);
    await page.waitForTimeout(500);
    assert.equal(await page.$$eval(".widget[data-widget=kv-cache]", (w) => w.length), 1, `${path}: one widget, not two`);
    assert.equal(await page.$eval(`.widget[data-widget=kv-cache] ${ctx}`, (i) => i.value), "65536", `${path}: the app kept the widget's state`);
    assert.equal(await bytes(), used, path);
    assert.deepEqual(await page.evaluate(() => __llmxEarly.filter((e) => e.name)), [], `${path}: every early widget adopted`);
    const widgetWasm = order.indexOf("kv-cache_bg.wasm");
    const siteWasm = order.findIndex((f) => /^llm-explorables-[0-9a-f]+_bg\.wasm$/.test(f));
    assert.ok(widgetWasm >= 0 && widgetWasm < siteWasm, `${path}: widget module first: ${order.join(" ")}`);
    // The adopted widget still answers: a new value reaches it after the takeover.
    await page.fill(ctx, "2048");
    await page.press(ctx, "Enter");
    await page.waitForFunction((u) => document.querySelector(".widget[data-widget=kv-cache] output[data-key=kv-bytes]").dataset.value !== u, used);
    assert.deepEqual(errors, [], path);
    await context.close();
  }
});

test("without JavaScript a lab page shows its widget's default numbers, the same as the live widget's", async () => {
  for (const path of ["lab/kv-cache/", "en/lab/grpo/"]) {
    const off = await env.browser.newContext({ javaScriptEnabled: false });
    const p = await off.newPage();
    await p.goto(`${env.site.url}${path}`);
    const fallback = await p.$$eval(".widget-host .widget-fallback output[data-key]", (os) => os.map((o) => [o.dataset.key, o.dataset.value]));
    await off.close();
    assert.ok(fallback.length > 0, `${path}: fallback numbers`);
    const { page, errors, context } = await openPage(env.browser);
    await page.goto(`${env.site.url}${path}`);
    await appReady(page);
    for (const [key, value] of fallback) {
      await page.waitForSelector(`.widget-host .widget [data-key=${key}]`, { timeout: 20000 });
      assert.equal(await page.$eval(`.widget-host .widget [data-key=${key}]`, (o) => o.dataset.value), value, `${path}: ${key}`);
    }
    assert.equal(await page.$(".widget-host .widget-fallback"), null, `${path}: the live widget replaced the preview`);
    assert.deepEqual(errors, [], path);
    await context.close();
  }
});

test("without JavaScript a widget slot shows the widget's numbers, and the live widget shows the same", async () => {
  for (const [slug, name] of [["deepseek-mla", "kv-cache"], ["bert-vs-gpt", "attention-mask"]]) {
    const md = answerSource("en", slug);
    assert.ok(md.includes("```widget " + name), `${slug} places ${name}`);
    for (const lang of ["zh", "en"]) {
      const url = `${env.site.url}${lang === "en" ? "en/" : ""}q/${slug}/`;
      const off = await env.browser.newContext({ javaScriptEnabled: false });
      const p = await off.newPage();
      await p.goto(url);
      const fallback = await p.$$eval(`.widget-slot[data-widget=${name}] .widget-fallback output[data-key]`, (os) => os.map((o) => [o.dataset.key, o.dataset.value]));
      assert.ok(fallback.length > 0, `${lang}/${slug}: fallback numbers`);
      assert.ok(fallback.every(([, v]) => Number(v) > 0), `${lang}/${slug}: ${JSON.stringify(fallback)}`);
      await off.close();
      // The live widget, mounted into the same slot, computes the same values.
      const { page, errors, context } = await openPage(env.browser);
      await page.goto(url);
      const live = `.widget-slot[data-widget=${name}] .widget[data-widget=${name}]`;
      await page.waitForSelector(`${live} output[data-key=${fallback[0][0]}]`, { timeout: 20000 });
      assert.equal(await page.$(`.widget-slot[data-widget=${name}] .widget-fallback`), null, "the live widget replaced the preview");
      for (const [key, value] of fallback) {
        assert.equal(await page.getAttribute(`${live} output[data-key=${key}]`, "data-value"), value, `${lang}/${slug} ${key}`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
