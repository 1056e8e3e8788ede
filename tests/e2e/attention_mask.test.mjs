// The attention-mask lab in headless Chromium: exported matrices against independent
// definitions, hover/keyboard explanations, URL round-trip, hostile parameters, embedding.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./server.mjs";
import { openPage, axeViolations } from "./browser.mjs";
import { useSite } from "./harness.mjs";

const env = useSite();

/** n×keys matrix from a visibility rule, written plainly (independent of the Rust code). */
const matrix = (rows, cols, rule) => Array.from({ length: rows }, (_, q) => Array.from({ length: cols }, (_, k) => (rule(q, k) ? 1 : 0)));

const CASES = [
  ["preset=causal&n=6", matrix(6, 6, (q, k) => k <= q)],
  ["preset=bidirectional&n=6", matrix(6, 6, () => true)],
  ["preset=prefix-lm&n=6&prefix=3", matrix(6, 6, (q, k) => k < 3 || k <= q)],
  ["preset=sliding-window&n=6&window=3", matrix(6, 6, (q, k) => k <= q && q - k < 3)],
  // Two prompt tokens + [gMASK] are the bidirectional context; causal from <sop> on.
  ["preset=chatglm-6b&n=6&prefix=2", matrix(6, 6, (q, k) => k < 3 || k <= q)],
  // Two virtual key/value columns seen by every real token, then the causal base.
  ["preset=prefix-tuning&n=6&virtual=2", matrix(6, 8, (q, k) => k < 2 || k - 2 <= q)],
  ["preset=packed-documents&n=6&docs=2,4", matrix(6, 6, (q, k) => k <= q && (q < 2) === (k < 2))],
];

async function exported(page) {
  await page.waitForFunction(() => document.querySelector("pre[data-export=json]")?.textContent.startsWith("{"));
  return JSON.parse(await page.textContent("pre[data-export=json]"));
}

async function open(path, opts) {
  const { page, errors, context } = await openPage(env.browser, opts);
  await page.goto(env.site.url + path);
  await page.waitForSelector(".widget[data-widget=attention-mask] canvas.mask-canvas", { timeout: 20000 });
  return { page, errors, context };
}

test("exported masks equal the independent definitions", async () => {
  for (const [query, expected] of CASES) {
    const { page, errors, context } = await open(`embed/attention-mask?${query}`);
    const json = await exported(page);
    assert.deepEqual(json.mask, expected, query);
    assert.equal(json.queries.length, 6);
    assert.equal(json.keys.length, expected[0].length);
    assert.equal(json.preset, new URLSearchParams(query).get("preset"));
    const pairs = expected.flat().reduce((a, b) => a + b, 0);
    assert.equal(await page.getAttribute("output[data-key=visible-pairs]", "data-value"), String(pairs), query);
    assert.deepEqual(errors, [], query);
    await context.close();
  }
});

