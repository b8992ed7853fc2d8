import { describe, expect, it } from 'vitest';
import { normalizeDate } from './dates.js';

describe('normalizeDate', () => {
  it('keeps real YYYY-MM-DD dates', () => {
    expect(normalizeDate('2022-03-16')).toBe('2022-03-16');
    expect(normalizeDate(' 2024-02-29 ')).toBe('2024-02-29');
  });
  it('takes the date part of an ISO date-time as written', () => {
    expect(normalizeDate('2022-03-16T23:30:00-05:00')).toBe('2022-03-16');
    expect(normalizeDate('2022-03-16 08:00')).toBe('2022-03-16');
  });
  it('rejects dates that do not exist or are not dates', () => {
    for (const bad of ['2022-02-30', '2023-02-29', '2022-13-01', '2022-00-10', '0000-01-01', 'yesterday', '16/03/2022', '2022-3-16', ''])
      expect(normalizeDate(bad), bad).toBeNull();
  });
  it('reads RFC 2822 dates only when loose', () => {
    expect(normalizeDate('Wed, 16 Mar 2022 10:00:00 GMT')).toBeNull();
    expect(normalizeDate('Wed, 16 Mar 2022 10:00:00 GMT', { loose: true })).toBe('2022-03-16');
    expect(normalizeDate('soon', { loose: true })).toBeNull();
  });
});
