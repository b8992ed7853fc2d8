// Copies the analyser's binary assets (learned weights, word vectors: src/**/*.bin) beside the built code in dist/,
// which tsc does not do for files it does not compile; run-time code finds them with new URL('./x.bin', import.meta.url).
import fs from 'node:fs';
import path from 'node:path';

const EXTENSIONS = new Set(['.bin']);

function copy(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) copy(from);
    else if (EXTENSIONS.has(path.extname(entry.name))) {
      const to = path.join('dist', path.relative('src', from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    }
  }
}
copy('src');
