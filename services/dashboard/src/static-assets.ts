/**
 * The dashboard's files: everything under `public/` plus Chart.js's UMD build from
 * node_modules (no build step). The table is built once at start from the directory, so a
 * request can only ever name a file that is in it: no path from the URL reaches the disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Asset = {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly etag: string;
};

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

/** URL path under /dashboard/ -> asset, e.g. `js/app.js`, `vendor/chart.umd.min.js`. */
export function loadAssets(root: string = publicDir): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of walk(root)) {
    const type = types[extname(file)];
    if (type === undefined) continue;
    assets.set(relative(root, file).split(sep).join('/'), asset(readFileSync(file), type));
  }
  const chartJs = join(dirname(fileURLToPath(import.meta.resolve('chart.js'))), 'chart.umd.min.js');
  assets.set('vendor/chart.umd.min.js', asset(readFileSync(chartJs), types['.js'] as string));
  return assets;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function asset(body: Uint8Array, contentType: string): Asset {
  let hash = 0x811c9dc5;
  for (const byte of body) hash = Math.imul(hash ^ byte, 0x01000193);
  return { body, contentType, etag: `"${(hash >>> 0).toString(16)}-${body.length}"` };
}
