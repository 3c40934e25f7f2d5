// @ts-check
/**
 * Opens the relay: its store (SQLite in RELAY_DATA_DIR, or PostgreSQL at DATABASE_URL) and the
 * engine on top of it. A store that cannot be opened is an error at start, not a relay that
 * refuses every write.
 */
import { createRelay } from './relay.mjs';
import { createStore } from './store.mjs';

/** @import { Backplane, BackplaneHost } from '../backplane.mjs' */
/** @import { Config } from '../config.mjs' */
/** @import { RelayConfig } from './config.mjs' */
/** @import { Log } from '../log.mjs' */

/**
 * @param {{ config: Config, relay: RelayConfig, log: Log, createBackplane: (host: BackplaneHost) => Backplane }} options
 */
export async function openRelay({ config, relay, log, createBackplane }) {
  const engine = relay.store.kind === 'sqlite'
    ? (await import('./sqlite-engine.mjs')).openSqliteEngine({ dataDir: relay.store.dataDir })
    : await (await import('./postgres-engine.mjs')).openPostgresEngine({ url: relay.store.url });
  const store = createStore({ engine, lanes: engine.concurrentTransactions, roomQuotaBytes: relay.roomQuotaBytes, onCommitError: (error) => log.error('commit', error) });
  return createRelay({ config, relay, log, store, createBackplane });
}
