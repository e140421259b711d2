import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../db/client'
import { migrate } from '../db/migrate'
import { inboxWriter } from '../db/repositories/inbox'
import { systemClock } from '../src/domain/clock'
import { deliverDue } from '../src/jobs/deliver-outbox'
import { handleInbox } from '../src/jobs/handle-inbox'
import { seedDoctors } from './support/doctors'
import { inboundRows } from './support/inbound-rows'

/**
 * npx tsx bench/profile-pglite.ts: the embedded engine's cost per check-in, in process on a durable PGlite in a temp
 * directory. PGlite runs in this process, so Node CPU is all of it: the acknowledgement (storing the webhook's row,
 * PROFILE_CONCURRENCY at once through the process's one inbox writer, as concurrent webhooks do), the handling and
 * the reply's delivery, each per message, over the same three rounds as bench/profile.ts.
 */
const N = Number(process.env.PROFILE_MESSAGES ?? 1000)
const CONCURRENCY = Number(process.env.PROFILE_CONCURRENCY ?? 20)
const dir = mkdtempSync(join(tmpdir(), 'duikou-profile-pglite-'))
const database = await openDatabase({ driver: 'pglite', dataDir: join(dir, 'data') })
await migrate(database)
await seedDoctors(database.db, systemClock, N)
const sent: unknown[] = []
const senders = { feishu: { send: async (m: unknown) => (sent.push(m), { ok: true as const }) } }

const perMessage = (cpu: NodeJS.CpuUsage) => ((cpu.user + cpu.system) / 1000 / N).toFixed(2)

async function measure(label: string, work: () => Promise<void>) {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await work()
  const seconds = (performance.now() - t0) / 1000
  console.log(`  ${label.padEnd(12)} ${(N / seconds).toFixed(0).padStart(5)}/s, CPU ${perMessage(process.cpuUsage(cpu0))} ms per message`)
}

async function round(label: string, text: string, at: Date) {
  const clock = { now: () => at }
  const rows = inboundRows(label, text, at, N)
  console.log(`${label}: ${N} messages`)
  const write = inboxWriter(database.db)
  await measure('acknowledge', async () => {
    let next = 0
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) await write(rows[next++]!)
    }))
  })
  await measure('handle', async () => {
    let handled = 0
    while (handled < N) handled += (await handleInbox({ db: database.db, clock }, 'embedded')).handled
  })
  const sentBefore = sent.length
  await measure('deliver', async () => {
    while (sent.length - sentBefore < N) await deliverDue({ db: database.db, clock, senders: senders as never })
  })
}

const today = systemClock.now()
try {
  await round('first 签到', '签到', today)
  await round('签退', '签退', new Date(today.getTime() + 9 * 3600_000))
  await round('next morning 签到', '签到', new Date(today.getTime() + 24 * 3600_000))
} finally {
  await database.close()
  rmSync(dir, { recursive: true, force: true })
}
