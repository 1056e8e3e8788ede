// The KV-cache lab in headless Chromium: exact figures against hand computations from the
// models' config.json numbers, the chart redraws, the step-through advances, hostile input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { axeViolations, openPage, appReady } from "./browser.mjs";
import { embedOpener, value } from "./harness.mjs";

const config = (id) => JSON.parse(readFileSync(new URL(`../../data/configs/${id.replace("/", "__")}.json`, import.meta.url), "utf8"));

/** Bytes per token for plain GQA/MHA layers, from a config.json (independent of the Rust code). */
function gqaBytesPerToken(id, bytes) {
  const c = config(id);
  const headDim = c.head_dim ?? c.hidden_size / c.num_attention_heads;
  return 2 * c.num_hidden_layers * (c.num_key_value_heads ?? c.num_attention_heads) * headDim * bytes;
}

const open = embedOpener("kv-cache", ".widget[data-widget=kv-cache] output[data-key=kv-bytes]");

test("headline figures equal hand computations from config.json", async () => {
  const llama31 = gqaBytesPerToken("meta-llama/Llama-3.1-8B", 2); // 32 layers × 8 kv heads × 128 × 2 (K,V) × 2 B
  const llama2 = gqaBytesPerToken("meta-llama/Llama-2-7b-hf", 2); // MHA: 32 kv heads
  const ds = config("deepseek-ai/DeepSeek-V3");
  const mla = (ds.kv_lora_rank + ds.qk_rope_head_dim) * ds.num_hidden_layers * 2; // latent + RoPE key, bf16
  const mistral = config("mistralai/Mistral-7B-v0.1");
  const cases = [
    ["model=meta-llama/Llama-3.1-8B&ctx=32768&batch=1&dtype=bf16", llama31, llama31 * 32768],
    ["model=meta-llama/Llama-2-7b-hf&ctx=4096&dtype=fp16", llama2, llama2 * 4096],
    ["model=meta-llama/Llama-2-7b-hf&ctx=4096&dtype=fp16&batch=4", llama2, llama2 * 4096 * 4],
    ["model=deepseek-ai/DeepSeek-V3&ctx=1000&dtype=bf16", mla, mla * 1000],
    // Every layer slides over 4096 tokens: at 8192 the cache keeps 4096.
    ["model=mistralai/Mistral-7B-v0.1&ctx=8192&dtype=fp16", gqaBytesPerToken("mistralai/Mistral-7B-v0.1", 2), gqaBytesPerToken("mistralai/Mistral-7B-v0.1", 2) * mistral.sliding_window],
  ];
  assert.equal(llama31 * 32768, 4 * 1024 ** 3, "Llama 3.1 8B at 32k in bf16 is 4 GiB");
  for (const [query, perToken, total] of cases) {
    const { page, errors, context } = await open(query);
    assert.equal(await value(page, "kv-bytes-per-token"), String(perToken), query);
    assert.equal(await value(page, "kv-bytes"), String(total), query);
    assert.deepEqual(errors, [], query);
    await context.close();
  }
});

test("parameter counts are shown with exact values", async () => {
  const { page, errors, context } = await open("model=deepseek-ai/DeepSeek-V3");
  const total = Number(await value(page, "params-total"));
  const active = Number(await value(page, "params-active"));
  assert.ok(Math.abs(total / 671e9 - 1) < 0.02, `total ${total}`);
  assert.ok(Math.abs(active / 37e9 - 1) < 0.03, `active ${active}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the chart redraws when the context changes, and the step-through advances", async () => {
  const { page, errors, context } = await open("model=meta-llama/Llama-3.1-8B&ctx=1024&compare=deepseek-ai/DeepSeek-V3");
  const pixels = () => page.$eval("[data-testid=kv-chart] canvas, canvas[data-testid=kv-chart]", (c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 16) h = (h * 31 + d[i] + d[i + 1] * 7 + d[i + 2] * 13) >>> 0;
    return h;
  });
  const before = await pixels();
  await page.fill("input[data-control=ctx]", "65536");
  await page.press("input[data-control=ctx]", "Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("ctx") === "65536");
  await page.waitForTimeout(100);
  assert.notEqual(await pixels(), before, "chart changed");
  const t0 = Number(await value(page, "step-t"));
  await page.click("button[data-action=step]");
  await page.click("button[data-action=step]");
  assert.equal(Number(await value(page, "step-t")), t0 + 2);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  const { page, errors, context } = await open("model=nope/nothing&ctx=1e12&batch=0&dtype=foo&lang=en");
  const notices = await page.$$eval(".notices .notice", (ps) => ps.map((p) => p.textContent));
  assert.ok(notices.length >= 4, notices.join(" | "));
  const bytes = await value(page, "kv-bytes");
  assert.match(bytes, /^\d+$/, "an exact integer, never NaN");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a widget remounted by a language switch leaves no window listeners behind", async () => {
  const { page, errors, context } = await openPage(open.env.browser);
  // Net "resize" listeners on window, counted from the first script on.
  await page.addInitScript(() => {
    window.__resize = 0;
    const add = window.addEventListener, remove = window.removeEventListener;
    window.addEventListener = function (type, ...rest) { if (type === "resize") window.__resize++; return add.call(this, type, ...rest); };
    window.removeEventListener = function (type, ...rest) { if (type === "resize") window.__resize--; return remove.call(this, type, ...rest); };
  });
  await page.goto(`${open.env.site.url}lab/kv-cache/`);
  await appReady(page);
  await page.waitForSelector(".widget[data-widget=kv-cache] canvas");
  const counts = [await page.evaluate(() => window.__resize)];
  for (const lang of ["en", "zh", "en"]) {
    await page.click("[data-testid=lang-switch]");
    await page.waitForSelector(`html[lang=${lang === "en" ? "en" : "zh-CN"}] .widget[data-widget=kv-cache] canvas`);
    await page.waitForTimeout(100);
    counts.push(await page.evaluate(() => window.__resize));
  }
  assert.ok(counts[0] > 0, "the chart listens for resizes");
  assert.deepEqual(counts.slice(1), [counts[0], counts[0], counts[0]], `resize listeners after each switch: ${counts}`);
  assert.deepEqual(errors, []);
  await context.close();
});
