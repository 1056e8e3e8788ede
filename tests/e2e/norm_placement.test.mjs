// The norm placement explorer in headless Chromium: export arrays checked against the
// invariants of each placement (computed here, independently of the Rust code), the QK-Norm
// cap, keyboard control of the scheme and the URL round trip, hostile input, axe, languages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "./browser.mjs";
import { embedOpener } from "./harness.mjs";

const WIDGET = ".widget[data-widget=norm-placement]";

const open = embedOpener("norm-placement", `${WIDGET} output[data-key=final-rms]`);
const value = async (page, key) => Number(await page.getAttribute(`output[data-key=${key}]`, "data-value"));
const exported = async (page) => JSON.parse(await page.textContent("pre[data-export=json]"));
const shareLink = (page) => page.$eval("input[data-share=link]", (e) => e.value);

test("export arrays: one entry per layer; headline figures match them", async () => {
  for (const [query, layers] of [["scheme=gemma3&qknorm=1&layers=24", 24], ["scheme=olmo2&qknorm=1&layers=24", 24], ["scheme=pre-ln&layers=7", 7], ["scheme=post-ln", 24]]) {
    const { page, errors, context } = await open(query);
    const j = await exported(page);
    assert.equal(j.layers, layers, query);
    for (const key of ["residual_rms", "update_ratio", "max_logit"]) {
      assert.equal(j[key].length, layers, `${query} ${key}`);
      assert.ok(j[key].every((v) => Number.isFinite(v) && v >= 0), `${query} ${key}`);
    }
    assert.equal(await value(page, "final-rms"), j.residual_rms.at(-1), query);
    assert.equal(await value(page, "max-logit"), Math.max(...j.max_logit), query);
    assert.equal(await value(page, "update-ratio-last"), j.update_ratio.at(-1), query);
    assert.equal(j.final_norm, !query.includes("post-ln"), query);
    assert.deepEqual(errors, [], query);
    await context.close();
  }
});

test("Post-LN keeps the stream at RMS 1; Pre-LN's stream grows and its updates shrink", async () => {
  let { page, errors, context } = await open("scheme=post-ln&layers=32&seed=5&gain=2");
  let j = await exported(page);
  assert.ok(j.residual_rms.every((v) => Math.abs(v - 1) < 1e-3), j.residual_rms.join(","));
  assert.deepEqual(errors, []);
  await context.close();
  ({ page, errors, context } = await open("scheme=pre-ln&layers=32&seed=5&gain=1"));
  j = await exported(page);
  assert.ok(j.residual_rms.at(-1) > 2 * j.residual_rms[0], j.residual_rms.join(","));
  const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  assert.ok(mean(j.update_ratio.slice(-4)) < mean(j.update_ratio.slice(1, 5)) / 2, j.update_ratio.join(","));
  assert.deepEqual(errors, []);
  await context.close();
});

test("QK-Norm caps every logit at sqrt(d_head); without it gain 4 exceeds the cap", async () => {
  for (const scheme of ["post-ln", "pre-ln", "olmo2", "gemma3"]) {
    const on = await open(`scheme=${scheme}&qknorm=1&gain=8&layers=12`);
    const j = await exported(on.page);
    const cap = Math.sqrt(j.d_head);
    assert.equal(cap, 4);
    assert.ok(j.max_logit.every((v) => v <= cap + 1e-9), `${scheme}: ${j.max_logit}`);
    assert.ok((await value(on.page, "max-logit")) <= cap + 1e-9);
    await on.context.close();
    const off = await open(`scheme=${scheme}&qknorm=0&gain=4&layers=12`);
    assert.ok((await value(off.page, "max-logit")) > cap, scheme);
    assert.deepEqual(off.errors, []);
    await off.context.close();
  }
  // Pre-LN's first block reads N(x), which the weights do not change: logits scale with gain².
  const first = async (gain) => {
    const { page, context } = await open(`scheme=pre-ln&layers=1&gain=${gain}&seed=9`);
    const v = (await exported(page)).max_logit[0];
    await context.close();
    return v;
  };
  const ratio = (await first(2)) / (await first(1));
  assert.ok(Math.abs(ratio - 4) < 1e-9, `ratio ${ratio}`);
});

