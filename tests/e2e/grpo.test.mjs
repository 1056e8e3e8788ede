// The GRPO group explorer in headless Chromium, through its embed page: advantages under each
// algorithm and std, token weights, the clipped surrogate, the zero-signal probability, typed
// input, hostile parameters, axe, zh/en.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "./browser.mjs";
import { embedOpener, value, notices } from "./harness.mjs";

const open = embedOpener("grpo", ".widget[data-widget=grpo] output[data-key=advantages]", "attached");
const nums = async (page, key) => (await value(page, key)).split(",").map(Number);
const near = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol;
const allNear = (xs, ys, tol = 1e-6) => xs.length === ys.length && xs.every((x, i) => near(x, ys[i], tol));

test("advantages of [1,0,1,0]: sample std, population std, Dr. GRPO, RLOO", async () => {
  const cases = [
    ["std=sample", [0.866025, -0.866025, 0.866025, -0.866025]],
    ["std=population", [1, -1, 1, -1]],
    ["algo=dr-grpo", [0.5, -0.5, 0.5, -0.5]],
    ["algo=rloo", [0.666667, -0.666667, 0.666667, -0.666667]],
  ];
  for (const [q, want] of cases) {
    const { page, errors, context } = await open(`rewards=1,0,1,0&eps_std=0&${q}`);
    const got = await nums(page, "advantages");
    assert.ok(allNear(got, want), `${q}: ${got}`);
    assert.deepEqual(await notices(page), []);
    if (q === "std=sample") assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("token weights: GRPO divides by G·|o_i|, DAPO by all tokens of the group", async () => {
  const base = "rewards=1,0&std=population&eps_std=0&lengths=2,4";
  let { page, errors, context } = await open(`${base}&algo=grpo`);
  assert.ok(allNear(await nums(page, "advantages"), [1, -1]));
  assert.ok(allNear(await nums(page, "token-weights"), [0.25, -0.125]), await value(page, "token-weights"));
  await context.close();
  ({ page, errors, context } = await open(`${base}&algo=dapo&max_len=256&cache=64`));
  assert.ok(allNear(await nums(page, "token-weights"), [0.166667, -0.166667]), await value(page, "token-weights"));
  assert.ok(allNear(await nums(page, "length-rewards"), [0, 0]));
  assert.deepEqual(errors, []);
  await context.close();
});

test("clipped surrogate at eps=0.2", async () => {
  const { page, errors, context } = await open("rewards=1,0&std=population&eps_std=0&eps=0.2&ratios=1.5,0.5");
  assert.ok(allNear(await nums(page, "advantages"), [1, -1]));
  const s = await nums(page, "surrogate");
  assert.ok(near(s[0], 1.2) && near(s[1], -0.8), `${s}`);
  assert.equal(await value(page, "clipped"), "1,1");
  const { page: p2, context: c2 } = await open("rewards=1,0&std=population&eps_std=0&eps=0.2&ratios=1.1,1.1");
  assert.equal(await value(p2, "clipped"), "0,0");
  await c2.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("zero-signal probability p^G + (1-p)^G", async () => {
  const { page, errors, context } = await open("rewards=1,1,1,1,1,1,1,0&p=0.9");
  assert.ok(near(Number(await value(page, "zero-signal-prob")), 0.9 ** 8 + 0.1 ** 8, 1e-12));
  assert.ok(near(Number(await value(page, "zero-signal-prob")), 0.430467));
  await context.close();
  const r = await open("rewards=1,1,1,1&p=0.5");
  assert.equal(await value(r.page, "all-equal"), "1");
  assert.ok(allNear(await nums(r.page, "advantages"), [0, 0, 0, 0], 0));
  await r.page.waitForSelector("[data-testid=grpo-no-signal]");
  assert.deepEqual([...errors, ...r.errors], []);
  await r.context.close();
});

test("typing rewards and choosing an algorithm update the values and the share link", async () => {
  const { page, errors, context } = await open("rewards=1,0,1,0&eps_std=0&lang=en");
  await page.fill("input[data-control=rewards]", "1,0,0");
  await page.press("input[data-control=rewards]", "Enter");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("rewards=1,0,0&"));
  const a = await nums(page, "advantages");
  // mean 1/3, sample std sqrt(1/3)
  const sd = Math.sqrt(((2 / 3) ** 2 + 2 * (1 / 3) ** 2) / 2);
  assert.ok(allNear(a, [2 / 3 / sd, -1 / 3 / sd, -1 / 3 / sd]), `${a}`);
  assert.equal((await nums(page, "token-weights")).length, 3);
  await page.selectOption("select[data-control=algo]", "gspo");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("algo=gspo"));
  const link = await page.inputValue("input[data-share=link]");
  assert.equal(new URL(link).searchParams.get("eps_low"), "0.0003");
  assert.match(await page.textContent("[data-testid=grpo-settings]"), /importance_sampling_level="sequence"/);
  // Keyboard on the p slider.
  await page.focus("input[data-control=p]");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("p=0.51"));
  assert.deepEqual(await notices(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  // 5 000 entries in the URL (the test server caps a request line at 16 KB); 10 000 typed below.
  const many = Array.from({ length: 5000 }, (_, i) => i % 2).join(",");
  for (const q of ["rewards=", "rewards=1", `rewards=${many}`, "rewards=NaN,1", "rewards=1,0&lengths=0,0", "eps=NaN&p=2&max_len=-5&algo=zzz&std=x&ratios=1e308"]) {
    const { page, errors, context } = await open(q);
    const ns = await notices(page);
    assert.ok(ns.length >= 1, `${q}: ${ns}`);
    const a = await nums(page, "advantages");
    assert.ok(a.every(Number.isFinite) && a.length >= 2 && a.length <= 64, `${q}: ${a}`);
    assert.deepEqual(errors, [], q);
    await context.close();
  }
  // Typed hostile input, too: 10 000 rewards, then text with markup.
  const { page, errors, context } = await open("rewards=1,0");
  await page.fill("input[data-control=rewards]", Array.from({ length: 10000 }, (_, i) => i % 2).join(","));
  await page.press("input[data-control=rewards]", "Enter");
  await page.waitForSelector(".widget .notices .notice");
  assert.equal((await nums(page, "advantages")).length, 64);
  assert.equal((await nums(page, "token-weights")).length, 64);
  await page.fill("input[data-control=rewards]", "abc,<b>x</b>");
  await page.press("input[data-control=rewards]", "Enter");
  await page.waitForFunction(() => document.querySelector("output[data-key=advantages]").dataset.value.split(",").length === 4);
  assert.ok((await notices(page)).length >= 1);
  assert.equal(await page.$$eval("b", (bs) => bs.filter((b) => b.textContent === "x").length), 0, "typed markup stays text");
  assert.deepEqual(errors, []);
  await context.close();
});

test("zh and en texts differ; formula shows the reader's numbers", async () => {
  const zh = await open("rewards=1,0,1,0&eps_std=0");
  const en = await open("rewards=1,0,1,0&eps_std=0&lang=en");
  const tz = await zh.page.textContent("[data-testid=grpo-explain]");
  const te = await en.page.textContent("[data-testid=grpo-explain]");
  assert.notEqual(tz, te);
  assert.match(tz, /基线/);
  assert.match(te, /baseline/);
  assert.match(await en.page.textContent("[data-testid=grpo-formula]"), /= 0\.866025/);
  assert.deepEqual(await axeViolations(en.page), []);
  assert.deepEqual([...zh.errors, ...en.errors], []);
  await zh.context.close();
  await en.context.close();
});
