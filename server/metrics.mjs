// @ts-check
/**
 * GET /metrics: the node's gauges and totals in Prometheus' text format. Counts only — never a
 * room name, a tag, an address or anything a client sent.
 */

/**
 * @typedef {{ name: string, help: string, type: 'gauge' | 'counter', samples: Array<[labels: Record<string, string>, value: number]> }} Metric
 */

/**
 * Renders metrics as Prometheus text exposition (version 0.0.4).
 * @param {Metric[]} metrics
 */
export function renderMetrics(metrics) {
  const lines = [];
  for (const m of metrics) {
    lines.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`);
    for (const [labels, value] of m.samples) {
      const text = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',');
      lines.push(`${m.name}${text ? `{${text}}` : ''} ${Number.isFinite(value) ? value : 0}`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * Events counted through the log (drops, refusals, closes), kept as running totals.
 */
export class EventTotals {
  constructor() {
    /** @private @type {Map<string, number>} */
    this.totals = new Map();
  }

  /** @param {string} key */
  add(key) {
    this.totals.set(key, (this.totals.get(key) ?? 0) + 1);
  }

  /** @returns {Metric} */
  metric() {
    return {
      name: 'core_group_events_total',
      help: 'Events counted by the server (refused upgrades, dropped frames, closed connections), by name.',
      type: 'counter',
      samples: [...this.totals].sort(([a], [b]) => a.localeCompare(b)).map(([event, n]) => [{ event }, n]),
    };
  }
}
