import { describe, expect, it } from 'vitest';
import { SECTION_IDS, isSectionId, parseRoute, planHref, routeHash, type Route } from '../../../lib/state/route.ts';

const ID = '0123456789abcdef0123456789abcdef';
const REPORT = 'fedcba9876543210fedcba9876543210';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { view: 'library' }],
    ['#/', { view: 'library' }],
    ['#/new', { view: 'new-plan' }],
    ['#/settings', { view: 'settings' }],
    ['#/settings/network', { view: 'settings', part: 'network' }],
    ['#/settings/identity', { view: 'settings', part: 'identity' }],
    ['#/settings/elsewhere', { view: 'settings' }],
    ['#/join', { view: 'join', secret: '' }],
    ['#/join/abc', { view: 'join', secret: 'abc' }],
    [`#/plan/${ID}`, { view: 'plan', planId: ID, section: '' }],
    [`#/plan/${ID}/framework`, { view: 'plan', planId: ID, section: 'framework' }],
    ['#/plan/not-an-id', { view: 'library' }],
    [`#/print/${ID}/family`, { view: 'print', planId: ID, kind: 'family' }],
    [`#/print/${ID}/professional`, { view: 'print', planId: ID, kind: 'professional' }],
    [`#/print/${ID}/report/${REPORT}`, { view: 'print', planId: ID, kind: 'report', reportId: REPORT }],
    [`#/print/${ID}/report`, { view: 'library' }],
    [`#/print/${ID}/report/not-an-id`, { view: 'library' }],
    [`#/print/${ID}/poster`, { view: 'library' }],
    ['#/print/not-an-id/family', { view: 'library' }],
    ['#/something-else', { view: 'library' }],
  ])('%s', (hash, route) => expect(parseRoute(hash)).toEqual(route));
});

describe('routeHash', () => {
  it('is the inverse of parseRoute', () => {
    const routes: Route[] = [{ view: 'library' }, { view: 'new-plan' }, { view: 'settings' }, { view: 'settings', part: 'network' }, { view: 'join', secret: 'abc' }, { view: 'plan', planId: ID, section: 'outcomes' },
      { view: 'print', planId: ID, kind: 'family' }, { view: 'print', planId: ID, kind: 'report', reportId: REPORT }];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

describe('planHref', () => {
  it('links to a plan at a section, or at its first section', () => {
    expect(planHref(ID, 'core-group')).toBe(`#/plan/${ID}/core-group`);
    expect(planHref(ID)).toBe(`#/plan/${ID}`);
    expect(parseRoute(planHref(ID, 'due'))).toEqual({ view: 'plan', planId: ID, section: 'due' });
  });
});

describe('isSectionId', () => {
  it('knows the plan’s sections and nothing else', () => {
    for (const id of SECTION_IDS) expect(isSectionId(id)).toBe(true);
    expect(isSectionId('')).toBe(false);
    expect(isSectionId('Family')).toBe(false);
  });
});
