/**
 * An open plan: its Y.Doc, loaded from this device before anything renders, kept saved, and live
 * with other pages of this browser that have it open. Later, peer sync attaches here too.
 */
import * as Y from 'yjs';
import { migratePlan, type MigrationResult } from '../plan/migrations.ts';
import { persistPlan, planDatabaseName, type PlanPersistence } from './persistence.ts';
import { connectLocalChannel, type LocalChannel } from './local-channel.ts';

export interface PlanSession {
  readonly planId: string;
  readonly doc: Y.Doc;
  readonly persistence: PlanPersistence;
  /** What opening found: 'newer' means a newer version of the extension wrote this plan. */
  readonly migration: MigrationResult;
  close(): Promise<void>;
}

/**
 * Opens a plan stored on this device. Resolves once the stored content is in the document (so the
 * first render is never an empty plan); rejects with a SaveState error if storage cannot be opened.
 */
export async function openPlanSession(planId: string): Promise<PlanSession> {
  const doc = new Y.Doc();
  const persistence = persistPlan(doc, planId);
  try {
    await persistence.whenLoaded;
  } catch (error) {
    await persistence.destroy().catch(() => {});
    doc.destroy();
    throw error;
  }
  const channel: LocalChannel = connectLocalChannel(doc, planDatabaseName(planId));
  const migration = migratePlan(doc);
  return {
    planId,
    doc,
    persistence,
    migration,
    async close() {
      channel.destroy();
      await persistence.destroy();
      doc.destroy();
    },
  };
}

/**
 * Creates a plan's document on this device and runs `seed` on it (the creator's one-time content),
 * then waits until it is committed to storage.
 */
export async function createPlanSession(planId: string, seed: (doc: Y.Doc) => void): Promise<PlanSession> {
  const session = await openPlanSession(planId);
  seed(session.doc);
  await session.persistence.flush();
  return session;
}
