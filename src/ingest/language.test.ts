import { describe, expect, it } from 'vitest';
import { detectLanguage, englishCueShare } from './language.js';

// Texts written for these tests.
const ENGLISH = 'The foreign ministers of the bloc met in Brussels on Monday to discuss a proposal for a ceasefire monitoring mission. Officials said the plan, which was put forward by Austria, would need the backing of all member states before it could go ahead.';
const ENGLISH_NAMES = 'Austria, Belgium, Bulgaria, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, France, Germany, Greece, Hungary, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, the Netherlands, Poland, Portugal, Romania, Slovakia, Slovenia, Spain and Sweden backed the text.';
const FRENCH = 'Les ministres des Affaires étrangères se sont réunis lundi à Bruxelles pour examiner une proposition de mission de surveillance du cessez-le-feu. Selon des responsables, le plan présenté par l’Autriche devrait obtenir le soutien de tous les États membres.';
const GERMAN = 'Die Außenminister der Union trafen sich am Montag in Brüssel, um über einen Vorschlag für eine Mission zur Überwachung der Waffenruhe zu beraten. Nach Angaben von Beamten braucht der Plan die Zustimmung aller Mitgliedstaaten.';
const SPANISH = 'Los ministros de Asuntos Exteriores se reunieron el lunes en Bruselas para debatir una propuesta de misión de vigilancia del alto el fuego. Según los funcionarios, el plan presentado por Austria necesitaría el apoyo de todos los Estados miembros.';
const POLISH = 'Ministrowie spraw zagranicznych spotkali się w poniedziałek w Brukseli, aby omówić propozycję misji monitorującej zawieszenie broni. Według urzędników plan przedstawiony przez Austrię wymaga poparcia wszystkich państw członkowskich.';
const RUSSIAN = 'Министры иностранных дел встретились в понедельник в Брюсселе, чтобы обсудить предложение о миссии по наблюдению за прекращением огня.';
const CHINESE = '各国外长周一在布鲁塞尔会晤，讨论关于停火监督任务的提议。';

describe('detectLanguage', () => {
  it('says English for English news, even a list of names', () => {
    expect(detectLanguage(ENGLISH)).toBe('en');
    expect(detectLanguage(ENGLISH_NAMES)).toBe('en');
    expect(detectLanguage(`${ENGLISH}\n\n“${FRENCH}”`)).toBe('en');
  });
  it('gives ISO 639-1 codes for other languages', () => {
    expect(detectLanguage(FRENCH)).toBe('fr');
    expect(detectLanguage(GERMAN)).toBe('de');
    expect(detectLanguage(SPANISH)).toBe('es');
    expect(detectLanguage(POLISH)).toBe('pl');
    expect(detectLanguage(RUSSIAN)).toBe('ru');
    expect(detectLanguage(CHINESE)).toBe('zh');
  });
  it('takes short Latin-script or letterless text as English', () => {
    expect(detectLanguage('Ceasefire holds.')).toBe('en');
    expect(detectLanguage('2022 — 1,000')).toBe('en');
  });
  it('counts English cue words', () => {
    expect(englishCueShare(ENGLISH)).toBeGreaterThan(0.1);
    expect(englishCueShare(GERMAN)).toBeLessThan(0.02);
  });
});
