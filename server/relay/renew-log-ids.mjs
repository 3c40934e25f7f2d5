// @ts-check
/**
 * `node server/relay/renew-log-ids.mjs` — run once after restoring the relay's database from a
 * backup, with the relay stopped and the same RELAY_DATA_DIR or DATABASE_URL it runs with.
 *
 * A restored log is missing whatever was written after the backup, yet keeps its log id and
 * hands out those sequence numbers again. Giving every room a new log id makes every client see a
 * reset on its next sync (PROTOCOL.md, "Log identity"), merge what the relay has, and push what it
 * lacks — so nothing written after the backup is lost.
 */
import { readRelayConfig } from './config.mjs';

const config = readRelayConfig(process.env);
const engine = config.store.kind === 'sqlite'
  ? (await import('./sqlite-engine.mjs')).openSqliteEngine({ dataDir: config.store.dataDir })
  : await (await import('./postgres-engine.mjs')).openPostgresEngine({ url: config.store.url });
try {
  const rooms = await engine.renewLogIds();
  process.stdout.write(`renewed the log id of ${rooms} room${rooms === 1 ? '' : 's'} (${engine.name}); clients will re-seed what the backup lacks\n`);
} finally {
  await engine.close();
}
