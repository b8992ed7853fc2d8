// Tests of person names, their roles and whom they represent, in the forms news writes them.
import { describe, expect, it } from 'vitest';
import { knowledgeFrom } from '../knowledge.js';
import { actorOf, mentionTexts, run } from './test-helpers.js';

describe('people', () => {
  it('reads a title with a possessive country', () => {
    const doc = run("Norway's Foreign Minister Ingrid Halvorsen said on Monday the idea was premature. Halvorsen added that talks would go on.");
    const p = actorOf(doc, 'person:ingrid-halvorsen')!;
    expect(p).toMatchObject({ kind: 'person', name: 'Ingrid Halvorsen', role: 'foreign minister', country: 'NOR', represents: 'country:NOR' });
    expect(mentionTexts(doc, 'person:ingrid-halvorsen')).toEqual(['Ingrid Halvorsen', 'Halvorsen']);
  });

  it('reads a demonym, a lower-case title and "Mr X" later', () => {
    const doc = run('Chilean defence minister Tomas Errazuriz visited the base. Mr Errazuriz said nothing.');
    expect(actorOf(doc, 'person:tomas-errazuriz')).toMatchObject({ role: 'defence minister', country: 'CHL', represents: 'country:CHL' });
    expect(mentionTexts(doc, 'person:tomas-errazuriz')).toEqual(['Tomas Errazuriz', 'Mr Errazuriz']);
  });

  it('reads an apposition after the name', () => {
    const doc = run('Marta Lindqvist, the Swedish representative, said the text was balanced.');
    expect(actorOf(doc, 'person:marta-lindqvist')).toMatchObject({ role: 'representative', country: 'SWE', represents: 'country:SWE' });
  });

  it('gives an organisation official to the organisation, and an ambassador to the UN to the sending country', () => {
    const doc = run("The alliance's Deputy Secretary General Piet Vandenberg spoke after Kenyan Ambassador to the UN Grace Wambui said no.", '2024-01-01');
    expect(actorOf(doc, 'person:piet-vandenberg')?.represents).toBe(null); // "the alliance" names no organisation here
    expect(actorOf(doc, 'person:grace-wambui')).toMatchObject({ country: 'KEN', represents: 'country:KEN' });
    const doc2 = run("Nato's Deputy Secretary General Piet Vandenberg said it was too early.");
    expect(actorOf(doc2, 'person:piet-vandenberg')).toMatchObject({ organization: 'NATO', represents: 'org:NATO' });
  });

  it('lets legislators, opposition figures and former officials speak only for themselves', () => {
    const doc = run('Sen. Harold Whitcombe (R-Ky.) objected. Hungarian opposition leader Zsofia Bartok disagreed. Former British foreign secretary Alan Pryce-Jones agreed.');
    expect(actorOf(doc, 'person:harold-whitcombe')?.represents).toBeNull();
    expect(actorOf(doc, 'person:zsofia-bartok')).toMatchObject({ country: 'HUN', represents: null });
    expect(actorOf(doc, 'person:alan-pryce-jones')).toMatchObject({ country: 'GBR', represents: null });
  });

  it('resolves well-known office holders by surname at the article date', () => {
    const doc = run('Stoltenberg said the door remained open.', '2022-05-20');
    expect(actorOf(doc, 'person:jens-stoltenberg')).toMatchObject({ role: 'secretary general', represents: 'org:NATO' });
    const later = run('Stoltenberg said the door remained open.', '2025-05-20');
    expect(actorOf(later, 'person:jens-stoltenberg')?.represents ?? null).toBeNull();
  });

  it('uses the knowledge snapshot for people earlier articles taught', () => {
    const knowledge = knowledgeFrom([{ key: 'person:aino-kask', name: 'Aino Kask', role: 'defence minister', country: 'EST', organization: null, represents: 'country:EST', aliases: ['Kask'] }]);
    const doc = run('Kask said the mission needed a mandate.', '2023-01-01', knowledge);
    expect(actorOf(doc, 'person:aino-kask')).toMatchObject({ represents: 'country:EST' });
  });

  it('does not read places, titles or organisations as people', () => {
    const doc = run('The Black Sea Fleet moved. Prime Minister visits were cancelled. The Tax Research Institute said so. Ground Zero was quiet.');
    expect(doc.actors.filter((a) => a.kind === 'person')).toEqual([]);
    expect(actorOf(doc, 'org:TAX-RESEARCH-INSTITUTE')?.kind).toBe('organization');
  });

  it('keeps names written with letters outside Latin-1 whole', () => {
    const doc = run('Turkish Foreign Minister Ayşegül Çakıroğlu said the bid could wait.');
    expect(actorOf(doc, 'person:aysegul-cakiroglu')).toMatchObject({ name: 'Ayşegül Çakıroğlu', represents: 'country:TUR' });
  });
});

