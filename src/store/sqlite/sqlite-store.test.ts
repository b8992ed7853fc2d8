import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../open.js';
import { storeContract } from '../store.contract.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-sqlite-'));
let n = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite', () => openStore(path.join(dir, `store-${++n}.db`)));
