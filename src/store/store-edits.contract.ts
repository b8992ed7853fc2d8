// The analyst's edits under the store contract (SQLite and PostgreSQL): every action, its undo, its errors, and edits kept on re-ingest.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addStance, deleteStance, mergeProposals, reassignStance, renameProposal, setStance, splitProposal, undoEdit } from '../aggregate/edit-actions.js';
import { positionsOf, proposalSummaries, viewProposal } from '../aggregate/positions.js';
import { recordArticle } from '../aggregate/record-article.js';
import { openStore } from './open.js';
import type { Store } from './store.js';
import { makeRecord } from './test-records.js';

const WHO = { author: 'ana', note: 'checked the article' };
const GRAIN = { key: 'grain-corridor', summary: 'grain corridor through the Black Sea' };
const CORRIDOR = { key: 'sea-lane-escort', summary: 'naval escorts for the sea lane' };
const actors = ['country:NOR', 'country:TUR', 'country:AUT', 'person:ana-soto=country:CHL'];

const first = makeRecord({
  date: '2025-03-10', actors, proposals: [GRAIN, CORRIDOR],
  text: 'Norway backed the grain corridor through the Black Sea. Turkey was undecided. Austria rejected naval escorts for the sea lane, and Ana Soto said Chile backed the escorts.',
  stances: [
    { holder: 'country:NOR', stance: 'support', evidence: 'Norway backed' },
    { holder: 'country:TUR', stance: 'undecided', evidence: 'Turkey was undecided' },
    { holder: 'country:AUT', stance: 'oppose', on: 'sea-lane-escort', evidence: 'Austria rejected' },
    { holder: 'person:ana-soto', stance: 'support', on: 'sea-lane-escort', evidence: 'Chile backed the escorts' },
  ],
});
const later = (text: string, stances: Parameters<typeof makeRecord>[0]['stances'], proposals = [GRAIN]) =>
  makeRecord({ date: '2025-03-20', actors, proposals, text, stances });