test("ChatGLM-6B shows its token layout and 2D position ids", async () => {
  const { page, context } = await open("embed/attention-mask?preset=chatglm-6b&n=6&prefix=2");
  const json = await exported(page);
  assert.ok(json.queries.includes("[gMASK]") && json.queries.includes("<sop>"), json.queries.join(" "));
  // position ids: the context counts up, generated tokens keep [gMASK]'s position;
  // block position ids: 0 in the context, 1, 2, … from <sop>.
  const rows = await page.$$eval("[data-testid=glm-positions] tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  assert.deepEqual(rows[0], ["x1", "x2", "[gMASK]", "<sop>", "y1", "y2"]);
  assert.deepEqual(rows[1], ["0", "1", "2", "2", "2", "2"]);
  assert.deepEqual(rows[2], ["0", "0", "0", "1", "2", "3"]);
  await context.close();
});

test("hovering and arrow keys explain a cell", async () => {
  // Tall enough that the whole canvas is inside the viewport (pointer events need it).
  const { page, errors, context } = await open("embed/attention-mask?preset=prefix-lm&n=6&prefix=3&lang=en", { height: 1400 });
  const canvas = await page.$("canvas.mask-canvas");
  const box = await canvas.boundingBox();
  // Bottom-left quarter of the heatmap: a late query looking at an early key.
  // Chromium delivers pointer moves once per frame; move in a few steps and settle.
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.94, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.3 + 1, box.y + box.height * 0.95, { steps: 2 });
  await page.waitForFunction(() => /\(q=5\).*(can see|cannot see)/.test(document.querySelector("[data-testid=mask-explain]").textContent));
  await canvas.focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  const before = await page.textContent("[data-testid=mask-explain]");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const after = await page.textContent("[data-testid=mask-explain]");
  assert.notEqual(after, before);
  assert.match(after, /k=4/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the state lives in the URL and survives a reload", async () => {
  const { page, errors, context } = await open("embed/attention-mask?preset=causal&n=6");
  await page.selectOption("select[data-control=preset]", "sliding-window");
  await page.fill("input[data-control=n]", "7");
  await page.press("input[data-control=n]", "Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("n") === "7");
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("preset"), "sliding-window");
  const first = await exported(page);
  await page.reload();
  await page.waitForSelector("canvas.mask-canvas");
  const second = await exported(page);
  assert.deepEqual(second, first);
  assert.equal(second.mask.length, 7);
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices, a drawn canvas and no page error", async () => {
  const { page, errors, context } = await open("embed/attention-mask?n=-1&window=abc&preset=%3Cscript%3Ealert(1)%3C/script%3E&lang=en");
  const notices = await page.$$eval(".notices .notice", (ps) => ps.map((p) => p.textContent));
  assert.equal(notices.length, 3, notices.join(" | "));
  assert.ok(notices.some((t) => t.startsWith("n=-1")));
  assert.ok(notices.some((t) => t.startsWith("window=abc")));
  assert.ok(notices.some((t) => t.startsWith("preset=")));
  assert.equal(await page.evaluate(() => document.body.innerHTML.includes("<script>alert")), false);
  const json = await exported(page);
  assert.equal(json.mask.length, 4, "n clamped to 4");
  // The canvas is drawn: it has both "visible" and "hidden" colours.
  const colours = await page.$eval("canvas.mask-canvas", (c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    const set = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) set.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return set.size;
  });
  assert.ok(colours >= 2, `canvas has ${colours} colours`);
  for (const q of ["n=1e12", "n=abc&prefix=-5", "preset=prefix-tuning&virtual=99999&n=5", "docs=1,,x,999999&preset=packed-documents"]) {
    await page.goto(`${env.site.url}embed/attention-mask?${q}`);
    await page.waitForSelector("canvas.mask-canvas");
    await exported(page).catch(() => null);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test("large n draws and declines to export", async () => {
  const { page, errors, context } = await open("embed/attention-mask?preset=sliding-window&n=8192&window=1024");
  await page.waitForFunction(() => document.querySelector("pre[data-export=json]")?.textContent.includes("too large"));
  assert.equal(await page.getAttribute("output[data-key=kv-keep]", "data-value"), "1023");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the lab appears in the attention-mask answers and on its lab page", async () => {
  const { page, errors, context } = await openPage(env.browser);
  await page.goto(`${env.site.url}q/chatglm1-vs-chatglm2-attention-mask`);
  await page.waitForSelector(".widget-slot .widget[data-widget=attention-mask] canvas", { timeout: 20000 });
  const json = await exported(page);
  assert.equal(json.preset, "chatglm-6b");
  assert.deepEqual(await axeViolations(page), []);
  await page.goto(`${env.site.url}lab/attention-mask?preset=prefix-lm&n=6&prefix=3`);
  await page.waitForSelector("html[data-live] .site-header");
  await page.waitForSelector("canvas.mask-canvas");
  assert.deepEqual((await exported(page)).mask, CASES[2][1]);
  // The share menu offers this exact state and an iframe snippet for it.
  await page.click(".share-menu summary");
  const link = await page.inputValue("input[data-share=link]");
  assert.match(link, /\/lab\/attention-mask\/\?preset=prefix-lm&n=6&prefix=3$/);
  const snippet = await page.inputValue("textarea[data-share=snippet]");
  assert.match(snippet, /<iframe src="[^"]*\/embed\/attention-mask\?preset=prefix-lm&amp;n=6&amp;prefix=3"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the share menu's snippet embeds the widget and sizes the iframe", async () => {
  const { page, context } = await open("lab/attention-mask?preset=bidirectional&n=5");
  const snippet = await page.inputValue("textarea[data-share=snippet]");
  const host = await serve("dist", "/", { "/blog.html": `<!doctype html><title>blog</title><link rel="icon" href="data:,"><h1>My post</h1>${snippet}` });
  await page.goto(`${host.url}blog.html`);
  await page.waitForFunction(() => parseFloat(document.querySelector("iframe").style.height) > 200, null, { timeout: 20000 });
  const frame = page.frames().find((f) => f.url().includes("/embed/attention-mask"));
  await frame.waitForSelector("canvas.mask-canvas");
  const json = JSON.parse(await frame.textContent("pre[data-export=json]"));
  assert.deepEqual(json.mask, matrix(5, 5, () => true));
  await context.close();
  host.close();
});
