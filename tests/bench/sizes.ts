/** Size of every built file of the extension, raw and gzipped (level 9). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  raw: number;
  gzip: number;
}

export function bundleSizes(dir: string): BundleSize[] {
  const out: BundleSize[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html|json)$/.test(name)) {
        const buf = readFileSync(path);
        out.push({
          file: relative(dir, path),
          raw: buf.length,
          gzip: gzipSync(buf, { level: 9 }).length,
        });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => b.gzip - a.gzip);
}
