#!/usr/bin/env node
// A small static server for the demo (and tests): serves the project folder on 127.0.0.1 only.
//   node scripts/serve.mjs [start-path] [--port N]
// PORT (or --port) picks the port; 0 or a busy port falls back to a free one.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json', '.ico': 'image/x-icon', '.md': 'text/plain; charset=utf-8',
};

/** Starts the server; resolves to { server, url }. Options: { port, headers } (headers: extra response headers). */
export function serve({ port = 0, headers = {}, startPath = '' } = {}) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (path === '/') {
      response.writeHead(302, { location: `/${startPath}` });
      response.end();
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || file.includes(`${sep}.git${sep}`)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    let target = file;
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
    if (!existsSync(target)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
    createReadStream(target).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE' && port !== 0) serve({ port: 0, headers, startPath }).then(resolvePromise, reject);
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolvePromise({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portFlag = args.indexOf('--port');
  const port = Number(portFlag >= 0 ? args[portFlag + 1] : process.env.PORT ?? 8080);
  const start = (args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') ?? 'demo').replace(/^\/+/, '');
  const startPath = start.endsWith('/') || extname(start) ? start : `${start}/`;
  const { url } = await serve({ port, startPath });
  console.log(`\nnorth-star-widgets demo: ${url}${startPath}\n  static wiki-style page: ${url}demo/static.html\n(Ctrl+C to stop)`);
}
