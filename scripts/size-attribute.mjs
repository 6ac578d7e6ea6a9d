// Attributes the bytes of a host build's chunks to QuotaKit's source files (`npm run size --
// --explain=<scenario>`). The host bundler reports, per module, how many bytes of each shipped
// dist/ file it kept (`renderedLength`); a shipped file's source map says which source file each of
// its generated characters came from. The kept bytes are prorated over those sources by that share
// (a host that tree-shakes half a chunk is assumed to keep half of each of its sources).
import { existsSync, readFileSync } from 'node:fs';

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one base64-VLQ segment into its numbers. */
function vlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64[ch];
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * Generated characters per source of one shipped file, from its `.map`: each mapping segment covers
 * the code up to the next segment, across lines (a minified template literal's later lines carry no
 * segments of their own); characters before the first segment, or of a segment with no source,
 * count as `(generated)`.
 * @returns {Map<string, number>}
 */
export function sourceShares(file) {
  const shares = new Map();
  const mapFile = `${file}.map`;
  const code = readFileSync(file, 'utf8');
  if (!existsSync(mapFile)) {
    shares.set('(no map)', code.length);
    return shares;
  }
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = code.split('\n');
  const add = (k, n) => n > 0 && shares.set(k, (shares.get(k) ?? 0) + n);
  let src = 0;
  let prevSrc = '(generated)';
  map.mappings.split(';').forEach((line, li) => {
    const len = (lines[li] ?? '').length + 1;
    let col = 0;
    let prevCol = 0;
    for (const seg of line ? line.split(',') : []) {
      const v = vlq(seg);
      col += v[0];
      add(prevSrc, col - prevCol);
      prevCol = col;
      if (v.length >= 4) {
        src += v[1];
        prevSrc = map.sources[src] ?? '(generated)';
      } else prevSrc = '(generated)';
    }
    add(prevSrc, len - prevCol);
  });
  // Lines after the last one with mappings.
  for (let li = map.mappings.split(';').length; li < lines.length; li++) add(prevSrc, lines[li].length + 1);
  return shares;
}

/** `src/…` for a source path of a shipped map (they are relative to the map's folder). */
export const sourceKey = (s) => s.replace(/^(\.\.\/)+/, '').replace(/^.*?\/?src\//, 'src/');
