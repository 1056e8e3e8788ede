import { serve } from "./e2e/server.mjs";
import { launch } from "./e2e/browser.mjs";
const srv = await serve("dist", "/");
const browser = await launch();
for (const [name, path, js] of [["lab-kv", "lab/kv-cache/", true], ["lab-kv-nojs", "lab/kv-cache/", false], ["q-mla", "q/deepseek-mla/", true], ["home", "", true]]) {
  for (const width of [360, 1280]) for (const scheme of ["light", "dark"]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, javaScriptEnabled: js });
    const p = await ctx.newPage();
    await p.goto(srv.url + path);
    if (js) await p.waitForSelector("html[data-live]");
    await p.waitForTimeout(800);
    await p.screenshot({ path: `target/shots/${name}-${width}-${scheme}.png` });
    await ctx.close();
  }
}
await browser.close(); srv.close();
