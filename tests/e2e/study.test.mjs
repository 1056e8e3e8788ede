// Study mode end to end (headless Chromium, release build in dist/): ratings survive a reload
// and a language switch, export → forget → import restores the same due queue, corrupt stored
// data shows a notice and the site still works, and a computed card checks typed answers.
// Study mode is its own module (widgets/study.js): a new reader's pages never request it until
// they click a rating.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { serve } from "./server.mjs";
import { launch, openPage, axeViolations, catalogueRows, answerSource, appReady } from "./browser.mjs";

let browser, site;
const KEY = "llmx-study";
const BACKUP = "llmx-study-backup";
// Three answered questions, rated Again, Good and Easy: FSRS-5's first intervals are 1, 3 and
// 16 days (w0..w3 = 0.40, 1.18, 3.17, 15.69 days, rounded; Again ≤ Hard < Good < Easy).
const rated = catalogueRows()
  .filter((r) => r.kind === "q" && answerSource("zh", r.slug) && answerSource("en", r.slug))
  .slice(0, 3)
  .map((r, i) => ({ ...r, rate: ["again", "good", "easy"][i] }));
const DAY = 86400000;
const T0 = new Date("2026-03-10T10:00:00Z").getTime();

before(async () => {
  browser = await launch();
  site = await serve("dist", "/");
});
after(async () => {
  await browser?.close();
  site?.close();
});

/** A page whose clock reads `T0 + days` (the app's "today" comes from `Date`). */
async function at(page, days) {
  await page.clock.setFixedTime(new Date(T0 + days * DAY));
}

async function go(page, path) {
  await page.goto(site.url + path);
  await appReady(page);
  if (/study\/$/.test(path)) await studyReady(page);
}

/** Waits until the study module is mounted in the host of `mode` (the site marks it `data-ready`). */
async function studyReady(page, mode = "page") {
  await page.waitForSelector(`.study-host[data-study=${mode}][data-ready]`, { timeout: 20000 });
}

const val = (page, key) => page.getAttribute(`[data-key=${key}]`, "data-value");
const dueList = (page) => page.$$eval("[data-testid=due-list] li", (lis) => lis.map((l) => l.dataset.slug));

async function rateThree(page) {
  for (const q of rated) {
    await go(page, `q/${q.slug}/`);
    await page.click(`[data-rate=${q.rate}]`);
    await page.waitForSelector(`[data-testid=rate-status][data-value]:not([data-value=""])`);
  }
}

