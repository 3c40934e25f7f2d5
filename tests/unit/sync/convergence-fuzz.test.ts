/**
 * Randomised convergence of one plan edited by a whole core group at once (DESIGN.md,
 * Reliability): five replicas run random plan commands and rich-text edits through a simulated
 * y-webrtc network (../helpers/sim-network.ts) that reorders, partitions, loses queued messages
 * and reloads pages; then the network heals and every replica must hold the same plan, with
 * nothing pending and nothing lost.
 *
 * A run alternates mixed phases (anything: removes, moves, deletes, restructuring text) with
 * insert-only phases (adding records, typing), each closed by a heal and a check. What is added in
 * an insert-only phase must survive to the end. What is added in a mixed phase may rightly be lost
 * (a CRDT drops text typed into a paragraph a colleague deleted at the same moment), so the heals
 * keep insert-only edits from ever being concurrent with a deletion, and mixed phases never delete
 * a protected record or token they can see.
 *
 * Rich text is written two ways: directly as y-prosemirror stores it (paragraph and list elements
 * holding Y.XmlText with marks as attributes), and through a real ProseMirror EditorState whose
 * transactions are written back with y-prosemirror's own `updateYFragment`, as the editor does.
 *
 * Replay one seed: FUZZ_SEED=17 npx vitest run tests/unit/sync/convergence-fuzz.test.ts
 * Soak: FUZZ_SEEDS=500 (seeds 1…500).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { toggleMark } from 'prosemirror-commands';
import { wrapInList } from 'prosemirror-schema-list';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import {
  AGREEMENT_FIELDS,
  ACTION_STATUSES,
  Action,
  CATEGORIES,
  ChronologyEntry,
  DOMAINS,
  MEETING_KINDS,
  Meeting,
  Member,
  Outcome,
  ProgressNote,
  addChild,
  createPlan,
  findRecord,
  liveRecords,
  planRoots,
  readChildren,
  removeChild,
  richTextFragment,
  richTextSchema,
  setAgreementField,
  setCategorisation,
  setChildField,
  setGroupRole,
  setMetaField,
  setPlanStatus,
  updateChronologyEntry,
  RICH_TEXT_FIELDS,
  type RichTextField,
} from '../../../lib/plan/index.ts';
import { addOutcome, moveOutcomeWithinDomain, setOutcomeDomain } from '../../../lib/outcomes/outcome-commands.ts';
import { persistPlan, type PlanPersistence } from '../../../lib/sync/persistence.ts';
import { createSimNetwork, memoryStorage, seededRandom, type Random, type ReplicaStorage, type SimNetwork } from '../helpers/sim-network.ts';

const REPLICAS = 5;
/** FUZZ_SEED=n replays one seed; FUZZ_SEEDS=n runs seeds 1…n (a longer soak than the default 16). */
const SEEDS = process.env.FUZZ_SEED
  ? [Number(process.env.FUZZ_SEED)]
  : Array.from({ length: Number(process.env.FUZZ_SEEDS ?? 16) }, (_, i) => i + 1);
/** Seeds whose replicas store through lib/sync/persistence.ts (y-indexeddb on fake-indexeddb). */
const IDB_SEEDS = process.env.FUZZ_SEED ? [] : [101, 102];
const PHASES = 6;
const STEPS_PER_PHASE = 120;
/** A bound on one seed's run (about a second on an idle machine), not a target. */
const RUN_TIMEOUT_MS = 60_000;
/** Far more than any heal needs (each replica answers each other's step 1 once); a bound, not a target. */
const MAX_MESSAGES_PER_SETTLE = 200_000;
/** The rich-text fields edited (three of the ten, so edits collide often). */
const FIELDS: RichTextField[] = ['danger-statement', 'strengths', 'contingency'];

// ─── What must survive ──────────────────────────────────────────────────────────────────────────

/** Where a token was typed: a root rich-text field, or a meeting's minutes. */
type Locator = { field: RichTextField } | { meetingId: string };

/**
 * What was added in insert-only phases. Records by path from a root list (`['outcomes', id,
 * 'actions', id]`); tokens (`[r2.15]`) with the field they were typed into.
 */
interface Ledger {
  records: string[][];
  tokens: Map<string, Locator>;
}

/**
 * A token: `[r2.15]` typed straight into a Y.XmlText, `«r2.16»` typed through ProseMirror. Brackets
 * around text without brackets, so an intact token is easy to find and to avoid.
 */
const TOKEN = /\[[^[\]«»]*\]|«[^[\]«»]*»/g;
const OPENERS = '[«';
const CLOSERS = ']»';

// ─── Small helpers ──────────────────────────────────────────────────────────────────────────────