export function editsContract(name: string, location: () => Promise<string>): void {
  describe(`store contract, the analyst's edits: ${name}`, () => {
    let store: Store;
    let grain: string;
    let corridor: string;
    const stanceOf = async (proposal: string, holder: string) => (await positionsOf(store, [proposal])).find((s) => s.holder === holder);

    beforeEach(async () => {
      store = await openStore(await location());
      expect(await recordArticle(store, first)).toBe('new');
      const list = await proposalSummaries(store);
      grain = list.find((p) => p.summary === GRAIN.summary)!.id;
      corridor = list.find((p) => p.summary === CORRIDOR.summary)!.id;
    });
    afterEach(async () => { await store.close(); });

    it('sets a stance (abstain included), keeps the machine\'s label beside it, and undoes it, audited', async () => {
      const tur = (await stanceOf(grain, 'country:TUR'))!;
      const { edit, stance } = await setStance(store, { stanceId: tur.id, stance: 'abstain' }, WHO);
      expect(stance).toMatchObject({ id: tur.id, stance: 'abstain', machineStance: 'undecided', corrected: true, analyst: { editId: edit.id, author: 'ana', note: 'checked the article' } });
      expect(edit).toMatchObject({ action: 'set-stance', target: String(tur.id), before: { stance: 'undecided' }, after: { stance: 'abstain', holder: 'country:TUR' }, undoneBy: null });
      const undo = await undoEdit(store, { editId: edit.id }, { author: 'bo', note: null });
      expect(undo).toMatchObject({ action: 'undo', target: String(edit.id), author: 'bo' });
      expect(await stanceOf(grain, 'country:TUR')).toMatchObject({ stance: 'undecided', corrected: false });
      const log = await store.edits();
      expect(log.map((e) => [e.action, e.undoneBy])).toEqual([['set-stance', undo.id], ['undo', null]]);
      await expect(undoEdit(store, { editId: edit.id }, WHO)).rejects.toThrow(/undone already/);
      await expect(undoEdit(store, { editId: undo.id }, WHO)).rejects.toThrow(/is an undo/);
    });

    it('refuses a wrong or unknown id with a clear error and changes nothing', async () => {
      const nor = (await stanceOf(grain, 'country:NOR'))!;
      const before = await proposalSummaries(store);
      const fails: Array<[() => Promise<unknown>, RegExp]> = [
        [() => setStance(store, { stanceId: 9999, stance: 'oppose' }, WHO), /no stance with id 9999/],
        [() => setStance(store, { stanceId: nor.id, stance: 'maybe' }, WHO), /bad stance "maybe"/],
        [() => setStance(store, { stanceId: nor.id, stance: 'oppose', expectHolder: 'country:TUR' }, WHO), /not country:TUR's: check the STANCE_ID/],
        [() => deleteStance(store, { stanceId: 9999 }, WHO), /no stance with id 9999/],
        [() => reassignStance(store, { stanceId: nor.id, holder: 'country:XQZ' }, WHO), /no actor with key country:XQZ/],
        [() => reassignStance(store, { stanceId: nor.id, proposalId: 'Pnope' }, WHO), /no proposal with id Pnope/],
        [() => reassignStance(store, { stanceId: 9999, holder: 'TUR' }, WHO), /no stance with id 9999/],
        [() => addStance(store, { proposalId: 'Pnope', holder: 'TUR', stance: 'support', text: 'x' }, WHO), /no proposal with id Pnope/],
        [() => addStance(store, { proposalId: grain, holder: 'person:nobody', stance: 'support', text: 'x' }, WHO), /no actor with key person:nobody/],
        [() => addStance(store, { proposalId: grain, holder: 'AUT', stance: 'support', articleId: 'nope', text: 'x' }, WHO), /no article with id nope/],
        [() => addStance(store, { proposalId: grain, holder: 'AUT', stance: 'support', articleId: first.article.id, text: 'not in the text' }, WHO), /not in article/],
        [() => addStance(store, { proposalId: grain, holder: 'AUT', stance: 'support', articleId: first.article.id, start: 5, end: 99999 }, WHO), /bad evidence span/],
        [() => mergeProposals(store, { into: grain, from: 'Pnope' }, WHO), /no proposal with id Pnope/],
        [() => mergeProposals(store, { into: grain, from: grain }, WHO), /with itself/],
        [() => splitProposal(store, { proposalId: grain, observations: [99999] }, WHO), /no observation with id 99999/],
        [() => splitProposal(store, { proposalId: 'Pnope', observations: [1] }, WHO), /no proposal with id Pnope/],
        [() => renameProposal(store, { proposalId: 'Pnope', name: 'x' }, WHO), /no proposal with id Pnope/],
        [() => renameProposal(store, { proposalId: grain, name: '  ' }, WHO), /cannot be empty/],
        [() => undoEdit(store, { editId: 424242 }, WHO), /no edit with id 424242/],
      ];
      for (const [act, re] of fails) await expect(act()).rejects.toThrow(re);
      const corridorObs = (await store.numberedObservations({ proposalIds: [corridor] }))[0];
      await expect(splitProposal(store, { proposalId: grain, observations: [corridorObs.id] }, WHO)).rejects.toThrow(/is on proposal/);
      expect(await store.edits()).toEqual([]);
      expect(await proposalSummaries(store)).toEqual(before);
    });

    it('adds a stance the machine missed, with its evidence span, and deletes a wrong one', async () => {
      const { stance } = await addStance(store, { proposalId: grain, holder: 'AUT', stance: 'oppose', articleId: first.article.id, text: 'Austria rejected' }, WHO);
      expect(stance).toMatchObject({ holder: 'country:AUT', stance: 'oppose', machineStance: null, evidence: 'Austria rejected', article: first.article.id, date: '2025-03-10', observations: 0 });
      const quoted = await addStance(store, { proposalId: corridor, holder: 'org:NATO', stance: 'support', text: 'NATO said it backed the escorts (press release)', date: '2025-03-11' }, WHO);
      expect(quoted.stance).toMatchObject({ holder: 'org:NATO', article: null, evidence: 'NATO said it backed the escorts (press release)' });
      const nor = (await stanceOf(grain, 'country:NOR'))!;
      const del = await deleteStance(store, { stanceId: nor.id, expectHolder: 'NOR' }, WHO);
      expect(await stanceOf(grain, 'country:NOR')).toBeUndefined();
      await expect(setStance(store, { stanceId: nor.id, stance: 'oppose' }, WHO)).rejects.toThrow(/was deleted by edit/);
      // A new article on the same stance does not bring it back: the deletion holds.
      expect(await recordArticle(store, later('Norway again backed the grain corridor through the Black Sea, officials said on Thursday.', [{ holder: 'country:NOR', stance: 'support', evidence: 'Norway again backed' }]))).toBe('new');
      expect(await stanceOf(grain, 'country:NOR')).toBeUndefined();
      await undoEdit(store, { editId: del.edit.id }, WHO);
      expect(await stanceOf(grain, 'country:NOR')).toMatchObject({ stance: 'support', observations: 2 });
    });

    it('reassigns a stance to another holder and to another proposal', async () => {
      const aut = (await stanceOf(corridor, 'country:AUT'))!;
      const moved = await reassignStance(store, { stanceId: aut.id, holder: 'TUR' }, WHO);
      expect(moved.stance).toMatchObject({ holder: 'country:TUR', proposal: corridor, stance: 'oppose', evidence: 'Austria rejected' });
      expect(await stanceOf(corridor, 'country:AUT')).toBeUndefined();
      const tur = (await stanceOf(grain, 'country:TUR'))!;
      const other = await reassignStance(store, { stanceId: tur.id, proposalId: corridor }, WHO);
      // Turkey's undecided on the corridor joins its (reassigned) oppose there: one position, both observations.
      expect(other.stance).toMatchObject({ holder: 'country:TUR', proposal: corridor, observations: 2 });
      expect(await stanceOf(grain, 'country:TUR')).toBeUndefined();
      await undoEdit(store, { editId: moved.edit.id }, WHO);
      expect(await stanceOf(corridor, 'country:AUT')).toMatchObject({ stance: 'oppose' });
    });

    it('merges two proposals, and keeps later articles of either side merged', async () => {
      const { proposal } = await mergeProposals(store, { into: grain, from: corridor }, WHO);
      expect(proposal).toMatchObject({ id: grain, mergedFrom: [corridor], articles: 1 });
      const list = await proposalSummaries(store);
      expect(list.map((p) => p.id)).toEqual([grain]);
      expect(list[0].stances.map((s) => s.holder).sort()).toEqual(['country:AUT', 'country:CHL', 'country:NOR', 'country:TUR']);
      expect((await viewProposal(store, corridor))!.id).toBe(grain);
      expect(await recordArticle(store, first)).toBe('known');
      // A new article on the corridor alone: matched to it, shown on the merged entry.
      expect(await recordArticle(store, later('Austria now backed naval escorts for the sea lane after talks in Vienna on Thursday.',
        [{ holder: 'country:AUT', stance: 'support', on: 'sea-lane-escort', evidence: 'Austria now backed' }], [CORRIDOR]))).toBe('new');
      const after = await proposalSummaries(store);
      expect(after.map((p) => p.id)).toEqual([grain]);
      expect(after[0]).toMatchObject({ articles: 2, lastSeen: '2025-03-20' });
      expect(after[0].stances.find((s) => s.holder === 'country:AUT')).toMatchObject({ stance: 'support', observations: 2 });
    });

    it('splits observations off into a new proposal, renames it, and undoes the split', async () => {
      const obs = await store.numberedObservations({ proposalIds: [corridor] });
      const chl = obs.find((o) => o.holder === 'country:CHL')!;
      const { edit, proposal } = await splitProposal(store, { proposalId: corridor, observations: [chl.id], name: 'Chilean escorts' }, WHO);
      expect(proposal).toMatchObject({ summary: 'Chilean escorts', splitFrom: corridor, articles: 1 });
      expect((await positionsOf(store, [proposal.id])).map((s) => [s.holder, s.stance])).toEqual([['country:CHL', 'support']]);
      expect((await positionsOf(store, [corridor])).map((s) => s.holder)).toEqual(['country:AUT']);
      const renamed = await renameProposal(store, { proposalId: corridor, name: 'Escorts for the sea lane' }, WHO);
      expect(renamed.proposal).toMatchObject({ summary: 'Escorts for the sea lane', machineSummary: CORRIDOR.summary });
      await undoEdit(store, { editId: edit.id }, WHO);
      expect(await viewProposal(store, proposal.id)).toBeNull();
      expect((await proposalSummaries(store)).map((p) => p.summary).sort()).toEqual(['Escorts for the sea lane', GRAIN.summary]);
      expect((await positionsOf(store, [corridor])).map((s) => s.holder).sort()).toEqual(['country:AUT', 'country:CHL']);
    });

    it('keeps every edit when articles are ingested again or new ones come', async () => {
      const nor = (await stanceOf(grain, 'country:NOR'))!;
      await setStance(store, { stanceId: nor.id, stance: 'oppose' }, WHO);
      await renameProposal(store, { proposalId: grain, name: 'Black Sea grain corridor' }, WHO);
      expect(await recordArticle(store, first)).toBe('known');
      expect(await recordArticle(store, later('Norway and Turkey both backed the grain corridor through the Black Sea on Thursday in Oslo.', [
        { holder: 'country:NOR', stance: 'undecided', evidence: 'Norway and Turkey' }, { holder: 'country:TUR', stance: 'support', evidence: 'Turkey both backed' }]))).toBe('new');
      const [p] = (await proposalSummaries(store)).filter((x) => x.id === grain);
      expect(p.summary).toBe('Black Sea grain corridor');
      expect(p.stances.find((s) => s.holder === 'country:NOR')).toMatchObject({ stance: 'oppose', corrected: true });
      expect((await stanceOf(grain, 'country:NOR'))!.observations).toBe(2);
    });
  });
}
