// End-to-end tests of search (issue #16) in headless Chromium against the release build in
// dist/: the header box on every page, ranked results with highlighted snippets, keyboard
// navigation, the query in the URL, what a query downloads, and the glossary page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openPage, axeViolations, appReady } from "./browser.mjs";
import { useSite } from "./harness.mjs";

const env = useSite();

async function visit(url, opts) {
  const { page, errors, context } = await openPage(env.browser, opts);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(url);
  await appReady(page);
  return { page, errors, context, requests };
}

const slugs = (page) => page.$$eval("a[data-search-result]", (as) => as.map((a) => a.dataset.slug));
/** Waits until the results are final (the index for the query is loaded) and returns the slugs. */
async function results(page) {
  await page.waitForFunction(() => {
    const st = document.querySelector("[data-testid=search-status]");
    return st && !st.textContent.includes("…") && !st.textContent.includes("...");
  });
  return slugs(page);
}

// Answers about mixture-of-experts (their titles say so; independent of the ranking code).
const MOE = ["moe-core-idea", "moe-pros", "deepseek-moe", "qwen3-moe", "why-qwen3-dense-and-moe-variants", "qwen3-moe-variants"];

test("the header box on a question page: / focuses it, results are ranked with highlighted snippets, arrows and Enter open one", async () => {
  const { page, errors, context, requests } = await visit(`${env.site.url}q/gqa-intro/`);
  // `/` outside a text field focuses the box.
  await page.click("h1");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "site-search");
  await page.keyboard.type("混合专家");
  const got = await results(page);
  assert.ok(got.length > 0, "results");
  assert.ok(got.slice(0, 5).some((s) => MOE.includes(s)), `an MoE answer in the top five: ${got.slice(0, 5)}`);
  // The snippet marks a name of the concept: the query itself or its glossary synonym MoE.
  const marks = await page.$$eval("[data-search-result] mark", (ms) => ms.map((m) => m.textContent));
  assert.ok(marks.length > 0, "highlighted snippet text");
  assert.ok(marks.every((m) => /^(混合专家|混合专家模型|moe|mixture[ -]of[ -]experts|混合|合专|专家)$/i.test(m)), `marks: ${marks}`);
  // A typed query on a question page leaves its URL alone.
  assert.equal(await page.evaluate(() => location.pathname + location.search), "/q/gqa-intro/");
  // What the first query downloaded: index metadata, a few shards, a few snippet texts.
  const shards = requests.filter((p) => /^\/content\/search\/zh\/\d+\.txt$/.test(p));
  assert.ok(requests.includes("/content/search/zh/meta.txt"));
  assert.ok(shards.length >= 1 && shards.length <= 6, `shards fetched: ${shards.length}`);
  assert.ok(!requests.some((p) => /^\/content\/search\/en\//.test(p)), "Chinese query: no English index");
  // ↓ ↓ ↑ ↓ selects the second result; Enter opens it.
  for (const k of ["ArrowDown", "ArrowDown", "ArrowUp", "ArrowDown"]) await page.keyboard.press(k);
  const selected = await page.$eval("a[aria-selected=true][data-search-result]", (a) => a.dataset.slug);
  assert.equal(selected, got[1]);
  assert.equal(await page.$eval("#site-search", (i) => i.getAttribute("aria-activedescendant")), "search-result-1");
  await page.keyboard.press("Enter");
  await page.waitForFunction((s) => location.pathname === `/q/${s}/`, got[1]);
  await page.waitForSelector(`[data-testid=answer][data-slug="${got[1]}"]`, { state: "attached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the query lives in the URL: /?q= and /en/?q= open with results; Enter without a choice goes there", async () => {
  const { page, errors, context } = await visit(`${env.site.url}?q=GQA`);
  assert.equal(await page.inputValue("#site-search"), "GQA");
  const got = await results(page);
  assert.match(got[0], /gqa|grouped-query-attention/, "a GQA answer first (title match)");
  // Typing on the home page updates ?q=.
  await page.fill("#site-search", "KV 缓存 显存");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "KV 缓存 显存");
  const kv = await results(page);
  assert.ok(kv.slice(0, 5).some((s) => ["gqa-pros", "multi-head-latent-attention", "gpt-past-key-value", "deepseek-v3-vs-llama3-efficiency", "deepseek-summary"].includes(s)), `KV cache answers: ${kv.slice(0, 5)}`);
  await context.close();

  // English page, one unknown word among known ones still finds the others; a typo is corrected.
  const en = await visit(`${env.site.url}en/q/grpo/`);
  await en.page.click("#site-search");
  await en.page.keyboard.type("load balancing zzzqqq");
  const lb = await results(en.page);
  assert.ok(lb.slice(0, 5).some((s) => MOE.includes(s)), `load balancing: ${lb.slice(0, 5)}`);
  assert.ok(await en.page.$$eval("a[data-search-result]", (as) => as.every((a) => a.getAttribute("href").startsWith("/en/q/"))));
  await en.page.fill("#site-search", "atention");
  const typo = await results(en.page);
  assert.ok(typo.length > 0, "a one-typo word finds answers");
  // Enter with no result chosen: the English home page with the query.
  await en.page.keyboard.press("Enter");
  await en.page.waitForFunction(() => location.pathname === "/en/" && new URLSearchParams(location.search).get("q") === "atention");
  assert.deepEqual(await results(en.page), typo);
  assert.deepEqual(errors, []);
  assert.deepEqual(en.errors, []);
  await en.context.close();
});

test("hostile text is shown as text and finds nothing; Escape closes the results; the open list passes axe", async () => {
  const { page, errors, context } = await visit(`${env.site.url}lab/`);
  await page.click("#site-search");
  await page.keyboard.type("<img src=x onerror=alert(1)> zzzzqqq");
  await page.waitForFunction(() => document.querySelector("[data-testid=search-status]")?.dataset.count === "0");
  assert.equal(await page.$("img[src=x]"), null);
  await page.fill("#site-search", "RoPE");
  await results(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-testid=search-results]", { state: "detached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the glossary page lists every entry in both languages and links the answers that explain it", async () => {
  const toml = readFileSync(new URL("../../data/glossary.toml", import.meta.url), "utf8");
  const entries = toml.split("[[term]]").slice(1);
  assert.ok(entries.length >= 80, `${entries.length} glossary entries`);
  const { page, errors, context } = await visit(`${env.site.url}glossary/`);
  const rows = await page.$$eval(".glossary-entry", (es) => es.map((e) => ({ name: e.querySelector(".glossary-name").textContent, links: e.dataset.value.split(" ") })));
  assert.equal(rows.length, entries.length);
  const rope = rows.find((r) => r.name === "旋转位置编码");
  assert.ok(rope && rope.links.length > 0);
  assert.ok(rows.every((r) => r.links.length > 0 && r.links[0] !== ""), "every term links an answer");
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
  const en = await visit(`${env.site.url}en/glossary/`);
  assert.ok(await en.page.$$eval(".glossary-name", (ns) => ns.some((n) => n.textContent === "rotary position embedding")));
  assert.ok(await en.page.$$eval(".glossary-links a", (as) => as.every((a) => a.getAttribute("href").startsWith("/en/"))));
  assert.deepEqual(errors, []);
  assert.deepEqual(en.errors, []);
  await en.context.close();
});