const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T | undefined => (items.length === 0 ? undefined : items[int(random, items.length)]);
const WORDS = ['Ava', 'school', 'health visitor', 'weekly', 'GP', 'nursery', 'police', 'housing', '', 'ok'];
const word = (random: Random) => pick(random, WORDS)!;
function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(random, i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
const tombstoned = (list: Y.Array<Y.Map<unknown>>) => list.toArray().filter((m) => m.get('deleted') === true);
const idOf = (record: Y.Map<unknown>) => String(record.get('id'));

/** A Y.XmlText as a member reads it: its inserted strings, marks ignored. */
const plainText = (text: Y.XmlText) =>
  (text.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');

function textsIn(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) out.push(...textsIn(child));
  }
  return out;
}

/** All the text of a field, one line per Y.XmlText, so a token is never found across two of them. */
const fieldText = (node: Y.XmlFragment | Y.XmlElement) => textsIn(node).map(plainText).join('\n');

/** Spans [start, end) of protected tokens in `text`. */
function protectedSpans(text: string, ledger: Ledger): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(TOKEN)) if (ledger.tokens.has(match[0])) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Positions where inserting cannot split any intact token: the ends, or next to a bracket. */
function tokenBoundaries(text: string): number[] {
  const out: number[] = [];
  for (let p = 0; p <= text.length; p++) {
    if (p === 0 || p === text.length || CLOSERS.includes(text[p - 1]!) || OPENERS.includes(text[p]!)) out.push(p);
  }
  return out;
}

/**
 * Boundaries where y-prosemirror writes a typed token exactly where it was typed. It finds what
 * changed by diffing old and new text (simpleDiff: common prefix, then common suffix), so a token
 * typed just before one that starts with the same character is written shifted: `«r3.17»` typed
 * before `«r1.16»` is stored as `«r` (old) + `3.17»«r` (new) + `1.16»` (old), the same text locally
 * but not one run, and a colleague typing at the same moment can land inside it. Real typing has
 * the same property (concurrent words at one spot can interleave); the ledger needs exact runs.
 */
function exactProseMirrorBoundaries(text: string): number[] {
  return tokenBoundaries(text).filter((p) => text[p - 1] !== '»' && text[p] !== '«');
}

/** Any position not strictly inside a protected token (0 is always one). */
function freePosition(random: Random, text: string, ledger: Ledger): number {
  const spans = protectedSpans(text, ledger);
  for (let attempt = 0; attempt < 8; attempt++) {
    const p = int(random, text.length + 1);
    if (!spans.some(([s, e]) => s < p && p < e)) return p;
  }
  return 0;
}

/** A range [from, to) of `text` touching no protected token, or undefined. */
function freeRange(random: Random, text: string, ledger: Ledger): [number, number] | undefined {
  if (text.length === 0) return undefined;
  const spans = protectedSpans(text, ledger);
  for (let attempt = 0; attempt < 8; attempt++) {
    const from = int(random, text.length);
    const to = Math.min(text.length, from + 1 + int(random, 12));
    if (!spans.some(([s, e]) => s < to && from < e)) return [from, to];
  }
  return undefined;
}

// ─── Operations ─────────────────────────────────────────────────────────────────────────────────

interface OpContext {
  doc: Y.Doc;
  random: Random;
  /** In an insert-only phase: what this op adds must survive. */
  insertOnly: boolean;
  ledger: Ledger;
  token(): string;
}

interface Op {
  name: string;
  weight: number;
  /** Adds only (records or text): allowed in insert-only phases. */
  inserts?: true;
  run(ctx: OpContext): void;
}

const protectRecord = (ctx: OpContext, path: string[]) => {
  if (ctx.insertOnly) ctx.ledger.records.push(path);
};
const protectToken = (ctx: OpContext, token: string, where: Locator) => {
  if (ctx.insertOnly) ctx.ledger.tokens.set(token, where);
};

/** A rich-text field to edit: usually a root field, sometimes a meeting's minutes. */
function pickFragment(ctx: OpContext): { fragment: Y.XmlFragment; where: Locator } {
  const meetings = Meeting.liveMaps(planRoots(ctx.doc).meetings);
  const meeting = ctx.random() < 0.25 ? pick(ctx.random, meetings) : undefined;
  if (meeting) return { fragment: Meeting.fragment(meeting, 'minutes'), where: { meetingId: idOf(meeting) } };
  const field = pick(ctx.random, FIELDS)!;
  return { fragment: richTextFragment(ctx.doc, field), where: { field } };
}

/** A paragraph as y-prosemirror stores one: an element holding one Y.XmlText. */
function paragraph(text: string, attributes?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text, attributes);
  element.insert(0, [content]);
  return element;
}

