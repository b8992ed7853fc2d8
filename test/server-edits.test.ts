// The editing endpoints in-process: each action changes what every view reads, undo reverts it, and a wrong id changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, fixture, type Fixture } from './server-fixture.js';

let fx: Fixture;
beforeAll(async () => { fx = await fixture(); });
afterAll(async () => { await fx?.close(); });

const get = async (p: string) => { const r = await fx.app.request(p); return { status: r.status, body: await r.json() as any }; };
const post = async (p: string, body: unknown) => {
  const r = await fx.app.request(p, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() as any };
};

describe('editing through the API', () => {
  it('sets abstain, shows it on the board, proposal, actor and outlook, and undoes it', async () => {
    const [baltic] = (await get('/api/proposals?body=NATO')).body;
    const can = baltic.stances.find((s: any) => s.holder === 'country:CAN');
    const set = await post(`/api/stances/${can.id}/corrections`, { stance: 'abstain', author: 'ana', note: 'abstained in the vote', expect: 'country:CAN' });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ stance: 'abstain', holder: 'country:CAN', edit: { action: 'set-stance', author: 'ana' }, position: { machineStance: 'undecided' } });
    expect((await get('/api/proposals?body=NATO')).body[0].stances.find((s: any) => s.holder === 'country:CAN')).toMatchObject({ stance: 'abstain', machineStance: 'undecided' });
    const page = (await get(`/api/proposals/${baltic.id}`)).body;
    expect(page.outlook.outlook.abstain).toContain('country:CAN');
    expect(page.analyst.map((a: any) => [a.holder, a.stance])).toContainEqual(['country:CAN', 'abstain']);
    expect(page.edits[0]).toMatchObject({ id: set.body.edit.id });
    expect((await get('/api/actors/country:CAN')).body.stances[0]).toMatchObject({ stance: 'abstain', machineStance: 'undecided', analyst: { author: 'ana' } });
    expect((await post(`/api/edits/${set.body.edit.id}/undo`, { author: 'bo' })).status).toBe(201);
    expect((await get(`/api/proposals/${baltic.id}`)).body.stances.find((s: any) => s.holder === 'country:CAN').stance).toBe('undecided');
    const again = await post(`/api/edits/${set.body.edit.id}/undo`, {});
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'bad-request', message: expect.stringMatching(/undone already/) } } });
  });

  it('refuses a stance id of another holder than the one expected, and changes nothing', async () => {
    const [baltic] = (await get('/api/proposals?body=NATO')).body;
    const prt = baltic.stances.find((s: any) => s.holder === 'country:PRT');
    const before = (await get('/api/edits')).body.length;
    for (const [path, body] of [[`/api/stances/${prt.id}/corrections`, { stance: 'support', expect: 'GRC' }], [`/api/stances/${prt.id}/delete`, { expect: 'GRC' }],
      [`/api/stances/${prt.id}/reassign`, { holder: 'ESP', expect: 'GRC' }]] as const) {
      const r = await post(path, body);
      expect(r).toMatchObject({ status: 400, body: { error: { code: 'bad-request', message: expect.stringMatching(/not country:GRC's/) } } });
    }
    for (const [path, body, msg] of [
      [`/api/stances/${prt.id}/reassign`, { holder: 'person:nobody' }, /no actor with key person:nobody/],
      [`/api/stances/${prt.id}/reassign`, { proposal: 'P000' }, /no proposal with id P000/],
      ['/api/stances', { proposal: baltic.id, holder: 'ESP', stance: 'support', article: 'nope', text: 'x' }, /no article with id nope/],
      [`/api/proposals/${baltic.id}/merge`, { other: 'P000' }, /no proposal with id P000/],
      [`/api/proposals/${baltic.id}/split`, { observations: [987654] }, /no observation with id 987654/],
    ] as const) {
      const r = await post(path, body);
      expect(r.status, path).toBe(404);
      expect(r.body).toEqual({ error: { code: 'not-found', message: expect.stringMatching(msg) } });
    }
    expect((await get('/api/edits')).body.length).toBe(before);
  });

  it('adds, reassigns, deletes, renames, splits and merges; the changes and the feed say who did it', async () => {
    const since = new Date().toISOString();
    const [baltic] = (await get('/api/proposals?body=NATO')).body;
    const added = await post('/api/stances', { proposal: baltic.id, holder: 'ESP', stance: 'support', article: 'fx-baltic-2', text: 'This mission is necessary', author: 'ana' });
    expect(added).toMatchObject({ status: 201, body: { stance: { holder: 'country:ESP', stance: 'support', machineStance: null, evidence: 'This mission is necessary', article: 'fx-baltic-2' } } });
    const grc = (await get(`/api/proposals/${baltic.id}`)).body.stances.find((s: any) => s.holder === 'country:GRC');
    const moved = await post(`/api/stances/${grc.id}/reassign`, { holder: 'TUR', author: 'ana' });
    expect(moved.body.stance).toMatchObject({ holder: 'country:TUR', stance: 'oppose' });
    const lva = (await get(`/api/proposals/${baltic.id}`)).body.stances.find((s: any) => s.holder === 'country:LVA');
    expect((await post(`/api/stances/${lva.id}/delete`, { author: 'ana', note: 'misread' })).status).toBe(201);
    const renamed = await post(`/api/proposals/${baltic.id}/rename`, { name: 'NATO Baltic monitoring mission', author: 'ana' });
    expect(renamed.body.proposal).toMatchObject({ summary: 'NATO Baltic monitoring mission', machineSummary: baltic.summary });
    const page = (await get(`/api/proposals/${baltic.id}`)).body;
    expect(page.stances.map((s: any) => s.holder)).not.toContain('country:LVA');
    expect(page.stances.map((s: any) => s.holder)).toContain('country:TUR');
    const ltu = page.history.find((o: any) => o.holder === 'country:LTU');
    const split = await post(`/api/proposals/${baltic.id}/split`, { observations: [ltu.id], name: 'Lithuanian view', author: 'ana' });
    expect(split.body.proposal).toMatchObject({ summary: 'Lithuanian view', splitFrom: baltic.id });
    const merged = await post(`/api/proposals/${baltic.id}/merge`, { other: split.body.proposal.id, author: 'ana' });
    expect(merged.body.proposal.mergedFrom).toEqual([split.body.proposal.id]);
    expect((await get(`/api/proposals/${split.body.proposal.id}`)).body).toMatchObject({ proposal: { id: baltic.id }, redirectedFrom: split.body.proposal.id });

    const changes = (await get(`/api/changes?since=${encodeURIComponent(since)}`)).body;
    expect(changes.edits.map((e: any) => e.edit.action)).toEqual(['merge-proposals', 'split-proposal', 'rename-proposal', 'delete-stance', 'reassign-stance', 'add-stance']);
    expect(changes.edits.every((e: any) => e.text.startsWith('ana '))).toBe(true);
    const feed = await fx.app.request(`/api/changes.atom?since=${encodeURIComponent(since)}`);
    expect(feed.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml.match(/<entry>/g)?.length).toBe(changes.edits.length + changes.stances.length + changes.newProposals.length);
    expect(xml).toContain('ana renamed');
    const all = (await get('/api/changes?since=2000-01-01')).body;
    expect(all.newProposals.map((p: any) => p.summary)).toContain('NATO Baltic monitoring mission');
    expect(all.stances.length).toBeGreaterThan(0);
  });
});
