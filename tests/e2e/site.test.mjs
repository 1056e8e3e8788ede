// End-to-end tests of the site shell in headless Chromium against the release build in dist/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./server.mjs";
import { launch, openPage, axeViolations, catalogueRows, answerSource, appReady } from "./browser.mjs";

let browser, site, sub;
const rows = catalogueRows();
const questions = rows.filter((r) => r.kind === "q");

// A question in the required articles whose answer has display math, code and a widget slot.
const mathQuestion = questions.find((q) => {
  const md = answerSource("zh", q.slug);
  return md && md.includes("$$");
});

before(async () => {
  browser = await launch();
  site = await serve("dist", "/");
  sub = await serve("target/dist-sub", "/sub/path/");
});
after(async () => {
  await browser?.close();
  site?.close();
  sub?.close();
});

async function visit(url, opts) {
  const { page, errors, context } = await openPage(browser, opts);
  await page.goto(url);
  await appReady(page);
  return { page, errors, context };
}

test("home lists every chapter and every question of the catalogue", async () => {
  const { page, errors, context } = await visit(site.url);
  const chapters = await page.$$eval("section.chapter > h2", (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(chapters, rows.filter((r) => r.kind === "chapter").map((r) => r.zh));
  const links = await page.$$eval(".question-list a", (as) => as.map((a) => a.getAttribute("href")));
  assert.equal(links.length, questions.length);
  assert.deepEqual(new Set(links), new Set(questions.map((q) => `/q/${q.slug}/`)));
  assert.match(await page.title(), /大模型面试/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a deep link shows the question's title and its answer with MathML", async () => {
  assert.ok(mathQuestion, "some answer has display math");
  const { page, errors, context } = await visit(`${site.url}q/${mathQuestion.slug}`);
  assert.equal((await page.textContent("[data-testid=question-title]")).trim(), mathQuestion.zh);
  await page.waitForSelector("[data-testid=answer] h2");
  const heads = await page.$$eval("[data-testid=answer] h2", (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(heads, ["简答", "详解", "追问与陷阱", "参考来源"]);
  assert.ok((await page.$$("[data-testid=answer] math")).length > 0, "math rendered as MathML");
  assert.equal(await page.$("[data-testid=answer] .katex, [data-testid=answer] script"), null);
  const text = await page.textContent("[data-testid=answer]");
  assert.ok(!text.includes("$$"), "no raw LaTeX delimiters left");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the language switch changes the text, keeps the page and is in the URL", async () => {
  const q = mathQuestion;
  const { page, errors, context } = await visit(`${site.url}q/${q.slug}`);
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction((en) => document.querySelector("[data-testid=question-title]")?.textContent.trim() === en, q.en);
  const url = new URL(page.url());
  assert.equal(url.pathname, `/en/q/${q.slug}/`, "English pages live under /en/");
  assert.equal(url.searchParams.get("lang"), null);
  await page.waitForSelector("[data-testid=answer] h2");
  const heads = await page.$$eval("[data-testid=answer] h2", (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(heads, ["Short answer", "How it works", "Follow-ups and traps", "Sources"]);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  // Links on the page carry the language.
  const home = await page.getAttribute(".brand", "href");
  assert.equal(home, "/en/");
  // An old ?lang=en link opens in English and moves to the /en/ address.
  await page.goto(`${site.url}?lang=en`);
  await appReady(page);
  await page.waitForFunction(() => location.pathname === "/en/" && !location.search);
  const firstChapter = rows.find((r) => r.kind === "chapter");
  assert.equal((await page.textContent("section.chapter > h2")).trim(), firstChapter.en);
  assert.deepEqual(errors, []);
  await context.close();
});

test("client-side navigation and the back button work", async () => {
  const { page, errors, context } = await visit(site.url);
  const target = questions[0];
  await page.click(`.question-list a[href="/q/${target.slug}/"]`);
  await page.waitForSelector("[data-testid=question-title]");
  assert.equal((await page.textContent("[data-testid=question-title]")).trim(), target.zh);
  await page.click(".prev-next .next");
  await page.waitForFunction((t) => document.querySelector("[data-testid=question-title]")?.textContent.trim() === t, questions[1].zh);
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector("[data-testid=question-title]")?.textContent.trim() === t, target.zh);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an answer that cannot be loaded says so plainly, without a page error", async () => {
  // Every question is answered, so the failure paths are provoked: a missing file, then a network error.
  const q = questions.find((q) => answerSource("en", q.slug));
  for (const [fail, message] of [
    [(route) => route.fulfill({ status: 404, body: "" }), /This answer file is missing/],
    [(route) => route.abort("failed"), /Could not load the answer/],
  ]) {
    const { page, errors, context } = await openPage(browser);
    await page.route(`**/content/en/${q.slug}.html`, fail);
    await page.goto(`${site.url}q/${q.slug}?lang=en`);
    await page.waitForSelector("main .error");
    assert.match(await page.textContent("main .error"), message);
    assert.equal(await page.textContent("h1"), q.en);
    assert.deepEqual(errors.filter((e) => !/404|Failed to load resource|net::ERR_FAILED/.test(e)), []);
    await context.close();
  }
});

test("the labs page describes every widget and links the answers that use it", async () => {
  const { page, errors, context } = await visit(`${site.url}lab?lang=en`);
  await page.waitForSelector(".lab-list li[data-widget]");
  const items = await page.$$eval(".lab-list li[data-widget]", (lis) => lis.map((li) => ({
    name: li.dataset.widget,
    href: li.querySelector("h2 a").getAttribute("href"),
    about: li.querySelector("p").textContent,
    used: [...li.querySelectorAll(".used-in a")].map((a) => a.getAttribute("href").split("/q/")[1].split(/[/?]/)[0]),
  })));
  const names = ["attention-mask", "grpo", "kl-estimators", "kv-cache", "moe", "norm-placement", "positional-encoding", "sampling", "test-time-scaling"];
  assert.deepEqual(items.map((i) => i.name), names);
  for (const item of items) {
    assert.match(item.href, new RegExp(`/en/lab/${item.name}/(\\?|$)`));
    assert.ok(item.about.length > 40, `${item.name} has a description`);
    // Independently: the answers whose Markdown places this widget.
    const expected = questions
      .filter((q) => new RegExp("^```widget " + item.name + "(\\s|$)", "m").test(answerSource("zh", q.slug) ?? answerSource("en", q.slug) ?? ""))
      .map((q) => q.slug);
    assert.ok(expected.length > 0, `some answer uses ${item.name}`);
    assert.deepEqual(item.used, expected, `answers listed for ${item.name}`);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

// Search has its own file: search.test.mjs.

test("every widget mounts inside an answer that uses it, without notices or errors", async () => {
  for (const name of ["attention-mask", "grpo", "kl-estimators", "kv-cache", "moe", "norm-placement", "positional-encoding", "sampling", "test-time-scaling"]) {
    const q = questions.find((q) => new RegExp("^```widget " + name + "(\\s|$)", "m").test(answerSource("en", q.slug) ?? ""));
    assert.ok(q, `an answer uses ${name}`);
    const { page, errors, context } = await visit(`${site.url}q/${q.slug}?lang=en`);
    await page.waitForSelector(`.widget-slot .widget[data-widget=${name}] pre[data-export=json]`, { state: "attached", timeout: 20000 });
    await page.waitForFunction((n) => document.querySelector(`.widget[data-widget=${n}] pre[data-export=json]`).textContent.length > 2, name);
    assert.equal(await page.$$eval(`.widget[data-widget=${name}] .notice`, (ns) => ns.length), 0, `${q.slug}: no notice`);
    assert.deepEqual(errors, [], `${q.slug}: no page errors`);
    await context.close();
  }
});

test("the site works under a sub-path", async () => {
  const q = mathQuestion;
  const { page, errors, context } = await visit(`${sub.url}q/${q.slug}`);
  assert.equal((await page.textContent("[data-testid=question-title]")).trim(), q.zh);
  await page.waitForSelector("[data-testid=answer] math");
  assert.equal(await page.getAttribute(".brand", "href"), "/sub/path/");
  await page.click(".brand");
  await page.waitForSelector("section.chapter");
  assert.equal(new URL(page.url()).pathname, "/sub/path/");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an unknown slug shows the not-found page with a link home", async () => {
  for (const path of ["q/no-such-question", "s/nope", "totally/unknown"]) {
    const { page, errors, context } = await visit(`${site.url}${path}`);
    await page.waitForSelector("[data-testid=not-found]");
    assert.equal(await page.getAttribute("[data-testid=not-found] a.button", "href"), "/");
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the embed route has no chrome, explains unknown widgets and posts its height", async () => {
  const parent = `<!doctype html><title>p</title><link rel="icon" href="data:,"><iframe id="f" src="/embed/no-such-widget"></iframe>
    <script>window.heights=[];addEventListener("message",e=>{if(e.data&&e.data.type==="llm-explorables:height")heights.push(e.data.height)})</script>`;
  const host = await serve("dist", "/", { "/parent.html": parent });
  const { page, errors, context } = await openPage(browser);
  await page.goto(`${host.url}parent.html`);
  await page.waitForFunction(() => window.heights.length > 0 && window.heights.at(-1) > 50, null, { timeout: 20000 });
  const frame = page.frames().find((f) => f.url().includes("/embed/"));
  assert.ok(frame);
  await frame.waitForSelector("[data-testid=unknown-widget]");
  assert.match(await frame.textContent("[data-testid=unknown-widget]"), /no-such-widget/);
  assert.equal(await frame.$(".site-header"), null, "no site chrome in an embed");
  assert.deepEqual(errors, []);
  await context.close();
  host.close();
});

test("pages fit a 360 px phone without horizontal overflow", async () => {
  const embeds = ["attention-mask?n=64", "grpo", "grpo?algo=dapo&rewards=1,0,0,1&lengths=200,900,1500,400", "kl-estimators", "kl-estimators?preset=peaked", "kv-cache", "moe", "norm-placement", "positional-encoding", "positional-encoding?scheme=alibi", "sampling", "sampling?preset=long-tail&top_k=10&top_p=0.9", "test-time-scaling", "test-time-scaling?panel=budget", "test-time-scaling?panel=majority", "test-time-scaling?n=10000&c=30&k=100"]
    .map((e) => `embed/${e}`);
  for (const path of ["", "?q=混合专家", `q/${mathQuestion.slug}`, "lab", "glossary", ...embeds]) {
    const { page, errors, context } = await openPage(browser, { width: 360, height: 740 });
    await page.goto(`${site.url}${path}`);
    if (path.startsWith("embed/")) await page.waitForSelector(".widget pre[data-export=json]", { state: "attached", timeout: 20000 });
    else await appReady(page);
    if (path.startsWith("q/")) await page.waitForSelector("[data-testid=answer] h2");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px at 360px: ${path}`);
    // Nothing sticks out of the viewport unless it sits in its own scrolling box (wide tables);
    // the widget frame itself scrolls only as a last resort, so it does not count.
    const clipped = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const scrolls = (e) => ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
      return [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > vw + 1 && e.getClientRects().length)
        .filter((e) => { for (let a = e.parentElement; a && !a.classList.contains("widget"); a = a.parentElement) if (scrolls(a)) return false; return true; })
        .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    });
    assert.deepEqual(clipped, [], `elements cut off at 360px: ${path}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the theme toggle switches light/dark and is remembered", async () => {
  const { page, errors, context } = await visit(site.url);
  const before = await page.getAttribute("html", "data-theme");
  await page.click(".icon-button");
  const afterToggle = await page.getAttribute("html", "data-theme");
  assert.notEqual(afterToggle, before);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getAttribute("html", "data-theme"), afterToggle);
  assert.deepEqual(errors, []);
  await context.close();
});