const MARKS: Record<string, unknown>[] = [{ strong: {} }, { em: {} }, { link: { href: 'https://example.org/plan' } }, { strong: null }, { em: null }];

/** Reads the field into a ProseMirror EditorState, runs `edit`, writes the result back as the editor's binding does. */
function editWithProseMirror(ctx: OpContext, fragment: Y.XmlFragment, edit: (state: EditorState, blocks: { node: PMNode; pos: number }[]) => Transaction | null | undefined) {
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, richTextSchema);
  const blocks: { node: PMNode; pos: number }[] = [];
  pmDoc.descendants((node, pos) => {
    if (node.isTextblock) blocks.push({ node, pos });
    return !node.isTextblock;
  });
  if (blocks.length === 0) return;
  const state = EditorState.create({ schema: richTextSchema, doc: pmDoc });
  const tr = edit(state, blocks);
  if (!tr || !tr.docChanged) return;
  ctx.doc.transact(() => updateYFragment(ctx.doc, fragment, tr.doc, meta), ySyncPluginKey);
}

/** Runs a ProseMirror command with the text [from, to) selected; returns its transaction. */
function runCommand(state: EditorState, from: number, to: number, command: Command): Transaction | undefined {
  const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
  let out: Transaction | undefined;
  command(selected, (tr) => void (out = tr));
  return out;
}

const liveOutcome = (ctx: OpContext) => pick(ctx.random, Outcome.liveMaps(planRoots(ctx.doc).outcomes));

/** A live action of a live outcome, with its list. */
function liveAction(ctx: OpContext) {
  const outcome = liveOutcome(ctx);
  if (!outcome) return undefined;
  const actions = Outcome.list(outcome, 'actions');
  const action = pick(ctx.random, Action.liveMaps(actions));
  return action ? { outcome, actions, action } : undefined;
}

