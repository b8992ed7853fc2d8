// Makes the built CLI executable and links it as node_modules/.bin/standpoint, so the
// project's own scripts (npm run eval, the evaluation's default --cli) find it.
import fs from 'node:fs';
import path from 'node:path';

const cli = path.resolve('dist/cli/main.js');
fs.chmodSync(cli, 0o755);
const bin = path.resolve('node_modules/.bin');
fs.mkdirSync(bin, { recursive: true });
const link = path.join(bin, 'standpoint');
fs.rmSync(link, { force: true });
fs.symlinkSync(path.relative(bin, cli), link);
