// Stances and outlooks as the page shows them: labels, classes (colours live in style.css) and small badges.
import { h } from './dom.js';

export type Stance = 'support' | 'oppose' | 'undecided' | 'abstain' | 'unknown';
export const STANCES: Stance[] = ['support', 'oppose', 'undecided', 'abstain', 'unknown'];

export const stanceBadge = (stance: string, extra = '') => h('span', { class: `badge stance-${stance}`, 'data-stance': stance }, stance + extra);

const STATUS_TEXT: Record<string, string> = { passes: 'passes', blocked: 'blocked', open: 'open' };

export const outlookBadge = (body: string, status: string) =>
  h('span', { class: `badge outlook-${status}`, 'data-status': status, title: `${body}: ${status}` }, `${body}: ${STATUS_TEXT[status] ?? status}`);

/** "country:NLD" → "NLD" for countries, else null. */
export const iso3Of = (key: string) => (/^country:[A-Z]{3}$/.test(key) ? key.slice(8) : null);
