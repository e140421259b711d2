import pg from 'pg'
import { storeInbound } from '../db/repositories/inbox'
import { systemClock } from '../src/domain/clock'
import { deliverDue } from '../src/jobs/deliver-outbox'
import { handleInbox } from '../src/jobs/handle-inbox'
import { freshDatabase } from './support/database'
import { seedDoctors } from './support/doctors'
import { inboundRows } from './support/inbound-rows'
import { startMeter } from './support/meter'

/**
 * npx tsx bench/profile.ts: where a handled check-in's time goes, in process on PostgreSQL (DATABASE_URL or the
 * local server): statements per message by kind, and Node CPU per message, for handling and for delivering the reply.
 * Three rounds over PROFILE_MESSAGES doctors: 签到 from doctors the process has not seen, 签退 from the same doctors,
 * then 签到 again the next morning by the same doctors, as the morning burst is.
 */
const counts = new Map<string, number>()
let counting = false
const original = pg.Client.prototype.query
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text
    const head = text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ').slice(0, 60)
    counts.set(head, (counts.get(head) ?? 0) + 1)
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args)
} as typeof original

const N = Number(process.env.PROFILE_MESSAGES ?? 2000)
const { database } = await freshDatabase('duikou_profile')
await seedDoctors(database.db, systemClock, N)
const sent: unknown[] = []
const senders = { feishu: { send: async (m: unknown) => (sent.push(m), { ok: true as const }) } }

async function round(label: string, text: string, at: Date) {
  const clock = { now: () => at }
  const rows = inboundRows(label, text, at, N)
  for (let i = 0; i < N; i += 500) await storeInbound(database.db, rows.slice(i, i + 500))
  counts.clear()
  counting = true
  const meter = startMeter(process.pid, { postgresDatabase: 'duikou_profile' })
  const before = meter.reading()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let handled = 0
  while (handled < N) handled += (await handleInbox({ db: database.db, clock })).handled
  const seconds = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const postgresMs = meter.reading().postgresMs - before.postgresMs
  meter.stop()
  counting = false
  const statements = [...counts].sort((a, b) => b[1] - a[1])
  const total = statements.reduce((sum, [, n]) => sum + n, 0) / N
  console.log(`${label}: ${N} handled, ${(N / seconds).toFixed(0)}/s, Node CPU ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms, PostgreSQL CPU ${(postgresMs / N).toFixed(2)} ms and ${total.toFixed(1)} statements per message`)
  for (const [head, n] of statements) console.log(`  ${(n / N).toFixed(2).padStart(6)}  ${head}`)
  const sentBefore = sent.length
  const d0 = performance.now()
  const dcpu0 = process.cpuUsage()
  while (sent.length - sentBefore < N) await deliverDue({ db: database.db, clock, senders: senders as never })
  const dcpu = process.cpuUsage(dcpu0)
  console.log(`  delivering the replies (no network): ${(N / ((performance.now() - d0) / 1000)).toFixed(0)}/s, Node CPU ${((dcpu.user + dcpu.system) / 1000 / N).toFixed(2)} ms per reply`)
}

const today = systemClock.now()
await round('first 签到', '签到', today)
await round('签退', '签退', new Date(today.getTime() + 9 * 3600_000))
await round('next morning 签到', '签到', new Date(today.getTime() + 24 * 3600_000))
await database.close()