const OPS: Op[] = [
  // Outcomes and their nested actions (lib/plan/records/outcomes.ts, lib/outcomes/outcome-commands.ts).
  {
    name: 'outcome.add',
    weight: 4,
    inserts: true,
    run(ctx) {
      const list = planRoots(ctx.doc).outcomes;
      const domain = pick(ctx.random, DOMAINS)!;
      const statement = ctx.token();
      let id: string;
      if (ctx.random() < 0.5) {
        id = addOutcome(ctx.doc, { domain });
        Outcome.set(ctx.doc, list, id, 'statement', statement);
      } else {
        id = Outcome.add(ctx.doc, list, { domain, statement });
      }
      protectRecord(ctx, ['outcomes', id]);
    },
  },
  {
    name: 'outcome.set',
    weight: 3,
    run(ctx) {
      const outcome = liveOutcome(ctx);
      const field = pick(ctx.random, ['statement', 'measure', 'dueDate', 'sustainability'] as const)!;
      if (outcome) Outcome.set(ctx.doc, planRoots(ctx.doc).outcomes, idOf(outcome), field, word(ctx.random));
    },
  },
  {
    name: 'outcome.domain',
    weight: 1,
    run(ctx) {
      const outcome = liveOutcome(ctx);
      if (outcome) setOutcomeDomain(ctx.doc, { id: idOf(outcome), domain: pick(ctx.random, DOMAINS)! });
    },
  },
  {
    name: 'outcome.move',
    weight: 2,
    run(ctx) {
      const outcome = liveOutcome(ctx);
      if (!outcome) return;
      const list = planRoots(ctx.doc).outcomes;
      if (ctx.random() < 0.5) Outcome.move(ctx.doc, list, idOf(outcome), int(ctx.random, list.length + 1));
      else moveOutcomeWithinDomain(ctx.doc, { id: idOf(outcome), toIndex: int(ctx.random, 4) });
    },
  },
  {
    name: 'outcome.remove',
    weight: 1,
    run(ctx) {
      const outcome = liveOutcome(ctx);
      if (outcome) Outcome.remove(ctx.doc, planRoots(ctx.doc).outcomes, idOf(outcome));
    },
  },
  {
    name: 'outcome.restore',
    weight: 1,
    run(ctx) {
      const list = planRoots(ctx.doc).outcomes;
      const outcome = pick(ctx.random, tombstoned(list));
      if (outcome) Outcome.restore(ctx.doc, list, idOf(outcome));
    },
  },
  {
    name: 'action.add',
    weight: 4,
    inserts: true,
    run(ctx) {
      const outcome = liveOutcome(ctx);
      if (!outcome) return;
      const id = Action.add(ctx.doc, Outcome.list(outcome, 'actions'), {
        description: ctx.token(),
        status: pick(ctx.random, ACTION_STATUSES)!,
      });
      protectRecord(ctx, ['outcomes', idOf(outcome), 'actions', id]);
    },
  },
  {
    name: 'action.set',
    weight: 3,
    run(ctx) {
      const found = liveAction(ctx);
      if (!found) return;
      if (ctx.random() < 0.3) Action.set(ctx.doc, found.actions, idOf(found.action), 'agencyAgreed', ctx.random() < 0.5);
      else Action.set(ctx.doc, found.actions, idOf(found.action), pick(ctx.random, ['description', 'agency', 'dueDate', 'measure', 'status'] as const)!, word(ctx.random));
    },
  },
  {
    name: 'action.move',
    weight: 2,
    run(ctx) {
      const found = liveAction(ctx);
      if (found) Action.move(ctx.doc, found.actions, idOf(found.action), int(ctx.random, found.actions.length + 1));
    },
  },
  {
    name: 'action.remove',
    weight: 1,
    run(ctx) {
      const found = liveAction(ctx);
      if (found) Action.remove(ctx.doc, found.actions, idOf(found.action));
    },
  },
  {
    name: 'action.restore',
    weight: 1,
    run(ctx) {
      const outcome = liveOutcome(ctx);
      if (!outcome) return;
      const actions = Outcome.list(outcome, 'actions');
      const action = pick(ctx.random, tombstoned(actions));
      if (action) Action.restore(ctx.doc, actions, idOf(action));
    },
  },
  {
    name: 'note.add',
    weight: 2,
    inserts: true,
    run(ctx) {
      const found = liveAction(ctx);
      if (!found) return;
      const id = ProgressNote.add(ctx.doc, Action.list(found.action, 'notes'), { date: '2027-03-14', text: ctx.token(), addedBy: 'Sam' });
      protectRecord(ctx, ['outcomes', idOf(found.outcome), 'actions', idOf(found.action), 'notes', id]);
    },
  },
  // The chronology.
  {
    name: 'chronology.add',
    weight: 3,
    inserts: true,
    run(ctx) {
      const id = ChronologyEntry.add(ctx.doc, planRoots(ctx.doc).chronology, {
        date: `2026-0${1 + int(ctx.random, 9)}-1${int(ctx.random, 10)}`,
        event: ctx.token(),
        agency: word(ctx.random),
        addedBy: 'Jo',
      });
      protectRecord(ctx, ['chronology', id]);
    },
  },
  {
    name: 'chronology.update',
    weight: 2,
    run(ctx) {
      const list = planRoots(ctx.doc).chronology;
      const entry = pick(ctx.random, ChronologyEntry.liveMaps(list));
      if (entry) updateChronologyEntry(ctx.doc, list, idOf(entry), ctx.random() < 0.5 ? { event: word(ctx.random) } : { agency: word(ctx.random), date: '2026-12-01' });
    },
  },
  {
    name: 'chronology.remove-restore-move',
    weight: 2,
    run(ctx) {
      const list = planRoots(ctx.doc).chronology;
      const roll = ctx.random();
      const dead = pick(ctx.random, tombstoned(list));
      const live = pick(ctx.random, ChronologyEntry.liveMaps(list));
      if (roll < 0.3 && dead) ChronologyEntry.restore(ctx.doc, list, idOf(dead));
      else if (roll < 0.6 && live) ChronologyEntry.remove(ctx.doc, list, idOf(live));
      else if (live) ChronologyEntry.move(ctx.doc, list, idOf(live), int(ctx.random, list.length + 1));
    },
  },
  // Children, members, meetings and the plan's short fields.
  {
    name: 'child.add',
    weight: 1,
    inserts: true,
    run(ctx) {
      const id = addChild(ctx.doc, { name: ctx.token(), dob: '2019-03-14' });
      protectRecord(ctx, ['children', id]);
    },
  },
  {
    name: 'child.set-remove',
    weight: 2,
    run(ctx) {
      const child = pick(ctx.random, readChildren(ctx.doc));
      if (!child) return;
      if (ctx.random() < 0.2) removeChild(ctx.doc, { id: child.id });
      else setChildField(ctx.doc, { id: child.id, field: pick(ctx.random, ['name', 'school', 'gp', 'dob'] as const)!, value: word(ctx.random) });
    },
  },
  {
    name: 'member.add',
    weight: 1,
    inserts: true,
    run(ctx) {
      const id = Member.add(ctx.doc, planRoots(ctx.doc).members, { name: ctx.token(), agency: word(ctx.random) });
      protectRecord(ctx, ['members', id]);
    },
  },
  {
    name: 'member.role',
    weight: 1,
    run(ctx) {
      const member = pick(ctx.random, Member.liveMaps(planRoots(ctx.doc).members));
      if (member) setGroupRole(ctx.doc, { role: ctx.random() < 0.5 ? 'chair' : 'deputy', id: idOf(member) });
    },
  },
  {
    name: 'meeting.add',
    weight: 1,
    inserts: true,
    run(ctx) {
      const id = Meeting.add(ctx.doc, planRoots(ctx.doc).meetings, { kind: pick(ctx.random, MEETING_KINDS)!, date: '2026-05-05' });
      protectRecord(ctx, ['meetings', id]);
    },
  },
  {
    name: 'meta.set',
    weight: 3,
    run(ctx) {
      const roll = int(ctx.random, 4);
      if (roll === 0) setMetaField(ctx.doc, { field: ctx.random() < 0.5 ? 'familyName' : 'address', value: word(ctx.random) });
      else if (roll === 1) setPlanStatus(ctx.doc, { status: pick(ctx.random, ['outline', 'detailed', 'agreed'] as const)! });
      else if (roll === 2) setAgreementField(ctx.doc, { field: pick(ctx.random, AGREEMENT_FIELDS)!, value: word(ctx.random) });
      else setCategorisation(ctx.doc, { primary: pick(ctx.random, CATEGORIES)!, secondary: [pick(ctx.random, CATEGORIES)!], secondaryReason: word(ctx.random) });
    },
  },
  // Rich text written as y-prosemirror stores it.
  {
    name: 'text.paragraph',
    weight: 3,
    inserts: true,
    run(ctx) {
      const { fragment, where } = pickFragment(ctx);
      const token = ctx.token();
      fragment.insert(int(ctx.random, fragment.length + 1), [paragraph(token, ctx.random() < 0.3 ? { em: {} } : undefined)]);
      protectToken(ctx, token, where);
    },
  },
  {
    name: 'text.list',
    weight: 1,
    inserts: true,
    run(ctx) {
      const { fragment, where } = pickFragment(ctx);
      const token = ctx.token();
      const list = new Y.XmlElement(ctx.random() < 0.5 ? 'bullet_list' : 'ordered_list');
      const item = new Y.XmlElement('list_item');
      item.insert(0, [paragraph(token)]);
      list.insert(0, [item]);
      fragment.insert(int(ctx.random, fragment.length + 1), [list]);
      protectToken(ctx, token, where);
    },
  },
  {
    name: 'text.insert',
    weight: 8,
    inserts: true,
    run(ctx) {
      const { fragment, where } = pickFragment(ctx);
      const text = pick(ctx.random, textsIn(fragment));
      if (!text) return;
      const current = plainText(text);
      const at = ctx.insertOnly ? pick(ctx.random, tokenBoundaries(current))! : freePosition(ctx.random, current, ctx.ledger);
      const token = ctx.token();
      text.insert(at, token, ctx.random() < 0.2 ? { strong: {} } : undefined);
      protectToken(ctx, token, where);
    },
  },
  {
    name: 'text.delete',
    weight: 4,
    run(ctx) {
      const text = pick(ctx.random, textsIn(pickFragment(ctx).fragment));
      const range = text && freeRange(ctx.random, plainText(text), ctx.ledger);
      if (text && range) text.delete(range[0], range[1] - range[0]);
    },
  },
  {
    name: 'text.format',
    weight: 3,
    run(ctx) {
      const text = pick(ctx.random, textsIn(pickFragment(ctx).fragment));
      if (!text || text.length === 0) return;
      const from = int(ctx.random, text.length);
      text.format(from, 1 + int(ctx.random, text.length - from), pick(ctx.random, MARKS)!);
    },
  },
  {
    name: 'text.block-delete',
    weight: 1,
    run(ctx) {
      const { fragment } = pickFragment(ctx);
      const index = int(ctx.random, fragment.length);
      const block = fragment.get(index);
      if (block instanceof Y.XmlElement && protectedSpans(fieldText(block), ctx.ledger).length === 0) fragment.delete(index, 1);
    },
  },
  // Rich text through a real ProseMirror state and y-prosemirror's updateYFragment.
  {
    name: 'pm.type',
    weight: 5,
    inserts: true,
    run(ctx) {
      const { fragment, where } = pickFragment(ctx);
      const token = ctx.token().replace('[', '«').replace(']', '»');
      editWithProseMirror(ctx, fragment, (state, blocks) => {
        const block = pick(ctx.random, blocks)!;
        const text = block.node.textContent;
        const at = ctx.insertOnly ? pick(ctx.random, exactProseMirrorBoundaries(text)) : freePosition(ctx.random, text, ctx.ledger);
        if (at === undefined) return null;
        protectToken(ctx, token, where);
        return state.tr.insertText(token, block.pos + 1 + at);
      });
    },
  },
  {
    name: 'pm.delete',
    weight: 2,
    run(ctx) {
      editWithProseMirror(ctx, pickFragment(ctx).fragment, (state, blocks) => {
        const block = pick(ctx.random, blocks)!;
        const range = freeRange(ctx.random, block.node.textContent, ctx.ledger);
        return range ? state.tr.delete(block.pos + 1 + range[0], block.pos + 1 + range[1]) : null;
      });
    },
  },
  {
    name: 'pm.mark',
    weight: 2,
    run(ctx) {
      editWithProseMirror(ctx, pickFragment(ctx).fragment, (state, blocks) => {
        const block = pick(ctx.random, blocks)!;
        const size = block.node.content.size;
        if (size === 0) return null;
        const from = int(ctx.random, size);
        const to = from + 1 + int(ctx.random, size - from);
        const mark = ctx.random() < 0.5 ? richTextSchema.marks.strong : richTextSchema.marks.em;
        return runCommand(state, block.pos + 1 + from, block.pos + 1 + to, toggleMark(mark));
      });
    },
  },
  {
    name: 'pm.split',
    weight: 2,
    run(ctx) {
      editWithProseMirror(ctx, pickFragment(ctx).fragment, (state, blocks) => {
        const block = pick(ctx.random, blocks)!;
        const at = freePosition(ctx.random, block.node.textContent, ctx.ledger);
        return state.tr.split(block.pos + 1 + at);
      });
    },
  },
  {
    name: 'pm.wrap-in-list',
    weight: 1,
    run(ctx) {
      editWithProseMirror(ctx, pickFragment(ctx).fragment, (state, blocks) => {
        const topLevel = blocks.filter((b) => state.doc.resolve(b.pos + 1).depth === 1);
        const block = pick(ctx.random, topLevel);
        if (!block) return null;
        const list = ctx.random() < 0.5 ? richTextSchema.nodes.bullet_list : richTextSchema.nodes.ordered_list;
        return runCommand(state, block.pos + 1, block.pos + 1, wrapInList(list));
      });
    },
  },
];

