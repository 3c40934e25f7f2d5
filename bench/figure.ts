/** One measured figure, printed in the table and written to bench/results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The budget from DESIGN.md in the same unit, or null where there is none. */
  budget: number | null;
}

/** A benchmark module's default export: measure, then return the figures. */
export type Bench = () => Promise<Figure[]>;

/** The p-th percentile (0–100) of some samples, by nearest rank. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new RangeError('percentile: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