describe('names in harder places', () => {
  it('reads a title word after an honorific as a surname, and a month away from numbers as a name', () => {
    const doc = run('Mr. King said the fee was fair. Ambassador Li Jun spoke on May 5.', '2019-06-01');
    expect(actorOf(doc, 'person:king')).toBeDefined();
    expect(actorOf(doc, 'person:li-jun')).toBeDefined();
  });

  it('names people in a title-case headline only by names the body gives', () => {
    const doc = run('Costa Breaks With Partners Over Tariff Plan.\nFormer trade official Maria Costa said the deal was unfair.');
    expect(doc.actors.filter((a) => a.kind === 'person').map((a) => a.key)).toEqual(['person:maria-costa']);
    expect(mentionTexts(doc, 'person:maria-costa')).toEqual(['Costa', 'Maria Costa']);
  });

  it('does not count a headline verb as part of a name', () => {
    const doc = run('Peace Talks Can Wait, Senator Ruth Abernathy Says.');
    expect(actorOf(doc, 'person:ruth-abernathy')).toBeDefined();
  });
});

describe('titles written short', () => {
  it('reads "Sen." and a party mark as a member of Congress who speaks for themselves', () => {
    const doc = run('Sen. Dana Ortiz, D-N.M., called it overdue. Rep. Sam Boyle said no. Gov. Ann Weir agreed.');
    expect(actorOf(doc, 'person:dana-ortiz')).toMatchObject({ role: 'senator', represents: null });
    expect(actorOf(doc, 'person:sam-boyle')).toMatchObject({ role: 'congressman', represents: null });
    expect(actorOf(doc, 'person:ann-weir')).toMatchObject({ role: 'governor', represents: null });
  });

  it('reads a think tank as an organisation, not a person', () => {
    const doc = run('Analysts at the Kestrel Endowment said the move showed divisions.');
    expect(actorOf(doc, 'org:KESTREL-ENDOWMENT')?.kind).toBe('organization');
    expect(doc.actors.filter((a) => a.kind === 'person')).toEqual([]);
  });
});

describe('people who work for other people', () => {
  it('gives staff the country of their patron, and a campaign spokesman no government', () => {
    const doc = run('Mr. Obama\'s science adviser, Nora Vance, said so. Elias Brandt, a deputy national security adviser to President Obama, agreed. Tina Rourke, a spokeswoman for Hillary Clinton, said no.', '2016-09-20');
    expect(actorOf(doc, 'person:nora-vance')).toMatchObject({ role: 'science adviser', country: 'USA', represents: 'country:USA' });
    expect(actorOf(doc, 'person:elias-brandt')).toMatchObject({ role: 'deputy national security adviser', represents: 'country:USA' });
    expect(actorOf(doc, 'person:tina-rourke')).toMatchObject({ role: 'spokeswoman', represents: null });
    expect(actorOf(doc, 'person:barack-obama')?.role).toBe('president');
  });
});

describe('misspelt surnames', () => {
  it('reads a surname one letter off as the person already named', () => {
    const doc = run('Finnish Foreign Minister Pekka Haavisto spoke first. Later Haavist said the talks would go on.');
    expect(mentionTexts(doc, 'person:pekka-haavisto')).toEqual(['Pekka Haavisto', 'Haavist']);
  });
});

describe('slips of the pen in known names', () => {
  it('reads a full name one letter off a known office holder as that person, in the known spelling', () => {
    const doc = run('Russian Foreign Minister Sergey Lavruv warned of a clash. Lavrov said so on Wednesday.', '2022-03-23');
    const p = actorOf(doc, 'person:sergei-lavrov')!;
    expect(p).toMatchObject({ name: 'Sergei Lavrov', represents: 'country:RUS' });
    expect(mentionTexts(doc, 'person:sergei-lavrov')).toEqual(['Sergey Lavruv', 'Lavrov']);
  });
});

describe('names with Arabic particles', () => {
  it('keeps "al-" and "bin" inside a name and finds the bare surname later', () => {
    const doc = run('Iraqi Foreign Minister Karim al-Hadithi spoke, and Hadithi said the vote would wait.');
    expect(mentionTexts(doc, 'person:karim-al-hadithi')).toEqual(['Karim al-Hadithi', 'Hadithi']);
    expect(actorOf(doc, 'person:karim-al-hadithi')?.represents).toBe('country:IRQ');
  });
});

