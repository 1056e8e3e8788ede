// The test-time scaling explorer in headless Chromium, through its embed page: pass@k (unbiased,
// naive, pass^k), best-of-N KL, the compute-optimal budget, majority vote vs best-of-N, panel
// switching and typed input, hostile parameters, axe, zh/en.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, axeViolations } from "./browser.mjs";
import { useSite, value, notices } from "./harness.mjs";

const env = useSite();

async function open(query, key = "pass-at-k", opts) {
  const { page, errors, context } = await openPage(env.browser, opts);
  await page.goto(`${env.site.url}embed/test-time-scaling?${query}`);
  await page.waitForSelector(`.widget[data-widget=test-time-scaling] output[data-key=${key}]`, { state: "attached", timeout: 20000 });
  return { page, errors, context };
}
const num = async (page, key) => Number(await value(page, key));
const near = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol;

test("pass@k, the naive estimate and pass^k for n=10, c=3", async () => {
  const { page, errors, context } = await open("n=10&c=3&k=5");
  assert.ok(near(await num(page, "pass-at-k"), 0.916667), await value(page, "pass-at-k"));
  assert.ok(near(await num(page, "pass-at-k-naive"), 0.83193), await value(page, "pass-at-k-naive"));
  assert.equal(await num(page, "pass-hat-k"), 0);
  assert.match(await page.textContent("[data-testid=tts-formula]"), /C\(7, 5\) \/ C\(10, 5\)/);
  assert.deepEqual(await notices(page), []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
  const r = await open("n=10&c=3&k=2");
  assert.ok(near(await num(r.page, "pass-hat-k"), 0.066667), await value(r.page, "pass-hat-k"));
  assert.ok(near(await num(r.page, "pass-at-k"), 1 - 21 / 45));
  assert.deepEqual([...errors, ...r.errors], []);
  await r.context.close();
});

test("best-of-N KL, compute-optimal budget, majority vote", async () => {
  let { page, errors, context } = await open("panel=bon-kl&n=16", "bon-kl");
  assert.ok(near(await num(page, "bon-kl"), 1.835089), await value(page, "bon-kl"));
  assert.ok(near(await num(page, "bon-kl"), Math.log(16) - 15 / 16, 1e-12));
  await context.close();
  const b = await open("panel=budget&budget=12&p=0.5,0.05,0.2", "allocation");
  assert.equal(await value(b.page, "allocation"), "4,1,7");
  assert.ok(near(await num(b.page, "expected-solved"), 1.777785), await value(b.page, "expected-solved"));
  assert.ok(near(await num(b.page, "uniform-expected-solved"), 1.713394), await value(b.page, "uniform-expected-solved"));
  assert.deepEqual(await notices(b.page), []);
  assert.deepEqual(await axeViolations(b.page), []);
  await b.context.close();
  const m = await open("panel=majority&samples=A:0.9,B:0.4,B:0.3,A:0.8,B:0.05&answers=1,0&k=3", "maj-at-k");
  assert.equal(await value(m.page, "majority-answer"), "B");
  assert.equal(await value(m.page, "best-of-n-answer"), "A");
  assert.equal(await value(m.page, "weighted-answer"), "A");
  assert.equal(await num(m.page, "maj-at-k"), 1);
  assert.deepEqual(await axeViolations(m.page), []);
  assert.deepEqual([...errors, ...b.errors, ...m.errors], []);
  await m.context.close();
});

test("switching panels and typing update the values and the share link", async () => {
  const { page, errors, context } = await open("n=10&c=3&k=5&lang=en");
  await page.fill("input[data-control=k]", "2");
  await page.press("input[data-control=k]", "Enter");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("k=2"));
  assert.ok(near(await num(page, "pass-hat-k"), 0.066667));
  // Keyboard: the arrow key steps the number input.
  await page.focus("input[data-control=n]");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("n=11"));
  await page.selectOption("select[data-control=panel]", "budget");
  await page.waitForSelector("output[data-key=allocation]");
  assert.equal(await value(page, "allocation"), "4,1,7");
  // Greedy by marginal gain: 0.5 → problem 1; 0.25 vs 0.2 → problem 1; 0.125 vs 0.2 → problem 3.
  await page.fill("input[data-control=budget]", "3");
  await page.press("input[data-control=budget]", "Enter");
  await page.waitForFunction(() => document.querySelector("output[data-key=allocation]").dataset.value === "2,0,1");
  await page.selectOption("select[data-control=panel]", "bon-kl");
  await page.waitForSelector("output[data-key=bon-kl]");
  assert.ok(near(await num(page, "bon-kl"), 1.835089));
  assert.deepEqual(await notices(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("large n is fast and its curve is downsampled", async () => {
  const { page, errors, context } = await open("n=10000&c=30&k=100");
  assert.ok(near(await num(page, "pass-at-k"), 1 - Array.from({ length: 30 }, (_, j) => 1 - 100 / (10000 - j)).reduce((a, b) => a * b), 1e-9));
  const exported = await page.textContent("pre[data-export=json]");
  assert.ok(!exported.includes("pass-at-k-curve"), "10 000-point curves stay out of the export");
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  for (const [q, key] of [["n=10&k=50", "pass-at-k"], ["n=10&c=30", "pass-at-k"], ["n=NaN&c=-1&k=1e99", "pass-at-k"], ["panel=budget&p=-0.5,0.2", "allocation"], ["panel=budget&budget=-3&p=NaN", "allocation"], ["panel=majority&answers=0,0&samples=zz&k=999", "maj-at-k"], ["panel=bon-kl&n=99999999999", "bon-kl"], ["panel=nope", "pass-at-k"]]) {
    const { page, errors, context } = await open(q, key);
    const ns = await notices(page);
    assert.ok(ns.length >= 1, `${q}: ${ns}`);
    const v = await value(page, key);
    assert.ok(v.split(",").map(Number).every(Number.isFinite), `${q}: ${v}`);
    assert.deepEqual(errors, [], q);
    await context.close();
  }
  // Typed: 10 000 rates and markup.
  const { page, errors, context } = await open("panel=budget", "allocation");
  await page.fill("input[data-control=p]", Array.from({ length: 10000 }, () => "0.5").join(","));
  await page.press("input[data-control=p]", "Enter");
  await page.waitForSelector(".widget .notices .notice");
  assert.equal((await value(page, "allocation")).split(",").length, 16);
  await page.fill("input[data-control=p]", "<b>x</b>");
  await page.press("input[data-control=p]", "Enter");
  await page.waitForFunction(() => document.querySelectorAll(".widget .notices .notice").length >= 1);
  assert.equal(await page.$$eval("b", (bs) => bs.filter((b) => b.textContent === "x").length), 0, "typed markup stays text");
  assert.deepEqual(errors, []);
  await context.close();
});

test("zh and en texts differ", async () => {
  const zh = await open("panel=budget", "allocation");
  const en = await open("panel=budget&lang=en", "allocation");
  const tz = await zh.page.textContent("[data-testid=tts-explain]");
  const te = await en.page.textContent("[data-testid=tts-explain]");
  assert.notEqual(tz, te);
  assert.match(tz, /边际收益/);
  assert.match(te, /marginal gain/);
  assert.match(te, /2408\.03314/);
  assert.deepEqual(await axeViolations(en.page), []);
  assert.deepEqual([...zh.errors, ...en.errors], []);
  await zh.context.close();
  await en.context.close();
});
