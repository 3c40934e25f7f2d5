/**
 * The organisation's policy (lib/settings/managed.ts) as a page sees it. Managed storage can be slow
 * to answer: in a new Chromium profile the first read took about 3 s here, so the page does not wait
 * for it before its first render (start-services.ts waits a moment, no more). Until it is read,
 * `current` is no policy and `known` is false; `whenRead` resolves once it is (never rejects, a
 * failed read being no policy). Anything that connects to a server awaits `whenRead`, so an
 * organisation's servers are never bypassed by a member who was quick.
 */
import { NO_POLICY, type ManagedPolicy } from '../settings/managed.ts';

export interface ManagedPolicyView {
  readonly current: ManagedPolicy;
  readonly known: boolean;
  readonly whenRead: Promise<ManagedPolicy>;
}

export function managedPolicyView(policy: ManagedPolicy | Promise<ManagedPolicy>): ManagedPolicyView {
  if (!(policy instanceof Promise)) return { current: policy, known: true, whenRead: Promise.resolve(policy) };
  let current = $state.raw<ManagedPolicy>(NO_POLICY);
  let known = $state(false);
  const whenRead = policy
    .catch(() => NO_POLICY)
    .then((read) => {
      current = read;
      known = true;
      return read;
    });
  return {
    get current() {
      return current;
    },
    get known() {
      return known;
    },
    whenRead,
  };
}
