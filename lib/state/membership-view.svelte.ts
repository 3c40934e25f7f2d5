/**
 * A plan's membership (lib/membership), folded from its signed log, for views: `current` is null
 * until the first fold resolves (signatures are checked asynchronously), then the latest state,
 * folded again whenever the log changes while something reads it. Views that have the plan's
 * session may use its `membership` instead; this needs only the document.
 */
import type * as Y from 'yjs';
import { createSubscriber } from 'svelte/reactivity';
import { planRoots } from '../plan/index.ts';
import { readMembership } from '../membership/membership-log.ts';
import type { MembershipState } from '../membership/membership-state.ts';
import type { View } from './y-view.ts';

export function membershipView(doc: Y.Doc, pinnedGenesis?: string | null): View<MembershipState | null> {
  let state = $state.raw<MembershipState | null>(null);
  let serial = 0;
  const refresh = () => {
    const mine = ++serial;
    readMembership(doc, pinnedGenesis).then(
      (folded) => {
        if (mine === serial) state = folded;
      },
      () => {},
    );
  };
  const subscribe = createSubscriber(() => {
    const log = planRoots(doc).membership;
    refresh();
    log.observe(refresh);
    return () => log.unobserve(refresh);
  });
  return {
    get current() {
      subscribe();
      return state;
    },
  };
}
