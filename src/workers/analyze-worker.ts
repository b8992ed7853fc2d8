// The body of an analyser worker thread: keeps its own knowledge snapshot and analyses the articles it is sent.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze/index.js';
import { KnowledgeBuilder } from '../analyze/knowledge.js';
import { fingerprint } from '../aggregate/near-duplicates.js';
import type { FromWorker, ToWorker } from './messages.js';

const knowledge = new KnowledgeBuilder();
const port = parentPort;
if (!port) throw new Error('analyze-worker.js runs only as a worker thread');

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'learn') {
    for (const p of msg.people) knowledge.add(p);
    return;
  }
  let reply: FromWorker;
  try {
    const result = analyze(msg.article, knowledge);
    reply = { kind: 'done', job: msg.job, result, fingerprint: msg.fingerprint ? fingerprint(msg.article.text) : undefined };
  } catch (err) {
    reply = { kind: 'failed', job: msg.job, message: (err as Error).message };
  }
  port.postMessage(reply);
});
