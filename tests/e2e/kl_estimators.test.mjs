// The KL estimator explorer in headless Chromium, through its embed page: both KLs and the
// gradient of k3 as a loss against JS computations from the logits, the gradient verdicts,
// the seeded Monte-Carlo run, hostile parameters, axe, zh/en.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axeViolations } from "./browser.mjs";
import { embedOpener, value, notices } from "./harness.mjs";

const open = embedOpener("kl-estimators", ".widget[data-widget=kl-estimators] output[data-key=kl-forward]", "attached");
const nums = async (page, key) => (await value(page, key)).split(",").map(Number);
const near = (a, b, tol = 1e-12) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

function softmax(l) {
  const m = Math.max(...l);
  const e = l.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}
const kl = (p, q) => p.reduce((a, pi, i) => a + (pi === 0 ? 0 : pi * Math.log(pi / q[i])), 0);

test("both KLs and grad of k3 as a loss equal JS computations from the logits", async () => {
  for (const [theta, ref] of [[[0, 1, 2], [1, 1, 0]], [[0.3, -1.2, 2.5, 0, 0.7], [1, 0.5, -0.5, 2, 0]]]) {
    const { page, errors, context } = await open(`theta=${theta}&ref=${ref}&samples=500&seed=7`);
    const p = softmax(theta), q = softmax(ref);
    assert.ok(near(Number(await value(page, "kl-forward")), kl(p, q), 1e-12));
    assert.ok(near(Number(await value(page, "kl-reverse")), kl(q, p), 1e-12));
    const g3 = await nums(page, "grad-k3-loss");
    g3.forEach((g, i) => assert.ok(near(g, p[i] - q[i], 1e-12), `grad-k3-loss[${i}] ${g} vs ${p[i] - q[i]}`));
    const grev = await nums(page, "grad-kl-reverse");
    grev.forEach((g, i) => assert.ok(near(g, p[i] - q[i], 1e-12)));
    // k1 as a loss: zero in expectation; k1 in the reward and k2 as a loss: ∇KL(π_θ‖π_ref).
    (await nums(page, "grad-k1-loss")).forEach((g) => assert.ok(Math.abs(g) < 1e-12, `${g}`));
    const fwd = await nums(page, "grad-kl-forward");
    const want = p.map((pi, j) => pi * (Math.log(p[j] / q[j]) - kl(p, q)));
    fwd.forEach((g, i) => assert.ok(near(g, want[i], 1e-9)));
    for (const key of ["grad-k1-reward", "grad-k2-loss"]) (await nums(page, key)).forEach((g, i) => assert.ok(near(g, want[i], 1e-9), key));
    // The exact means: k1 and k3 unbiased.
    assert.ok(near(Number(await value(page, "k1")), kl(p, q), 1e-9));
    assert.ok(near(Number(await value(page, "k3")), kl(p, q), 1e-9));
    assert.ok(Number(await value(page, "k3-std")) >= 0);
    assert.deepEqual(await notices(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("the Monte-Carlo run is seeded; the button draws the next seed", async () => {
  const a = await open("preset=far&samples=2000&seed=3&lang=en");
  const b = await open("preset=far&samples=2000&seed=3");
  assert.equal(await value(a.page, "mc-k1"), await value(b.page, "mc-k1"));
  assert.equal(await value(a.page, "mc-counts"), await value(b.page, "mc-counts"));
  assert.equal(Number(await value(a.page, "mc-n")), 2000);
  assert.equal((await nums(a.page, "mc-counts")).reduce((x, y) => x + y, 0), 2000);
  const before = await value(a.page, "mc-counts");
  await a.page.click("button[data-control=run]");
  await a.page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("seed=4"));
  assert.notEqual(await value(a.page, "mc-counts"), before);
  assert.match(await a.page.textContent("[data-testid=kl-gradients]"), /= ∇KL\(π_ref‖π_θ\)/);
  assert.deepEqual(await axeViolations(a.page), []);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.context.close();
  await b.context.close();
});

test("typing logits switches to custom and keeps both lists the same length", async () => {
  const { page, errors, context } = await open("preset=default&lang=en");
  await page.fill("input[data-control=theta]", "0,0,0,1");
  await page.press("input[data-control=theta]", "Enter");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("theta=0,0,0,1"));
  assert.equal((await nums(page, "pi-ref")).length, 4);
  assert.deepEqual(await notices(page), []);
  await page.selectOption("select[data-control=preset]", "peaked");
  await page.waitForFunction(() => document.querySelector("input[data-share=link]").value.includes("preset=peaked"));
  assert.equal((await nums(page, "pi-theta")).length, 8);
  assert.deepEqual(errors, []);
  await context.close();
});

test("hostile parameters give notices and no page error", async () => {
  // 5 000 entries in the URL (the test server caps a request line at 16 KB); 10 000 typed below.
  const many = Array.from({ length: 5000 }, (_, i) => i % 7).join(",");
  for (const q of [`theta=${many}`, "theta=NaN,1&ref=1,1", "theta=1,2,3&ref=1,2", "samples=1e12&seed=-4", "preset=zzz&theta=1e308,0&ref=0,0", "theta=&ref="]) {
    const { page, errors, context } = await open(q);
    assert.ok((await notices(page)).length >= 1, q);
    assert.ok(Number.isFinite(Number(await value(page, "kl-forward"))), q);
    assert.ok((await nums(page, "pi-theta")).length <= 16);
    assert.deepEqual(errors, [], q);
    await context.close();
  }
  const { page, errors, context } = await open("preset=default");
  await page.fill("input[data-control=theta]", Array.from({ length: 10000 }, (_, i) => i % 5).join(","));
  await page.press("input[data-control=theta]", "Enter");
  await page.waitForSelector(".widget .notices .notice");
  assert.equal((await nums(page, "pi-theta")).length, 16);
  assert.equal((await nums(page, "pi-ref")).length, 16);
  assert.deepEqual(errors, []);
  await context.close();
});

test("zh and en texts differ", async () => {
  const zh = await open("preset=default");
  const en = await open("preset=default&lang=en");
  const tz = await zh.page.textContent("[data-testid=kl-verdict]");
  const te = await en.page.textContent("[data-testid=kl-verdict]");
  assert.notEqual(tz, te);
  assert.match(tz, /陷阱/);
  assert.match(te, /trap/);
  assert.deepEqual(await axeViolations(zh.page), []);
  assert.deepEqual([...zh.errors, ...en.errors], []);
  await zh.context.close();
  await en.context.close();
});