// ─── Checks ─────────────────────────────────────────────────────────────────────────────────────

/** Object keys sorted at every level, so two replicas that hold the same plan print the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).sort().map((key) => [key, canonical(object[key])]));
  }
  return value;
}

/** Every root of the plan, rich text included (nested fragments print as y-prosemirror XML). */
function planJson(doc: Y.Doc): string {
  const roots: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(planRoots(doc))) roots[name] = type.toJSON();
  for (const field of RICH_TEXT_FIELDS) roots[`text:${field}`] = richTextFragment(doc, field).toString();
  roots['(root names)'] = [...doc.share.keys()].sort();
  return JSON.stringify(canonical(roots));
}

function resolveRecord(doc: Y.Doc, path: readonly string[]): Y.Map<unknown> | undefined {
  const roots = planRoots(doc) as unknown as Record<string, Y.Array<Y.Map<unknown>>>;
  let list: unknown = roots[path[0]!];
  let record: Y.Map<unknown> | undefined;
  for (let i = 1; i < path.length; i += 2) {
    if (!(list instanceof Y.Array)) return undefined;
    record = findRecord(list as Y.Array<Y.Map<unknown>>, path[i]!);
    if (!record) return undefined;
    list = path[i + 1] === undefined ? undefined : record.get(path[i + 1]!);
  }
  return record;
}