test("the pre-rendered /study/ pages are shells with zeros, listing the computed cards", async () => {
  for (const [path, h1] of [["study/index.html", "学习"], ["en/study/index.html", "Study"]]) {
    const html = readFileSync(`dist/${path}`, "utf8");
    assert.match(html, new RegExp(`<h1[^>]*>${h1}</h1>`), path);
    assert.match(html, /data-key="reviewed" data-value="0"/, path);
    assert.match(html, /data-key="due" data-value="0"/, path);
    // The computed cards' questions are readable without JavaScript.
    assert.ok((html.match(/data-card="/g) ?? []).length >= 40, path);
  }
  assert.match(readFileSync("dist/sitemap.xml", "utf8"), /\/en\/study\/<\/loc>/);
  // Every question page is pre-rendered with the rating buttons.
  const q = readFileSync(`dist/q/${rated[0].slug}/index.html`, "utf8");
  for (const r of ["again", "hard", "good", "easy"]) assert.match(q, new RegExp(`data-rate="${r}"`));
  // Study mode is not a widget: no lab or embed page.
  assert.ok(existsSync("dist/widgets/study_bg.wasm"));
  assert.ok(!existsSync("dist/embed/study/index.html") && !existsSync("dist/lab/study/index.html"));
});

test("a new reader's question page requests the study module only when they click a rating", async () => {
  const { page, errors, context } = await openPage(browser);
  const requested = [];
  page.on("request", (r) => {
    if (/widgets\/study(_bg\.wasm|\.js)$/.test(new URL(r.url()).pathname)) requested.push(r.url());
  });
  // A question with a widget: the page's own widget module loads, study mode's does not.
  const withWidget = catalogueRows().find((r) => r.kind === "q" && /```widget /.test(answerSource("zh", r.slug) ?? ""));
  for (const path of ["", `q/${withWidget.slug}/`, `q/${rated[0].slug}/`]) {
    await go(page, path);
    await page.waitForLoadState("networkidle");
  }
  assert.deepEqual(requested, [], "no study module before a rating");
  assert.equal(await page.$(".study-host[data-ready]"), null);
  assert.deepEqual(await axeViolations(page), [], "the static rating bar");
  await page.click("[data-rate=hard]");
  await studyReady(page, "rate");
  await page.waitForSelector(`[data-testid=rate-status][data-value]:not([data-value=""])`);
  assert.equal(requested.length, 2, "the module's JS and wasm, once");
  assert.match(await page.textContent("[data-testid=rate-status]"), /很吃力/);
  // Each button now shows the interval FSRS would give.
  assert.match(await page.textContent("[data-rate=good] small"), /天/);
  assert.deepEqual(await axeViolations(page), [], "the live rating bar");
  assert.deepEqual(errors, []);
  await context.close();
});

test("three ratings survive a reload and a language switch; the queue follows the days", async () => {
  const { page, errors, context } = await openPage(browser);
  await at(page, 0);
  await rateThree(page);
  // The bar says when the next review is: 1, 3 and 16 days later.
  await go(page, `q/${rated[1].slug}/`);
  const today = Math.floor(T0 / DAY);
  assert.equal(await val(page, "next-due"), String(today + 3));
  assert.match(await page.textContent("[data-testid=rate-status]"), /3 天后/);

  await go(page, "study/");
  assert.equal(await val(page, "reviewed"), "3");
  assert.equal(await val(page, "due"), "0");
  assert.equal(await val(page, "streak"), "1");

  await at(page, 1);
  await page.reload();
  await appReady(page);
  await studyReady(page);
  assert.equal(await val(page, "reviewed"), "3");
  assert.equal(await val(page, "due"), "1");
  assert.deepEqual(await dueList(page), [rated[0].slug]);

  await at(page, 3);
  await page.reload();
  await appReady(page);
  await studyReady(page);
  assert.equal(await val(page, "due"), "2");
  assert.deepEqual(await dueList(page), [rated[0].slug, rated[1].slug], "most overdue first");
  assert.equal(await val(page, "streak"), "0", "no rating yesterday or today");

  await page.click("[data-testid=lang-switch]");
  await page.waitForURL(/\/en\/study\/$/);
  await page.waitForSelector(".study-host[data-ready] h1:text('Study')");
  assert.equal(await val(page, "reviewed"), "3");
  assert.equal(await val(page, "due"), "2");
  assert.deepEqual(await dueList(page), [rated[0].slug, rated[1].slug]);
  const chapterSum = await page.$$eval("[data-key=chapter-reviewed]", (els) => els.reduce((s, e) => s + Number(e.dataset.value), 0));
  assert.equal(chapterSum, 3);

  // The home page shows the progress per chapter (only chapters with a rated question).
  await go(page, "en/");
  await studyReady(page, "progress");
  const home = await page.$$eval("[data-key=chapter-progress]", (els) => els.reduce((s, e) => s + Number(e.dataset.value), 0));
  assert.equal(home, 3);
  assert.deepEqual(await axeViolations(page), []);
  await go(page, "en/study/");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("export → forget everything → import restores the same due queue", async () => {
  const { page, errors, context } = await openPage(browser);
  await at(page, 0);
  await rateThree(page);
  await at(page, 3);
  await go(page, "study/");
  const before = await dueList(page);
  assert.equal(before.length, 2);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export]")]);
  assert.match(download.suggestedFilename(), /^llm-explorables-study-2026-03-13\.json$/);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(exported.version, 1);
  assert.deepEqual(Object.keys(exported.cards).sort(), rated.map((q) => q.slug).sort());

  await page.click("[data-testid=forget]");
  await page.click("[data-testid=forget-confirm]");
  await page.waitForSelector("[data-testid=study-notice][data-kind=forgotten]");
  assert.equal(await val(page, "reviewed"), "0");
  assert.equal(await val(page, "due"), "0");
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await page.reload();
  await appReady(page);
  await studyReady(page);
  assert.equal(await val(page, "reviewed"), "0");

  await page.setInputFiles("[data-testid=import]", file);
  await page.waitForSelector("[data-testid=study-notice][data-kind=imported]");
  assert.equal(await val(page, "reviewed"), "3");
  assert.deepEqual(await dueList(page), before);
  await page.reload();
  await appReady(page);
  await studyReady(page);
  assert.deepEqual(await dueList(page), before, "the import was stored");

  // A file that is not study data changes nothing and says why.
  await page.setInputFiles("[data-testid=import]", { name: "x.json", mimeType: "application/json", buffer: Buffer.from("{\"version\": 7}") });
  await page.waitForSelector("[data-testid=study-notice][data-kind=import-failed]");
  assert.match(await page.textContent("[data-testid=study-notice]"), /7/);
  assert.deepEqual(await dueList(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a corrupted stored value shows a notice, is kept as a backup, and the site works", async () => {
  for (const bad of ["{not json", "{\"version\":99,\"cards\":{},\"log\":[]}", "{\"version\":1,\"cards\":7}"]) {
    const { page, errors, context } = await openPage(browser);
    await page.addInitScript(([k, v]) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem(k, v);
        sessionStorage.setItem("seeded", "1");
      }
    }, [KEY, bad]);
    await go(page, "");
    await page.waitForSelector("[data-testid=study-notice][data-kind=corrupt]");
    assert.match(await page.textContent("[data-testid=study-notice]"), new RegExp(BACKUP));
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), bad);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    // The site works: a question page, a rating, /study/ counts it.
    await page.click(`.question-list a[href="/q/${rated[0].slug}/"]`);
    await page.waitForSelector("[data-rate=good]");
    await page.click("[data-rate=good]");
    await page.waitForSelector(`[data-testid=rate-status][data-value]:not([data-value=""])`);
    await go(page, "study/");
    assert.equal(await val(page, "reviewed"), "1");
    assert.equal(await page.$("[data-testid=study-notice]"), null, "the notice is shown once");
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), BACKUP), bad, "the backup stays");
    assert.deepEqual(errors, [], bad);
    await context.close();
  }
});

test("a computed card accepts the right answer, rejects a wrong one, and links to the widget state", async () => {
  const { page, errors, context } = await openPage(browser);
  await go(page, "en/study/");
  const card = page.locator('.study-host[data-ready] [data-card="kv-llama-3-1-8b-32768-bf16"]');
  await card.locator("input").waitFor();
  assert.match(await card.locator(".card-q").textContent(), /Llama 3\.1 8B at 32,768 tokens in bf16/);
  const check = async (text) => {
    await card.locator("input").fill(text);
    await card.locator("[data-testid=card-check]").click();
    return card.locator("[data-testid=card-result]").getAttribute("data-verdict");
  };
  assert.equal(await check("4 GiB"), "right");
  assert.equal(await check("4096 MiB"), "right");
  assert.equal(await check("4294967296"), "right");
  assert.equal(await check("4 GB"), "wrong");
  assert.match(await card.locator("[data-testid=card-result]").textContent(), /4\.00 GiB \(4294967296 bytes\)/);
  assert.equal(await check("lots"), "unreadable");
  assert.match(await card.locator("[data-testid=card-result]").textContent(), /not a number/);
  // A list answer.
  const grpo = page.locator('.study-host[data-ready] [data-card="grpo-grpo-1000"]');
  await grpo.locator("input").fill("1.5, -0.5, -0.5, -0.5");
  await grpo.locator("[data-testid=card-check]").click();
  assert.equal(await grpo.locator("[data-testid=card-result]").getAttribute("data-verdict"), "right");
  // The link opens the widget in that state, and the widget shows the same number.
  const href = await card.locator("a.card-link").getAttribute("href");
  assert.equal(href, "/en/lab/kv-cache/?model=meta-llama/Llama-3.1-8B&ctx=32768&dtype=bf16");
  await card.locator("a.card-link").click();
  await page.waitForSelector("[data-key=kv-bytes][data-value='4294967296']", { timeout: 20000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test("under a sub-path /study/ loads its module and cards, and its links keep the prefix", async () => {
  const sub = await serve("target/dist-sub", "/sub/path/");
  const { page, errors, context } = await openPage(browser);
  try {
    await page.goto(sub.url + "en/study/");
    await appReady(page);
    const card = page.locator('.study-host[data-ready] [data-card="kv-llama-3-1-8b-32768-bf16"]');
    await card.locator("input").waitFor();
    assert.equal(await card.locator("a.card-link").getAttribute("href"), "/sub/path/en/lab/kv-cache/?model=meta-llama/Llama-3.1-8B&ctx=32768&dtype=bf16");
    const dueLink = await page.getAttribute(".study-host[data-ready] .chapter-row a", "href");
    assert.match(dueLink, /^\/sub\/path\/en\/s\//);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    sub.close();
  }
});
