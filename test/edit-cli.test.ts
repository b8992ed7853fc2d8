// The editing commands end to end through the built CLI: each action, its --json, the audit log, undo, changes, and exit 1 on every unknown id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standpoint, tempDir } from './cli.js';

const tmp = tempDir('standpoint-edit-cli-');
const env = { STANDPOINT_DB: `${tmp.dir}/store.db`, STANDPOINT_AUTHOR: 'ana' };
const run = (...args: string[]) => standpoint(args, { env });
const json = (...args: string[]) => {
  const r = run(...args, '--json');
  expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout);
};
afterAll(() => tmp.remove());

// Invented reports: one proposal, three holders; a second proposal of another proposer.
beforeAll(() => {
  tmp.put('in/1.txt', ' date 2025-04-01 Norway proposed a joint naval patrol in the Barents Sea on Tuesday.\n\nDutch defence minister Marit Velde said the naval patrol was premature and that the Netherlands would not take part.\n\nDenmark welcomed the naval patrol.');
  tmp.put('in/2.txt', ' date 2025-04-03 Finland proposed a fisheries inspection regime for the Baltic Sea on Thursday.\n\nEstonia backed the fisheries inspection regime.');
  const r = run('ingest', '--json', `${tmp.dir}/in`);
  expect(r.status, r.stderr).toBe(0);
});

const proposals = () => json('proposals') as Array<{ id: string; summary: string; stances: Array<{ id: number; holder: string; stance: string; machineStance: string | null }> }>;

describe('editing from the command line', () => {
  it('exits 1 with a message on every unknown id, and stores no edit', () => {
    const [p] = proposals();
    const cases: string[][] = [
      ['correct', '99999', '--stance', 'oppose'], ['correct', '99999', '--delete'], ['correct', '99999', '--holder', 'SWE'],
      ['correct', String(p.stances[0].id), '--proposal', 'Pnope'], ['correct', String(p.stances[0].id), '--holder', 'person:nobody'],
      ['correct', String(p.stances[0].id), '--stance', 'oppose', '--of', p.stances[0].holder === 'country:SWE' ? 'NOR' : 'SWE'],
      ['stance', 'add', '--proposal', 'Pnope', '--holder', 'SWE', '--stance', 'support', '--text', 'x'],
      ['stance', 'add', '--proposal', p.id, '--holder', 'SWE', '--stance', 'support', '--article', 'nope', '--text', 'x'],
      ['proposal', 'merge', p.id, 'Pnope'], ['proposal', 'merge', 'Pnope', p.id], ['proposal', 'split', 'Pnope', '--observations', '1'],
      ['proposal', 'split', p.id, '--observations', '99999'], ['proposal', 'rename', 'Pnope', 'x'], ['undo', '99999'],
    ];
    for (const c of cases) {
      const r = run(...c);
      expect(r.status, c.join(' ')).toBe(1);
      expect(r.stderr, c.join(' ')).toMatch(/^standpoint: (no |stance \d+ is )/);
    }
    expect(json('edits')).toEqual([]);
    expect(run('correct', '1').status).toBe(2);
    expect(run('correct', '1', '--stance', 'maybe').status).toBe(2);
  });

  it('sets abstain, adds, reassigns, deletes, renames, splits, merges and undoes; every edit is in the log', () => {
    const patrol = proposals().find((p) => /patrol/.test(p.summary))!;
    const fish = proposals().find((p) => /fisheries/.test(p.summary))!;
    const nld = patrol.stances.find((s) => s.holder === 'country:NLD')!;
    expect(json('correct', String(nld.id), '--stance', 'abstain', '--note', 'abstained', '--of', 'NLD').stance).toMatchObject({ stance: 'abstain', machineStance: 'oppose' });
    const added = json('stance', 'add', '--proposal', patrol.id, '--holder', 'SWE', '--stance', 'support', '--text', 'Sweden backs the patrol (ministry statement)');
    expect(added.stance).toMatchObject({ holder: 'country:SWE', stance: 'support', machineStance: null });
    const dnk = patrol.stances.find((s) => s.holder === 'country:DNK')!;
    expect(json('correct', String(dnk.id), '--holder', 'FIN').stance).toMatchObject({ holder: 'country:FIN', stance: 'support' });
    const deleted = json('correct', String(added.stance.id), '--delete');
    expect(json('stances', patrol.id).stances.map((s: any) => s.holder)).not.toContain('country:SWE');
    expect(json('undo', String(deleted.edit.id))).toMatchObject({ action: 'undo', target: String(deleted.edit.id), author: 'ana' });
    expect(json('stances', patrol.id).stances.map((s: any) => s.holder)).toContain('country:SWE');
    expect(json('proposal', 'rename', patrol.id, 'Barents Sea naval patrol').proposal).toMatchObject({ summary: 'Barents Sea naval patrol' });
    const history = json('stances', patrol.id, '--history').observations as Array<{ id: number; holder: string }>;
    const nor = history.find((o) => o.holder === 'country:NOR')!;
    const split = json('proposal', 'split', patrol.id, '--observations', String(nor.id), '--name', 'Norwegian plan');
    expect(json('stances', split.proposal.id).stances.map((s: any) => s.holder)).toEqual(['country:NOR']);
    expect(json('proposal', 'merge', patrol.id, fish.id).proposal.mergedFrom).toEqual([fish.id]);
    const board = proposals();
    expect(board.map((p) => p.summary).sort()).toEqual(['Barents Sea naval patrol', 'Norwegian plan']);
    expect(board.find((p) => p.id === patrol.id)!.stances.map((s) => s.holder)).toContain('country:EST');
    const log = json('edits') as Array<{ action: string; author: string; undoneBy: number | null }>;
    expect(log.map((e) => e.action)).toEqual(['set-stance', 'add-stance', 'reassign-stance', 'delete-stance', 'undo', 'rename-proposal', 'split-proposal', 'merge-proposals']);
    expect(log.every((e) => e.author === 'ana')).toBe(true);
    expect(log[3].undoneBy).toBe(5);
    expect(run('undo', '5').status).toBe(1);
    // Re-ingesting changes none of it.
    expect(JSON.parse(run('ingest', '--json', `${tmp.dir}/in`).stdout)).toMatchObject({ new: 0 });
    expect(proposals()).toEqual(board);
    const text = run('stances', patrol.id).stdout;
    expect(text).toContain('abstain (corrected; machine: oppose)');
  });

  it('says what changed since a date: new proposals, stances and the edits with their author', () => {
    const c = json('changes', '--since', '2000-01-01');
    expect(c.newProposals.length).toBeGreaterThan(0);
    expect(c.stances.length).toBeGreaterThan(0);
    expect(c.edits.length).toBe(8);
    expect(c.edits.every((e: any) => e.text.startsWith('ana '))).toBe(true);
    expect(json('changes', '--since', '2999-01-01')).toMatchObject({ newProposals: [], stances: [], edits: [] });
    expect(run('changes', '--since', 'yesterday').status).toBe(1);
    expect(run('changes', '--since', '2000-01-01').stdout).toContain("Analysts' edits (8)");
  });
});
