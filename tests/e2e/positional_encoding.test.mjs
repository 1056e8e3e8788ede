// The positional-encoding explorer in headless Chromium: RoPE figures and ALiBi slopes against
// independent JS computations, GLM 2D ids, keyboard + share link, hostile params, axe, zh/en.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "./browser.mjs";
import { embedOpener, value } from "./harness.mjs";

const open = embedOpener("positional-encoding", ".widget[data-widget=positional-encoding] dl.pe-headline output");
const exported = async (page) => JSON.parse(await page.textContent("pre[data-export=json]"));
const near = (a, b, tol = 1e-12) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

/** RoPE from the paper: θ_i = base^(−2i/d), angle m·θ_i, wavelength 2π/θ_i. */
const thetaI = (i, d, base) => Math.pow(base, (-2 * i) / d);

/** ALiBi's reference get_slopes, transcribed from the paper's repository. */
function getSlopes(n) {
  const pow2 = (n) => {
    const start = 2 ** -(2 ** -(Math.log2(n) - 3));
    return Array.from({ length: n }, (_, i) => start * start ** i);
  };
  if (Number.isInteger(Math.log2(n))) return pow2(n);
  const closest = 2 ** Math.floor(Math.log2(n));
  return pow2(closest).concat(getSlopes(2 * closest).filter((_, i) => i % 2 === 0).slice(0, n - closest));
}