function locate(doc: Y.Doc, where: Locator): Y.XmlFragment | undefined {
  if ('field' in where) return richTextFragment(doc, where.field);
  const meeting = findRecord(planRoots(doc).meetings, where.meetingId);
  return meeting ? Meeting.fragment(meeting, 'minutes') : undefined;
}

/**
 * The network has healed and settled: every replica holds the same plan, nothing is pending, and
 * everything the ledger protects is there. `where` names the seed and step for the message.
 */
function expectConverged(docs: readonly Y.Doc[], ledger: Ledger, where: string): void {
  const [first, ...rest] = docs;
  const sv = Buffer.from(Y.encodeStateVector(first!)).toString('hex');
  const json = planJson(first!);
  for (const [i, doc] of docs.entries()) {
    expect(doc.store.pendingStructs, `${where}: replica ${i} still has pending structs`).toBeNull();
    expect(doc.store.pendingDs, `${where}: replica ${i} still has a pending delete set`).toBeNull();
  }
  for (const [i, doc] of rest.entries()) {
    expect(Buffer.from(Y.encodeStateVector(doc)).toString('hex'), `${where}: state vector of replica ${i + 1} differs from replica 0`).toBe(sv);
    expect(planJson(doc), `${where}: plan of replica ${i + 1} differs from replica 0`).toBe(json);
  }
  const lostRecords = ledger.records.filter((path) => !resolveRecord(first!, path)).map((path) => path.join('/'));
  expect(lostRecords, `${where}: records added in insert-only phases are missing`).toEqual([]);
  const lostTokens = [...ledger.tokens].filter(([token, place]) => !fieldText(locate(first!, place) ?? new Y.XmlFragment()).includes(token)).map(([t]) => t);
  expect(lostTokens, `${where}: text typed in insert-only phases is missing`).toEqual([]);
}