test("keyboard changes the scheme: URL, share link, diagram and numbers follow", async () => {
  const { page, errors, context } = await open("scheme=pre-ln&qknorm=0&layers=24&lang=en");
  const svg = `${WIDGET} svg.np-svg`;
  const before = await page.getAttribute(svg, "aria-label");
  assert.match(before, /x → Norm → Attention → ⊕ x/);
  assert.equal(await page.locator(`${svg} [data-kind=norm]`).count(), 2);
  await page.focus(`${WIDGET} input[data-scheme=pre-ln]`);
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("scheme") === "olmo2");
  assert.match(await shareLink(page), /scheme=olmo2/);
  const after = await page.getAttribute(svg, "aria-label");
  assert.notEqual(after, before);
  assert.match(after, /x → Attention → Norm → ⊕ x/);
  // Gemma 3: four norms; QK-Norm adds two small q/k norm boxes.
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("scheme") === "gemma3");
  assert.equal(await page.locator(`${svg} [data-kind=norm]`).count(), 4);
  await page.focus(`${WIDGET} input[data-control=qknorm]`);
  await page.keyboard.press("Space");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("qknorm") === "1");
  assert.equal(await page.locator(`${svg} [data-kind=qk]`).count(), 2);
  assert.ok((await value(page, "max-logit")) <= 4 + 1e-9);
  // Layers slider by keyboard: one step right.
  await page.focus(`${WIDGET} input[data-control=layers]`);
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => new URL(location.href).searchParams.get("layers") === "25");
  assert.equal((await exported(page)).residual_rms.length, 25);
  // The share link reproduces the state.
  const link = new URL(await shareLink(page));
  assert.equal(link.searchParams.get("scheme"), "gemma3");
  assert.equal(link.searchParams.get("qknorm"), "1");
  assert.equal(link.searchParams.get("layers"), "25");
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  const { page, errors, context } = await open("scheme=zzz&layers=-5&gain=abc&seed=x&qknorm=<b>&lang=en");
  const notices = await page.$$eval(`${WIDGET} .notices .notice`, (ps) => ps.map((p) => p.textContent));
  assert.ok(notices.length >= 4, notices.join(" | "));
  assert.ok(notices.some((n) => n.startsWith("scheme=zzz")), notices.join(" | "));
  const j = await exported(page);
  assert.equal(j.scheme, "pre-ln");
  assert.equal(j.layers, 1);
  assert.equal(j.gain, 1);
  assert.equal(await page.locator(`${WIDGET} b`).count(), 0, "markup in input is never rendered");
  assert.deepEqual(errors, []);
  await context.close();
  const big = await open("gain=1e308&layers=1e9&seed=NaN");
  const k = await exported(big.page);
  assert.equal(k.gain, 8);
  assert.equal(k.layers, 96);
  assert.equal(k.residual_rms.length, 96);
  assert.deepEqual(big.errors, []);
  await big.context.close();
});

test("axe: no violations; zh and en texts differ", async () => {
  const en = await open("scheme=olmo2&qknorm=1&layers=24&lang=en");
  assert.deepEqual(await axeViolations(en.page), []);
  const enText = await en.page.textContent(`${WIDGET} [data-testid=np-explain]`);
  assert.match(enText, /OLMo 2/);
  assert.deepEqual(en.errors, []);
  await en.context.close();
  const zh = await open("scheme=olmo2&qknorm=1&layers=24", { width: 420 });
  assert.deepEqual(await axeViolations(zh.page), []);
  const zhText = await zh.page.textContent(`${WIDGET} [data-testid=np-explain]`);
  assert.notEqual(zhText, enText);
  assert.match(zhText, /残差流/);
  assert.deepEqual(zh.errors, []);
  await zh.context.close();
});
