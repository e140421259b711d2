import { sql } from 'drizzle-orm'
import { rowsOf } from '../db/database'
import { storeInbound } from '../db/repositories/inbox'
import { systemClock } from '../src/domain/clock'
import { FEISHU_ENV, startFakeFeishu } from '../test/support/feishu'
import { freshDatabase, settled } from './support/database'
import { seedDoctors } from './support/doctors'
import { inboundRows } from './support/inbound-rows'
import { markTodaysJobsRun } from './support/jobs'
import { between, startMeter } from './support/meter'
import { startServer } from './support/server'

/**
 * npx tsx bench/drain.ts: the handling capacity of a real server (src/server.ts) on PostgreSQL, nothing arriving.
 * DRAIN_MESSAGES (default 5 000) doctors' check-ins are stored in the inbox as the webhook stores them; the server
 * handles them and sends every reply to a fake Feishu. Rounds alternate 签到 and 签退 (DRAIN_ROUNDS, default 3): the
 * first meets doctors nobody remembers yet, the later ones doctors seen before, as a morning burst does. Prints
 * handled/s and CPU per message of the server, PostgreSQL and this process; DRAIN_ACTIVITY=1 adds the statements
 * most often seen running in pg_stat_activity.
 */
const N = Number(process.env.DRAIN_MESSAGES ?? 5000)
const ROUNDS = Number(process.env.DRAIN_ROUNDS ?? 3)
const DATABASE = 'duikou_drain'
const { url, database } = await freshDatabase(DATABASE)
await seedDoctors(database.db, systemClock, N)
await markTodaysJobsRun(database.db, systemClock)
let delivered = 0
const feishu = await startFakeFeishu({ onDelivered: () => delivered++ })
const server = await startServer('src/server.ts', { DATABASE_URL: url, ...FEISHU_ENV, FEISHU_BASE_URL: feishu.url, FEISHU_DEFAULT_TENANT: 'demo' })
const meter = startMeter(server.pid, { postgresDatabase: DATABASE })
try {
  for (let round = 0; round < ROUNDS; round++) {
    const text = round % 2 === 0 ? '签到' : '签退'
    const rows = inboundRows(`drain${round}`, text, new Date(), N)
    const before = delivered
    for (let i = 0; i < N; i += 1000) await storeInbound(database.db, rows.slice(i, i + 1000))
    const start = meter.reading()
    const running = new Map<string, number>()
    while (!(await settled(database.db)) || delivered - before < N) {
      await new Promise((r) => setTimeout(r, 50))
      if (!process.env.DRAIN_ACTIVITY) continue
      const active = sql`select left(regexp_replace(query, '\\s+', ' ', 'g'), 60) as q from pg_stat_activity where state = 'active' and pid <> pg_backend_pid()`
      for (const { q } of rowsOf<{ q: string }>(await database.db.execute(active))) running.set(q, (running.get(q) ?? 0) + 1)
    }
    const span = between(start, meter.reading())
    const perMessage = (ms: number) => (ms / N).toFixed(2)
    console.log(
      `${text} round ${round}: ${N} handled and answered in ${(span.wallMs / 1000).toFixed(1)} s = ${(N / (span.wallMs / 1000)).toFixed(0)}/s; ` +
        `CPU ms per message server ${perMessage(span.serverMs)}, postgres ${perMessage(span.postgresMs)}, bench ${perMessage(span.clientMs)}; ` +
        `cores busy ${((span.serverMs + span.postgresMs + span.clientMs) / span.wallMs).toFixed(2)}`,
    )
    for (const [q, n] of [...running].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${String(n).padStart(5)} × ${q}`)
  }
} finally {
  meter.stop()
  await server.stop()
  await feishu.close()
  await database.close()
}
