import { describe, expect, it } from 'vitest';
import { flattenArea } from '@/i18n/flattenArea';

describe('flattenArea', () => {
  it('flattens groups of plain messages into dotted keys', () => {
    expect(flattenArea('activity', { title: 'Title', sport: { VOLLEYBALL: 'Volleyball' } })).toEqual({
      'activity.title': 'Title',
      'activity.sport.VOLLEYBALL': 'Volleyball',
    });
  });

  it('keeps messages compiled at build time (AST objects) whole', () => {
    const compiled = { t: 0, b: { t: 2, i: [{ t: 3 }], s: 'Huddle' } };
    const dev = { type: 0, body: { type: 2, items: [{ type: 3 }], static: 'Start' } };
    expect(flattenArea('common', { brand: compiled, nav: { home: dev } })).toEqual({
      'common.brand': compiled,
      'common.nav.home': dev,
    });
  });
});
