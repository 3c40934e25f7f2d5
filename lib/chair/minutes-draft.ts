/**
 * The first draft of a meeting's minutes, from what was recorded during it (seed 002's minute-
 * taker: the main points, areas of disagreement, decisions, changes to the plan with reasons).
 * Plain paragraphs; the minute-taker edits them in the meeting's minutes afterwards.
 */
export interface MinutesInput {
  title: string;
  date: string;
  present: { name: string; agency: string }[];
  apologies: { name: string; agency: string }[];
  items: { title: string; notes: string; minutes: number }[];
  views: { question: string; name: string; agency: string; view: string; written: boolean }[];
  decisions: string[];
  dissent: { who: string; agency: string; reason: string }[];
  changes: { change: string; reason: string }[];
  newActions: { description: string; owner: string; due: string }[];
  /** A core group's recommendation that the plan ends: its reasons, the review date asked for (in words), and dissent from it. */
  endRecommendation?: { reasons: string; reviewBy: string; dissent: { who: string; agency: string; reason: string }[] } | null;
}

const who = (p: { name: string; agency: string }) => (p.agency ? `${p.name} (${p.agency})` : p.name);

export function draftMinutes(input: MinutesInput): string[] {
  const lines: string[] = [`${input.title}, ${input.date}.`];
  lines.push(`Present: ${input.present.length ? input.present.map(who).join('; ') : 'none recorded'}.`);
  if (input.apologies.length) lines.push(`Apologies: ${input.apologies.map(who).join('; ')}.`);
  input.items.forEach((item, i) => {
    lines.push(`${i + 1}. ${item.title}${item.minutes ? ` (${item.minutes} min)` : ''}: ${item.notes.trim() || 'no notes recorded.'}`);
  });
  const byQuestion = new Map<string, MinutesInput['views']>();
  for (const v of input.views) byQuestion.set(v.question, [...(byQuestion.get(v.question) ?? []), v]);
  for (const [question, views] of byQuestion) {
    lines.push(`Views on “${question}”: ${views.map((v) => `${who(v)}${v.written ? ' (written)' : ''}: ${v.view}`).join('; ')}.`);
  }
  lines.push(input.decisions.length ? `Decisions: ${input.decisions.join('; ')}.` : 'Decisions: none recorded.');
  for (const d of input.dissent) lines.push(`Dissent: ${who({ name: d.who, agency: d.agency })}: ${d.reason}`);
  const end = input.endRecommendation;
  if (end) {
    lines.push(`Recommendation to the review conference: the plan ends. Reasons: ${end.reasons} The review conference is asked for by ${end.reviewBy}.`);
    for (const d of end.dissent) lines.push(`Dissent from the recommendation: ${who({ name: d.who, agency: d.agency })}: ${d.reason}`);
  }
  for (const c of input.changes) lines.push(`Change to the plan: ${c.change} (reason: ${c.reason})`);
  for (const a of input.newActions) lines.push(`New action: ${a.description} — ${a.owner || 'owner to be agreed'}, by ${a.due || 'date to be agreed'}.`);
  return lines;
}
