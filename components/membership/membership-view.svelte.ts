/**
 * An open plan's membership for the screens: the session's own (`session.membership`: the folded
 * log and this device's standing), re-read whenever the session says it changed.
 */
import type { PlanSession } from '../../lib/sync/plan-session.ts';
import type { SessionMembership } from '../../lib/sync/session-membership.ts';

/** Follows the session's membership while the calling component lives (null until a session). */
export function watchMembership(session: () => PlanSession | null): { readonly current: SessionMembership | null } {
  let current = $state.raw<SessionMembership | null>(null);
  $effect(() => {
    const s = session();
    if (!s) return;
    current = s.membership;
    return s.onMembership((next) => (current = next));
  });
  return {
    get current() {
      return current;
    },
  };
}
