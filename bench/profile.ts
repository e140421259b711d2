import pg from 'pg'
import { openDatabase } from '../db/client'
import { storeInbound } from '../db/repositories/inbox'
import { systemClock } from '../src/domain/clock'
import { deliverDue } from '../src/jobs/deliver-outbox'
import { handleInbox } from '../src/jobs/handle-inbox'
import { freshDatabase } from './support/database'
import { benchOpenId, seedDoctors } from './support/doctors'

/** Counts statements by their first words while `during` runs (node-postgres only). */
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
const { url, database } = await freshDatabase('duikou_profile')
await seedDoctors(database.db, systemClock, N)
const now = systemClock.now()
const rows = Array.from({ length: N }, (_, i) => ({
  tenantId: 'demo',
  platform: 'feishu' as const,
  eventId: `message:om_${i}`,
  sender: `demo:${benchOpenId(i)}`,
  receivedAt: now,
  message: { platform: 'feishu', tenantId: 'demo', eventId: `message:om_${i}`, alsoKnownAs: [`event:e_${i}`], senderExternalId: benchOpenId(i), senderAliases: [`on_${benchOpenId(i)}`], text: '签到', replyTo: `chat_id:oc_${i}` },
}))
for (let i = 0; i < N; i += 500) await storeInbound(database.db, rows.slice(i, i + 500))
const sent: unknown[] = []
const senders = { feishu: { send: async (m: unknown) => (sent.push(m), { ok: true as const }) } }
counting = true
const cpu0 = process.cpuUsage()
const t0 = performance.now()
let handled = 0
while (handled < N) handled += (await handleInbox({ db: database.db, clock: systemClock })).handled
const t1 = performance.now()
const cpu1 = process.cpuUsage(cpu0)
const handleCounts = new Map(counts)
counts.clear()
while (sent.length < N) await deliverDue({ db: database.db, clock: systemClock, senders: senders as never })
const t2 = performance.now()
const cpu2 = process.cpuUsage()
counting = false
const per = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${(v / N).toFixed(2).padStart(6)}  ${k}`).join('\n')
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / N
console.log(`handling ${N}: ${(N / ((t1 - t0) / 1000)).toFixed(0)}/s, node CPU ${((cpu1.user + cpu1.system) / 1000 / N).toFixed(2)} ms/msg, ${total(handleCounts).toFixed(1)} statements/msg`)
console.log(per(handleCounts))
console.log(`delivering ${N}: ${(N / ((t2 - t1) / 1000)).toFixed(0)}/s, ${total(counts).toFixed(1)} statements/msg`)
console.log(per(counts))
await database.close()
void url