/** The converged fields are documents y-prosemirror renders as they are: no repair, valid for the schema. */
function expectRenderable(doc: Y.Doc, where: string) {
  const fragments = [...FIELDS.map((f) => richTextFragment(doc, f)), ...liveRecords(planRoots(doc).meetings).map((m) => Meeting.fragment(m, 'minutes'))];
  let repaired = 0;
  const onUpdate = () => void repaired++;
  doc.on('update', onUpdate);
  try {
    for (const fragment of fragments) {
      const { doc: pmDoc } = initProseMirrorDoc(fragment, richTextSchema);
      if (pmDoc.childCount > 0) expect(() => pmDoc.check(), `${where}: ${fragment.toString().slice(0, 200)}`).not.toThrow();
    }
  } finally {
    doc.off('update', onUpdate);
  }
  expect(repaired, `${where}: y-prosemirror had to delete content it could not render`).toBe(0);
}

// ─── One run ────────────────────────────────────────────────────────────────────────────────────

interface RunSummary {
  ops: Map<string, number>;
  delivered: number;
  drops: number;
  partitions: number;
  reloads: number;
  /** Times a replica held structs it could not integrate yet (updates arriving before their causes). */
  pendingSeen: number;
}

/** Seeded bytes for record ids (lib/plan's newId reads crypto.getRandomValues), so a seed replays exactly. */
function seededGetRandomValues(random: Random) {
  return <T extends ArrayBufferView | null>(array: T): T => {
    if (array instanceof Uint8Array) for (let i = 0; i < array.length; i++) array[i] = int(random, 256);
    return array;
  };
}

async function runFuzz(seed: number, storage: (replica: number) => ReplicaStorage): Promise<RunSummary> {
  const random = seededRandom(seed);
  const summary: RunSummary = { ops: new Map(), delivered: 0, drops: 0, partitions: 0, reloads: 0, pendingSeen: 0 };
  const ledger: Ledger = { records: [], tokens: new Map() };
  const trace: string[] = [];
  let step = 0;
  let tokens = 0;
  const spy = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(seededGetRandomValues(seededRandom(seed ^ 0x5eed)));
  let net: SimNetwork | undefined;
  const where = () => `seed ${seed}, step ${step} (replay: FUZZ_SEED=${seed})`;
  try {
    net = await createSimNetwork({ size: REPLICAS, random, storage, clientId: (replica, incarnation) => 1 + replica + REPLICAS * incarnation });
    const replicas = net.replicas;
    // The creator seeds the plan once; everyone else receives it (ARCHITECTURE.md: opening never seeds).
    createPlan(replicas[0]!.doc, {
      familyName: 'Testington',
      children: [{ name: 'Ava', dob: '2019-03-14' }],
      profileId: 'national',
      division: 'england-and-wales',
      createdBy: 'Sam',
      createdAt: '2026-01-05',
    });
    const totalWeight = (ops: Op[]) => ops.reduce((n, op) => n + op.weight, 0);
    const chooseOp = (ops: Op[]) => {
      let r = random() * totalWeight(ops);
      for (const op of ops) if ((r -= op.weight) < 0) return op;
      return ops[ops.length - 1]!;
    };

    for (let phase = 0; phase < PHASES; phase++) {
      const insertOnly = phase % 2 === 1;
      const ops = insertOnly ? OPS.filter((op) => op.inserts) : OPS;
      for (let i = 0; i < STEPS_PER_PHASE; i++, step++) {
        const roll = random();
        if (roll < 0.55) {
          const replica = int(random, REPLICAS);
          const op = chooseOp(ops);
          trace.push(`${step}: ${op.name} on replica ${replica}`);
          op.run({ doc: replicas[replica]!.doc, random, insertOnly, ledger, token: () => `[r${replica}.${++tokens}]` });
          summary.ops.set(op.name, (summary.ops.get(op.name) ?? 0) + 1);
        } else if (roll < 0.88) {
          // Sometimes a trickle, sometimes a burst: queues grow and drain at different rates per link.
          const count = 1 + int(random, 40);
          for (let k = 0; k < count && net.deliverOne(); k++) summary.delivered++;
          summary.pendingSeen += replicas.filter((r) => r.doc.store.pendingStructs !== null).length;
        } else {
          const event = random();
          const a = int(random, REPLICAS);
          const b = (a + 1 + int(random, REPLICAS - 1)) % REPLICAS;
          if (event < 0.3) {
            trace.push(`${step}: drop ${a}–${b}`);
            net.drop(a, b);
            summary.drops++;
          } else if (event < 0.5) {
            trace.push(`${step}: reconnect ${a}–${b}`);
            net.reconnect(a, b);
          } else if (event < 0.7) {
            const order = shuffle(random, [...Array(REPLICAS).keys()]);
            const cut = 1 + int(random, REPLICAS - 1);
            trace.push(`${step}: partition ${order.slice(0, cut)} | ${order.slice(cut)}`);
            net.partition([order.slice(0, cut), order.slice(cut)]);
            summary.partitions++;
          } else if (event < 0.8) {
            trace.push(`${step}: heal`);
            net.heal();
          } else {
            const compact = random() < 0.3;
            trace.push(`${step}: reload ${a}${compact ? ' (compacted)' : ''}`);
            await net.reload(a, { compact });
            summary.reloads++;
          }
        }
      }
      net.heal();
      summary.delivered += net.settle(MAX_MESSAGES_PER_SETTLE);
      expectConverged(replicas.map((r) => r.doc), ledger, `${where()}, after phase ${phase}`);
    }
    expectRenderable(replicas[0]!.doc, where());
    return summary;
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    const message = cause.message.includes(`seed ${seed}, step`) ? cause.message : `${where()}: ${cause.message}`;
    throw Object.assign(new Error(`${message}\nlast steps:\n${trace.slice(-15).join('\n')}`), { stack: cause.stack });
  } finally {
    spy.mockRestore();
    await net?.destroy();
  }
}

