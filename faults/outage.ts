import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { Agent } from 'node:http'
import { promisify } from 'node:util'
import { sql } from 'drizzle-orm'
import { send } from '../bench/load'
import { benchOpenId } from '../bench/support/doctors'
import { signedFeishuEvent, TARGETS } from '../bench/webhook'
import { rowsOf } from '../db/database'
import { messageEvent } from '../test/support/feishu'
import type { CheckResult } from './check'
import { startBot } from './support/bot'

const run = promisify(execFile)
const LOAD_MS = 20_000
const RATE = 50
const STOP_AT_MS = 5_000
const OUTAGE_MS = 5_000
/** Feishu gives up on an answer after 3 s and retries a delivery not answered 2xx; here after 1 s, not 15 s. */
const PLATFORM_TIMEOUT_MS = 3_000
const RETRY_AFTER_MS = 1_000
const RECOVERY_BUDGET_MS = 2_000
/** A delivery still failing this long after the start counts as lost. */
const GIVE_UP_AFTER_MS = 60_000

/** The local PostgreSQL cluster, as the CI machine runs it (pg_ctlcluster from Debian's postgresql-common). */
async function postgres(action: 'start' | 'stop') {
  const version = readdirSync('/etc/postgresql')[0]!
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action, ...(action === 'stop' ? ['-m', 'immediate'] : [])])
}

async function accepting(): Promise<boolean> {
  return run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).then(
    () => true,
    () => false,
  )
}

/**
 * PostgreSQL is killed (immediate stop) 5 s into a 20 s load of check-ins at 50/s and started again 5 s later; the
 * client retries anything not answered 2xx, as Feishu does. The server must live through it, answer 2xx within
 * 2 s of the database's return, and in the end hold each check-in exactly once.
 */
export async function check(): Promise<CheckResult> {
  const name = 'postgres outage'
  const bot = await startBot('duikou_fault_outage', (LOAD_MS / 1000) * RATE)
  const agent = new Agent({ keepAlive: true, maxSockets: 512 })
  let restarted = false
  try {
    const base = new URL(bot.server.url)
    const events = Array.from({ length: (LOAD_MS / 1000) * RATE }, (_, i) => messageEvent({ openId: benchOpenId(i), text: '签到' }))
    const answered2xxAt: number[] = []
    let attempts = 0
    const started = performance.now()
    const statuses = new Map<number, number>()
    const deliver = async (event: (typeof events)[number]) => {
      while (performance.now() < started + GIVE_UP_AFTER_MS) {
        attempts++
        const status = await send(agent, base, signedFeishuEvent(TARGETS.duikou.path, event), PLATFORM_TIMEOUT_MS)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        if (status >= 200 && status < 300) {
          answered2xxAt.push(performance.now())
          return
        }
        await new Promise((r) => setTimeout(r, RETRY_AFTER_MS))
      }
    }
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, STOP_AT_MS))
      await postgres('stop')
      await new Promise((r) => setTimeout(r, OUTAGE_MS))
      const starting = postgres('start')
      // "Back" is when PostgreSQL accepts connections, which is before pg_ctlcluster returns.
      while (!(await accepting())) await new Promise((r) => setTimeout(r, 20))
      const backAt = performance.now()
      await starting
      restarted = true
      return backAt
    })()
    const deliveries: Promise<void>[] = []
    for (let i = 0; i < events.length; i++) {
      const wait = started + (i * 1000) / RATE - performance.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      deliveries.push(deliver(events[i]!))
    }
    const backAt = await outage
    await Promise.all(deliveries)
    const firstAfter = answered2xxAt.filter((t) => t >= backAt).sort((a, b) => a - b)[0]
    const recoveryMs = firstAfter === undefined ? Number.POSITIVE_INFINITY : firstAfter - backAt
    const settled = await bot.settled(120_000)
    const recorded = new Map(
      rowsOf<{ id: string; n: number }>(await bot.database.db.execute(sql`select platform_event_id as id, count(*)::int as n from attendance_events group by 1`)).map((r) => [r.id, r.n]),
    )
    const missing = events.filter((e) => !recorded.has(`message:${e.event.message.message_id}`)).length
    const doubled = events.filter((e) => (recorded.get(`message:${e.event.message.message_id}`) ?? 0) > 1).length
    const alive = !bot.server.exited()
    const ok = alive && settled && missing === 0 && doubled === 0 && recoveryMs <= RECOVERY_BUDGET_MS
    return {
      name,
      ok,
      detail:
        `${events.length} check-ins, ${attempts} attempts (${[...statuses].sort().map(([s, n]) => `${n}×${s || 'no answer'}`).join(', ')}) → ${recorded.size} stored, ${missing} missing, ${doubled} doubled; ` +
        `server ${alive ? 'alive' : 'DIED'}; first 2xx ${recoveryMs.toFixed(0)} ms after the database was back${settled ? '' : '; NOT settled in 120 s'}` +
        (alive ? '' : `\n${bot.server.output().slice(-2000)}`),
    }
  } finally {
    if (!restarted) await postgres('start').catch(() => {})
    agent.destroy()
    await bot.stop()
  }
}
