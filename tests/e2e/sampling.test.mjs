// The sampling explorer in headless Chromium, through its embed page: the engine orders (hf,
// vllm, llama.cpp) on the same logits, greedy, the seeded 1000-draw histogram, typed input,
// hostile parameters, axe, zh/en.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "./browser.mjs";
import { embedOpener, value, notices } from "./harness.mjs";

const open = embedOpener("sampling", ".widget[data-widget=sampling] output[data-key=probs]", "attached");
const nums = async (page, key) => (await value(page, key)).split(",").map(Number);
const allNear = (xs, ys, tol = 1e-6) => xs.length === ys.length && xs.every((x, i) => Math.abs(x - ys[i]) <= tol);
const Q = "logits=2,1,0.5,0&temperature=2&top_p=0.75";

test("the order matters: hf keeps three tokens, llama.cpp two", async () => {
  const cases = [
    ["hf", [0.481024, 0.291756, 0.22722, 0], 3],
    ["vllm", [0.481024, 0.291756, 0.22722, 0], 3],
    ["llamacpp", [0.622459, 0.377541, 0, 0], 2],
  ];
  for (const [order, want, kept] of cases) {
    const { page, errors, context } = await open(`${Q}&order=${order}`);
    const got = await nums(page, "probs");
    assert.ok(allNear(got, want), `${order}: ${got}`);
    assert.equal(Number(await value(page, "kept")), kept);
    const h = want.filter((p) => p > 0).reduce((a, p) => a - p * Math.log(p), 0);
    assert.ok(Math.abs(Number(await value(page, "entropy")) - h) < 1e-6);
    assert.deepEqual(await notices(page), []);
    if (order === "hf") {
      assert.deepEqual(await axeViolations(page), []);
      // top-p removed token 3 (greyed); the order's source file is cited.
      assert.equal(await page.$$eval("[data-step=top-p] rect.smp-bar-removed", (r) => r.length), 4 - kept);
      assert.match(await page.textContent("[data-testid=smp-source]"), /generation\/utils\.py/);
    }
    if (order === "llamacpp") assert.match(await page.textContent("[data-testid=smp-source]"), /common\/common\.h/);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("greedy at temperature 0, and the seeded 1000-draw histogram", async () => {
  let { page, errors, context } = await open("logits=1,3,2&temperature=0");
  assert.deepEqual(await nums(page, "probs"), [0, 1, 0]);
  await context.close();
  ({ page, errors, context } = await open(`${Q}&seed=7&lang=en`));
  await page.click("button[data-control=sample]");
  await page.waitForSelector("output[data-key=histogram]");
  const counts = await nums(page, "histogram");
  assert.equal(counts.reduce((a, b) => a + b), 1000);
  assert.equal(counts[3], 0, "a removed token is never drawn");
  assert.ok(Math.abs(counts[0] / 1000 - 0.481024) < 0.06, `${counts}`);
  // Again: seed + 1, a different (still seeded) run.
  await page.click("button[data-control=sample]");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("seed=8"));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("typing logits and choosing an order update the values and the share link", async () => {
  const { page, errors, context } = await open("lang=en");
  await page.fill("input[data-control=logits]", "2,1,0.5,0");
  await page.press("input[data-control=logits]", "Enter");
  await page.fill("input[data-control=temperature]", "2");
  await page.press("input[data-control=temperature]", "Enter");
  await page.fill("input[data-control=top_p]", "0.75");
  await page.press("input[data-control=top_p]", "Enter");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("top_p=0.75"));
  assert.ok(allNear(await nums(page, "probs"), [0.481024, 0.291756, 0.22722, 0]));
  await page.selectOption("select[data-control=order]", "llamacpp");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("order=llamacpp"));
  assert.ok(allNear(await nums(page, "probs"), [0.622459, 0.377541, 0, 0]));
  await page.selectOption("select[data-control=preset]", "flat");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("preset=flat"));
  assert.equal((await nums(page, "probs")).length, 8);
  assert.deepEqual(await notices(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  const many = Array.from({ length: 3000 }, (_, i) => i % 7).join(",");
  for (const q of ["temperature=-1", "temperature=NaN", "logits=NaN,1", `logits=${many}`, "logits=", "top_k=-3&top_p=2&min_p=NaN&order=zzz", "logits=1e308,-1e308&labels=a,b,c", "seed=-1&preset=nope"]) {
    const { page, errors, context } = await open(q);
    const ns = await notices(page);
    assert.ok(ns.length >= 1, `${q}: ${ns}`);
    const p = await nums(page, "probs");
    assert.ok(p.every(Number.isFinite) && p.length >= 1 && p.length <= 64, `${q}: ${p}`);
    assert.ok(Math.abs(p.reduce((a, b) => a + b) - 1) < 1e-9, `${q}: sums to 1`);
    assert.deepEqual(errors, [], q);
    await context.close();
  }
  // 10 000 logits typed into the field, then markup.
  const { page, errors, context } = await open("logits=1,2");
  await page.fill("input[data-control=logits]", Array.from({ length: 10000 }, (_, i) => i % 5).join(","));
  await page.press("input[data-control=logits]", "Enter");
  await page.waitForSelector(".widget .notices .notice");
  assert.equal((await nums(page, "probs")).length, 64);
  await page.fill("input[data-control=labels]", "<b>x</b>,y");
  await page.press("input[data-control=labels]", "Enter");
  await page.waitForFunction(() => document.querySelectorAll(".widget .notices .notice").length >= 1);
  assert.equal(await page.$$eval("b", (bs) => bs.filter((b) => b.textContent === "x").length), 0, "typed markup stays text");
  assert.deepEqual(errors, []);
  await context.close();
});

test("zh and en texts differ", async () => {
  const zh = await open(Q);
  const en = await open(`${Q}&lang=en`);
  const tz = await zh.page.textContent("[data-testid=smp-explain]");
  const te = await en.page.textContent("[data-testid=smp-explain]");
  assert.notEqual(tz, te);
  assert.match(tz, /编造/);
  assert.match(te, /made-up/);
  assert.deepEqual(await axeViolations(zh.page), []);
  assert.deepEqual([...zh.errors, ...en.errors], []);
  await zh.context.close();
  await en.context.close();
});