/** Each replica keeps its plan through lib/sync/persistence.ts (y-indexeddb), as the extension does. */
function indexedDbStorage(seed: number) {
  globalThis.indexedDB = new IDBFactory();
  return (replica: number): ReplicaStorage => {
    let persistence: PlanPersistence | null = null;
    return {
      async open(doc) {
        persistence = persistPlan(doc, `fuzz-${seed}-${replica}`, undefined);
        await persistence.whenLoaded;
      },
      async close() {
        await persistence?.destroy();
        persistence = null;
      },
      // persistence.ts trims by itself (y-indexeddb's storeState after 500 updates).
      async compact() {},
    };
  };
}

// ─── The specification ──────────────────────────────────────────────────────────────────────────

const summaries: RunSummary[] = [];

describe('a plan edited by five members over y-webrtc (simulated network)', () => {
  it.each(SEEDS)('converges to one plan, nothing pending, nothing inserted lost (seed %i)', async (seed) => {
    summaries.push(await runFuzz(seed, () => memoryStorage()));
  }, RUN_TIMEOUT_MS);

  it.each(IDB_SEEDS)('converges as well when every reload reads back through persistPlan and IndexedDB (seed %i)', async (seed) => {
    summaries.push(await runFuzz(seed, indexedDbStorage(seed)));
  }, RUN_TIMEOUT_MS);

  it.skipIf(Boolean(process.env.FUZZ_SEED))('exercised every command, reordering, lost queues, partitions, reloads and pending structs', () => {
    const ran = new Set(summaries.flatMap((s) => [...s.ops.keys()]));
    expect(OPS.map((op) => op.name).filter((name) => !ran.has(name))).toEqual([]);
    const total = (key: 'drops' | 'partitions' | 'reloads' | 'pendingSeen') => summaries.reduce((n, s) => n + s[key], 0);
    expect(total('drops')).toBeGreaterThan(0);
    expect(total('partitions')).toBeGreaterThan(0);
    expect(total('reloads')).toBeGreaterThan(0);
    expect(total('pendingSeen')).toBeGreaterThan(0);
  });
});

describe('expectConverged', () => {
  it('names the seed and step when two replicas differ', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setMetaField(a, { field: 'address', value: '3 Offline Road' });
    expect(() => expectConverged([a, b], { records: [], tokens: new Map() }, 'seed 7, step 42')).toThrow(/seed 7, step 42/);
  });

  it('reports a protected token that no replica holds', () => {
    const a = new Y.Doc();
    const ledger: Ledger = { records: [], tokens: new Map([['[r1.1]', { field: 'strengths' }]]) };
    expect(() => expectConverged([a, new Y.Doc()], ledger, 'seed 1, step 1')).toThrow(/missing/);
  });

  it('reports a protected record that no replica holds', () => {
    const ledger: Ledger = { records: [['outcomes', 'nope']], tokens: new Map() };
    expect(() => expectConverged([new Y.Doc(), new Y.Doc()], ledger, 'seed 1, step 1')).toThrow(/missing/);
  });
});

afterAll(() => {
  if (process.env.FUZZ_VERBOSE) {
    for (const s of summaries) console.info({ ...s, ops: Object.fromEntries(s.ops) });
  }
});
