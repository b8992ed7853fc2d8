import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { storeContract } from '../store.contract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-sqlite-'));
let n = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite', async () => path.join(dir, `store-${++n}.db`));