describe('runs that are not people', () => {
  it('drops epithets before known names, headings in capitals, places and companies', () => {
    const doc = run('Rival Hillary Clinton spoke in Fort Wayne. Hillary Clinton left. MIDWAY ATOLL REVISITED. Goldman Sachs said it would wait. Julie A. Diaz Martinez said no.', '2016-09-20');
    expect(doc.actors.filter((a) => a.kind === 'person').map((a) => a.name).sort()).toEqual(['Hillary Clinton', 'Julie Diaz Martinez']);
    expect(actorOf(doc, 'org:GOLDMAN-SACHS')?.kind).toBe('organization');
  });
});

describe('ranks and organisations before names', () => {
  it('reads a rank as a title only when nothing says more, and "NATO\'s X" as speaking for NATO', () => {
    const doc = run("The Pentagon's press secretary, Maj. Gen. Paul Reyes, said so. Lt. Gen. Ann Cole spoke. NATO's Lars Brekke said allies agreed.", '2025-03-01');
    expect(actorOf(doc, 'person:paul-reyes')).toMatchObject({ role: 'press secretary', represents: 'country:USA' });
    expect(actorOf(doc, 'person:ann-cole')?.role).toBe('general');
    expect(actorOf(doc, 'person:lars-brekke')?.represents).toBe('org:NATO');
  });
});

describe('offices with no country named', () => {
  it('takes the country the text is about, and gives a commissioner in an EU story to the Commission', () => {
    const doc = run('Lebanon had asked for the renewal. Prime Minister Karim Haddad said the decision gave the army time.', '2025-03-01');
    expect(actorOf(doc, 'person:karim-haddad')?.represents).toBe('country:LBN');
    const eu = run('The EU imposed duties on steel. Trade Commissioner Piotr Nowak told a news conference it was fair.', '2025-03-01');
    expect(actorOf(eu, 'person:piotr-nowak')?.represents).toBe('org:EC');
  });

  it('keeps someone the text has speak after their title ("said Lithuania\'s Foreign Minister, X")', async () => {
    const { pruneSilentPeople } = await import('./prune.js');
    const doc = run('"It is done," said Lithuania\'s Foreign Minister, Ruta Vaitkus, who chaired the meeting.', '2025-03-01');
    pruneSilentPeople(doc);
    expect(actorOf(doc, 'person:ruta-vaitkus')?.represents).toBe('country:LTU');
  });
});

describe('whose office', () => {
  it('reads the subject country of the sentence, a party\'s spokesperson as the party\'s, and family names first', () => {
    const doc = run('The Greens, the main opposition party, backed the decision. Their defence spokesperson, Maria Ekholm, said so. Sweden will send jets to Ukraine, Defence Minister Erik Lind announced. South Korea\'s unification minister, Park Sung-min, spoke. "Talks matter," Park said.', '2025-03-01');
    expect(actorOf(doc, 'person:maria-ekholm')?.represents).toBeNull();
    expect(actorOf(doc, 'person:erik-lind')?.represents).toBe('country:SWE');
    expect(mentionTexts(doc, 'person:park-sung-min')).toEqual(['Park Sung-min', 'Park']);
  });
});

describe('bylines, credits and outlets', () => {
  it('takes no person from a byline line or a photo credit', () => {
    const doc = run('By Maria Lopez\nPhoto: Tom Baker\nThe talks in Geneva ended without a deal on Friday.');
    expect(doc.actors.filter((a) => a.kind === 'person')).toEqual([]);
  });
  it('reads a name beside "newspaper" or after "the daily" as an outlet', () => {
    const doc = run('Nordic Ledger newspaper said the vote would wait. The daily Morgenpost said the chancellor agreed.');
    expect(doc.actors.find((a) => a.key === 'org:NORDIC-LEDGER')?.kind).toBe('organization');
    expect(doc.actors.find((a) => a.key === 'org:MORGENPOST')?.kind).toBe('organization');
    expect(doc.actors.filter((a) => a.kind === 'person')).toEqual([]);
  });
  it('knows well-known outlets by name', () => {
    const doc = run('Der Spiegel reported that Berlin was wavering.');
    expect(doc.actors.find((a) => a.key === 'org:SPIEGEL')?.kind).toBe('organization');
  });
});
