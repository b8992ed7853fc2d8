// The body of an analyser worker thread: keeps its own knowledge snapshot and analyses the articles it is sent.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../analyze/index.js';
import { KnowledgeBuilder } from '../analyze/knowledge.js';
import { fingerprint } from '../aggregate/near-duplicates.js';
import type { FromWorker, ToWorker } from './messages.js';
import { RecordingKnowledge } from './recording-knowledge.js';

let knowledge = new KnowledgeBuilder();
const port = parentPort;
if (!port) throw new Error('analyze-worker.js runs only as a worker thread');

port.on('message', (msg: ToWorker) => {
  if (msg.reset) knowledge = new KnowledgeBuilder();
  for (const p of msg.learn) knowledge.add(p);
  let reply: FromWorker;
  try {
    if (msg.json) {
      // For printing: nobody asks which knowledge it looked up.
      const result = analyze(msg.article, knowledge);
      reply = { kind: 'json', job: msg.job, json: JSON.stringify(result.record), warnings: result.warnings };
    } else {
      const seen = new RecordingKnowledge(knowledge);
      const result = analyze(msg.article, seen);
      reply = { kind: 'done', job: msg.job, result, fingerprint: msg.fingerprint ? fingerprint(msg.article.text) : undefined, lookups: seen.lookups() };
    }
  } catch (err) {
    reply = { kind: 'failed', job: msg.job, message: (err as Error).message };
  }
  port.postMessage(reply);
});
