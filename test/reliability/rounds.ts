// How hard the reliability suite pushes: bounded in `npm test` (and CI), full in `npm run test:reliability`.

/** True under `npm run test:reliability` (STANDPOINT_RELIABILITY=full): the long loops. */
export const FULL = process.env.STANDPOINT_RELIABILITY === 'full';

/** The number of rounds of a loop (kills, concurrent openers, requests): `bounded` in npm test, `full` in the full suite. */
export const rounds = (bounded: number, full: number): number => (FULL ? full : bounded);
