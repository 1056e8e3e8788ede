// A plain static file server for dist/, like a static host: unknown paths get 404.html with
// status 404 (GitHub Pages behaviour), optionally mounted under a sub-path.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
};

/** Starts a server for `root` mounted at `prefix` ("/" or "/sub/path/"); resolves to { url, close }.
 * `extra` maps paths to HTML pages served as they are; `headers` are added to every file of `root`. */
export function serve(root, prefix = "/", extra = {}, headers = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (extra[url.pathname]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(extra[url.pathname]);
    }
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404);
      return res.end("outside the site");
    }
    path = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      const body = await readFile(join(root, "404.html")).catch(() => "not found");
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}${prefix}`, origin: `http://127.0.0.1:${port}`, close: () => { server.closeAllConnections(); server.close(); } });
    });
  });
}
