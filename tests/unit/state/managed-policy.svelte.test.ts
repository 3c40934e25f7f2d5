/** The organisation's policy as a page sees it, when managed storage answers late or not at all. */
import { describe, expect, it } from 'vitest';
import { managedPolicyView } from '../../../lib/state/managed-policy.svelte.ts';
import { NO_POLICY, readManagedPolicy } from '../../../lib/settings/managed.ts';

const policy = readManagedPolicy({ relay: 'wss://relay.council.example.gov.uk/relay' }, ['national']);

describe('managedPolicyView', () => {
  it('is known at once when the policy was read before the page started', async () => {
    const view = managedPolicyView(policy);
    expect(view.known).toBe(true);
    expect(view.current).toBe(policy);
    expect(await view.whenRead).toBe(policy);
  });

  it('is no policy, not yet known, until a late reading answers; then the policy', async () => {
    let answer!: (p: typeof policy) => void;
    const view = managedPolicyView(new Promise((resolve) => (answer = resolve)));
    expect(view.known).toBe(false);
    expect(view.current).toBe(NO_POLICY);
    answer(policy);
    expect(await view.whenRead).toBe(policy);
    expect(view.known).toBe(true);
    expect(view.current).toBe(policy);
  });

  it('takes a failed reading as no policy, and never rejects', async () => {
    const view = managedPolicyView(Promise.reject(new Error('Managed storage manifest not found')));
    expect(await view.whenRead).toBe(NO_POLICY);
    expect(view.known).toBe(true);
  });
});
