/**
 * A backup file of a plan as the versions before plans carried their timescales wrote it: the
 * plan names a member's own profile by id alone, with no copy. Built with the plan's own commands
 * and the real backup writer, in the test's Node process.
 */
import * as Y from 'yjs';
import { Meeting, createPlan, planRoots, readPlanProfileCopy } from '../../../lib/plan/index.ts';
import { writeBackup } from '../../../lib/export/write-backup.ts';

export async function legacyPlanBackup(args: { familyName: string; child: string; profileId: string; icpc: string }): Promise<string> {
  const doc = new Y.Doc();
  createPlan(doc, {
    familyName: args.familyName,
    children: [{ name: args.child, dob: '2021-06-01' }],
    profileId: args.profileId,
    division: 'england-and-wales',
    createdBy: 'Sam Sample',
    createdAt: args.icpc,
  });
  Meeting.add(doc, planRoots(doc).meetings, { kind: 'icpc', date: args.icpc });
  if (readPlanProfileCopy(doc, args.profileId) !== undefined) throw new Error('legacyPlanBackup: the plan must not carry its profile');
  const text = await writeBackup(doc, { exportedAt: args.icpc });
  doc.destroy();
  return text;
}