test("RoPE angle, wavelength and score equal the formulas", async () => {
  const { page, errors, context } = await open("scheme=rope&theta=10000&pos=1234&dim=5&head_dim=128");
  const angle = Number(await value(page, "angle"));
  const wl = Number(await value(page, "wavelength"));
  assert.ok(near(angle, 1234 * thetaI(5, 128, 10000)), `angle ${angle}`);
  assert.ok(near(wl, (2 * Math.PI) / thetaI(5, 128, 10000)), `wavelength ${wl}`);
  let s = 0;
  for (let i = 0; i < 64; i++) s += Math.cos(1234 * thetaI(i, 128, 10000));
  assert.ok(near(Number(await value(page, "score")), s / 64, 1e-9));
  const json = await exported(page);
  assert.equal(json.scheme, "rope");
  assert.equal(json.rope.curve.score[0], 1);
  assert.ok(json.rope.curve.score.every((v) => Math.abs(v) <= 1 + 1e-12));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("theta=500000 has a longer lowest-frequency wavelength than 10000", async () => {
  const lowest = async (q) => {
    const { page, errors, context } = await open(q);
    const v = Number(await value(page, "lowest-wavelength"));
    assert.deepEqual(errors, []);
    await context.close();
    return v;
  };
  const a = await lowest("scheme=rope&theta=10000");
  const b = await lowest("scheme=irope&theta=500000");
  assert.ok(near(a, (2 * Math.PI) / thetaI(63, 128, 10000), 1e-9), `${a}`);
  assert.ok(b > a * 10, `${b} vs ${a}`);
});

test("ALiBi slopes equal the reference algorithm for 8 and 12 heads", async () => {
  for (const heads of [8, 12]) {
    const { page, errors, context } = await open(`scheme=alibi&heads=${heads}&head=${heads}&pos=10`);
    const json = await exported(page);
    const want = getSlopes(heads);
    assert.equal(json.alibi.slopes.length, heads);
    json.alibi.slopes.forEach((m, i) => assert.ok(near(m, want[i], 1e-14), `H=${heads} h=${i + 1}: ${m} vs ${want[i]}`));
    assert.ok(near(Number(await value(page, "slope")), want[heads - 1], 1e-14));
    assert.ok(near(Number(await value(page, "bias")), -10 * want[heads - 1], 1e-12));
    if (heads === 8) assert.deepEqual(json.alibi.slopes, [1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("GLM 2D ids: prompt, [gMASK], <sop>, generated", async () => {
  const { page, errors, context } = await open("scheme=glm2d&prompt=3&gen=2");
  const json = await exported(page);
  const toks = json.glm2d.tokens;
  assert.deepEqual(toks.map((t) => t.token).slice(3, 5), ["[gMASK]", "<sop>"]);
  assert.deepEqual(toks.map((t) => t.position), [0, 1, 2, 3, 3, 3, 3]);
  assert.deepEqual(toks.map((t) => t.block), [0, 0, 0, 0, 1, 2, 3]);
  const cells = await page.$$eval("[data-testid=pe-glm-table] tbody tr:nth-child(3) td", (tds) => tds.map((t) => Number(t.textContent)));
  assert.deepEqual(cells, [0, 0, 0, 0, 1, 2, 3]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("NoPE and iRoPE layer patterns", async () => {
  let { page, errors, context } = await open("scheme=nope&layer=7");
  let json = await exported(page);
  assert.equal(json.layers.use_rope.length, 36);
  assert.deepEqual(json.layers.use_rope.flatMap((r, i) => (r ? [] : [i])), [3, 7, 11, 15, 19, 23, 27, 31, 35]);
  assert.equal(await value(page, "layer-rope"), "false");
  assert.deepEqual(errors, []);
  await context.close();
  ({ page, errors, context } = await open("scheme=irope&theta=500000&pos=9000&layer=4"));
  json = await exported(page);
  assert.equal(json.layers.use_rope.length, 48);
  assert.equal(await value(page, "layer-rope"), "true");
  assert.equal(Number(await value(page, "chunk-reach")), 9000 % 8192 + 1);
  assert.ok(near(Number(await value(page, "attn-scale")), Math.log(Math.floor(9001 / 8192) + 1) * 0.1 + 1));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("keyboard on a slider changes the value and the share link", async () => {
  const { page, errors, context } = await open("scheme=rope&pos=100&dim=0");
  const before = await page.inputValue("input[data-share=link]");
  await page.focus("input[data-control=dim]");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("dim=2"));
  assert.ok(near(Number(await value(page, "angle")), 100 * thetaI(2, 128, 10000)));
  await page.focus("input[data-control=theta]");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => !document.querySelector("input[data-share=link]").value.includes("theta=10000&"));
  const link = await page.inputValue("input[data-share=link]");
  assert.notEqual(link, before);
  const theta = Number(new URL(link).searchParams.get("theta"));
  assert.ok(theta > 10000 && theta < 20000, link);
  // The link reproduces the state.
  const { page: p2, context: c2 } = await open(new URL(link).search.slice(1));
  assert.equal(await value(p2, "angle"), await value(page, "angle"));
  await c2.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  const { page, errors, context } = await open("scheme=zzz&theta=abc&pos=-1&dim=1e9");
  const notices = await page.$$eval(".notices .notice", (ps) => ps.map((p) => p.textContent));
  assert.ok(notices.length >= 3, notices.join(" | "));
  assert.equal(Number(await value(page, "angle")), 0);
  assert.deepEqual(errors, []);
  await context.close();
  const r = await open("scheme=alibi&heads=1e308&head=NaN&pos=NaN&theta=1e308");
  assert.ok((await r.page.$$(".notices .notice")).length >= 2);
  assert.equal((await exported(r.page)).alibi.slopes.length, 128);
  assert.deepEqual(r.errors, []);
  await r.context.close();
});

test("zh and en texts differ", async () => {
  const zh = await open("scheme=rope");
  const en = await open("scheme=rope&lang=en");
  const tz = await zh.page.textContent("[data-testid=pe-explain]");
  const te = await en.page.textContent("[data-testid=pe-explain]");
  assert.notEqual(tz, te);
  assert.match(tz, /旋转/);
  assert.match(te, /rotat/);
  assert.deepEqual(await axeViolations(en.page), []);
  assert.deepEqual([...zh.errors, ...en.errors], []);
  await zh.context.close();
  await en.context.close();
});
