// The MoE routing lab in headless Chromium: parameter counts, stepping, export invariants
// checked independently in JS, hostile input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "./browser.mjs";
import { embedOpener, value } from "./harness.mjs";

const open = embedOpener("moe", ".widget[data-widget=moe] output[data-key=step]");
const exported = async (page) => JSON.parse(await page.textContent("pre[data-export=json]"));

test("DeepSeek-V3 preset: parameter counts and routing invariants", async () => {
  const { page, errors, context } = await open("preset=deepseek-v3&tokens=64&seed=1&balance=bias");
  const total = Number(await value(page, "params-total"));
  const active = Number(await value(page, "params-active"));
  assert.ok(Math.abs(total / 671e9 - 1) < 0.02, `total ${total}`);
  assert.ok(Math.abs(active / 37e9 - 1) < 0.03, `active ${active}`);
  const before = Number(await value(page, "step"));
  await page.click("button[data-action=step]");
  await page.click("button[data-action=step]");
  await page.waitForFunction((b) => Number(document.querySelector("output[data-key=step]").dataset.value) >= b + 2, before);
  const json = await exported(page);
  assert.equal(json.tokens.length, 64);
  for (const t of json.tokens) {
    // DeepSeek-V3: 8 distinct routed experts of 256 per token; weights ≥ 0, summing to 2.5 (routed scaling).
    assert.equal(t.experts.length, 8);
    assert.equal(new Set(t.experts).size, 8);
    assert.ok(t.experts.every((e) => Number.isInteger(e) && e >= 0 && e < 256));
    assert.ok(t.weights.every((w) => w >= 0));
    const sum = t.weights.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 2.5) < 1e-3, `weights sum ${sum}`);
  }
  assert.equal(json.loads.length, 256);
  assert.equal(json.loads.reduce((a, b) => a + b, 0), 64 * 8, "loads count every assignment");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("capacity drops never exceed capacity; play advances", async () => {
  const { page, errors, context } = await open("preset=switch&tokens=64&capacity=1&skew=0.9&seed=3", { reducedMotion: "reduce" });
  const json = await exported(page);
  assert.equal(Number(await value(page, "dropped")), json.dropped);
  const before = Number(await value(page, "step"));
  await page.click("button[data-action=play]");
  await page.waitForFunction((b) => Number(document.querySelector("output[data-key=step]").dataset.value) > b + 1, before, { timeout: 15000 });
  await page.click("button[data-action=play]");
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  const { page, errors, context } = await open("k=99&experts=0&seed=abc&capacity=-1&lang=en");
  const notices = await page.$$eval(".notices .notice", (ps) => ps.map((p) => p.textContent));
  assert.ok(notices.length >= 3, notices.join(" | "));
  assert.match(await value(page, "load-cv"), /^\d+(\.\d+)?$/);
  assert.deepEqual(errors, []);
  await context.close();
});
