/**
 * While a plan is open, keeps its entry in the plan index in step with the document: a peer may
 * rename the family or add a child, and the list should say so the next time it is shown.
 */
import * as Y from 'yjs';
import { planRoots, readChildren, readMeta, readPlanEnding } from '../plan/index.ts';
import type { KeyValueArea } from '../platform/key-value-area.ts';
import { getPlanSummary, putPlanSummary } from './plan-index.ts';

/** Starts mirroring; returns the stop function. Writes only when a listed field really changed. */
export function syncPlanSummary(area: KeyValueArea, planId: string, doc: Y.Doc): () => void {
  const { meta, children } = planRoots(doc);
  let stopped = false;
  const refresh = async () => {
    const m = readMeta(doc);
    if (stopped || m.familyName === '') return; // not arrived yet (joined, no peer met)
    const summary = await getPlanSummary(area, planId);
    if (!summary || stopped) return;
    const childNames = readChildren(doc).map((c) => c.name);
    const endedOn = m.status === 'ended' ? readPlanEnding(doc).endedOn : '';
    const { endedOn: _was, ...rest } = summary;
    const next = { ...rest, familyName: m.familyName, childNames, profileId: m.profileId, division: m.division, ...(endedOn ? { endedOn } : {}) };
    if (JSON.stringify(next) !== JSON.stringify(summary)) await putPlanSummary(area, next);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  meta.observe(schedule);
  children.observeDeep(schedule);
  void refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
    meta.unobserve(schedule);
    children.unobserveDeep(schedule);
  };
}
