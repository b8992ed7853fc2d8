// A reported vote, stored and read back: the decision of a proposal and the outlook it gives (SQLite, in a temp folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze/index.js';
import { proposalOutlook } from '../institutions/proposal-outlook.js';
import { createApp } from '../server/index.js';
import { openStore } from '../store/open.js';
import { decisionsOf, decisionText } from './decisions.js';
import { recordArticle } from './record-article.js';

const article = (id: string, date: string, text: string) =>
  analyze({ id, date, title: `Vote ${id}`, url: null, source: null, file: null, language: 'en', text }).record;

describe('decisions of stored proposals', () => {
  it('reads the vote back, and the outlook passes with the abstentions and the members the count settles', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-decisions-'));
    const store = await openStore(path.join(dir, 'v.db'));
    try {
      await recordArticle(store, article('a1', '2024-03-22',
        'The UN Security Council on Friday adopted a resolution drafted by Algeria demanding a ceasefire in Gaza, by 13 votes to 0, with the United Kingdom and Russia abstaining.'));
      const [p] = await store.proposals();
      const [d] = await decisionsOf(store, p.id);
      expect(d).toMatchObject({ outcome: 'adopted', date: '2024-03-22', for: 13, against: 0, articleId: 'a1', title: 'Vote a1' });
      expect(d.abstaining.sort()).toEqual(['country:GBR', 'country:RUS']);
      expect(d.evidence).toMatch(/^The UN Security Council on Friday adopted/);
      expect(decisionText(d)).toBe('adopted on 2024-03-22, 13 for, 0 against');
      const o = await proposalOutlook(store, p.id);
      expect(o?.decided?.outcome).toBe('adopted');
      expect(o?.outlook.status).toBe('passes');
      expect(o?.outlook.abstain.sort()).toEqual(['country:GBR', 'country:RUS']);
      expect(o?.outlook.support).toHaveLength(13);
      // The proposal's page in the API gives the decision and the same outlook.
      const app = createApp({ store, token: 't', webRoot: dir });
      const page = await (await app.request(`/api/proposals/${p.id}`)).json() as { decided: { outcome: string; for: number }; outlook: { outlook: { status: string } } };
      expect(page.decided).toMatchObject({ outcome: 'adopted', for: 13 });
      expect(page.outlook.outlook.status).toBe('passes');
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it('has none for a proposal no article reports a vote on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-decisions-'));
    const store = await openStore(path.join(dir, 'v.db'));
    try {
      await recordArticle(store, article('a2', '2024-03-20', 'Algeria put forward a draft UN Security Council resolution demanding a ceasefire in Gaza. Russia backed the draft.'));
      const [p] = await store.proposals();
      expect(await decisionsOf(store, p.id)).toEqual([]);
      expect((await proposalOutlook(store, p.id))?.decided).toBeNull();
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
