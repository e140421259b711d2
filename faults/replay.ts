import { Agent } from 'node:http'
import { sql } from 'drizzle-orm'
import { send } from '../bench/load'
import { rowsOf } from '../db/database'
import { benchOpenId } from '../bench/support/doctors'
import { signedFeishuEvent, TARGETS } from '../bench/webhook'
import { messageEvent } from '../test/support/feishu'
import type { CheckResult } from './check'
import { startBot } from './support/bot'

const EVENTS = 200
const REPLAYS = 100
/** Events whose copies are in flight together: 4 × 100 requests at once. */
const EVENTS_AT_ONCE = 4

/** The answers that were not 2xx, by status (0: no answer at all), e.g. `; 12×503, 3×0`. */
function otherStatuses(statuses: Map<number, number>): string {
  const other = [...statuses].filter(([s]) => s < 200 || s >= 300)
  return other.length ? `; ${other.map(([s, n]) => `${n}×${s}`).join(', ')}` : ''
}

/** Each of 200 check-ins delivered 100 times at once, as a retrying platform might: one effect and one reply each. */
export async function check(): Promise<CheckResult> {
  const name = 'replay ×100'
  const bot = await startBot('duikou_fault_replay', EVENTS)
  const agent = new Agent({ keepAlive: true, maxSockets: EVENTS_AT_ONCE * REPLAYS })
  try {
    const base = new URL(bot.server.url)
    const events = Array.from({ length: EVENTS }, (_, i) => messageEvent({ openId: benchOpenId(i), text: '签到' }))
    const statuses = new Map<number, number>()
    for (let from = 0; from < EVENTS; from += EVENTS_AT_ONCE) {
      const copies = events.slice(from, from + EVENTS_AT_ONCE).flatMap((event) => Array.from({ length: REPLAYS }, () => signedFeishuEvent(TARGETS.duikou.path, event)))
      for (const status of await Promise.all(copies.map((request) => send(agent, base, request)))) statuses.set(status, (statuses.get(status) ?? 0) + 1)
    }
    const settled = await bot.settled(120_000)
    const recorded = new Map(
      rowsOf<{ id: string; n: number }>(await bot.database.db.execute(sql`select platform_event_id as id, count(*)::int as n from attendance_events group by 1`)).map((r) => [r.id, r.n]),
    )
    const perEvent = events.filter((e) => recorded.get(`message:${e.event.message.message_id}`) !== 1).length
    const attendance = await bot.count(sql`select count(*)::int as n from attendance_events`)
    // Only the replies: the server's own jobs may also notify the demo office while the check runs.
    const replies = await bot.count(sql`select count(*)::int as n from outbox where idempotency_key like 'reply:feishu:message:%'`)
    const shown = new Map<string, number>()
    for (const m of bot.feishu.delivered.filter((m) => m.receiveId.startsWith('oc_p2p_ou_bench_'))) shown.set(m.receiveId, (shown.get(m.receiveId) ?? 0) + 1)
    const chatsWithOneReply = [...shown.values()].filter((n) => n === 1).length
    const ok2xx = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((sum, [, n]) => sum + n, 0)
    const ok =
      settled && !bot.server.exited() && ok2xx === EVENTS * REPLAYS && perEvent === 0 && attendance === EVENTS && replies === EVENTS && chatsWithOneReply === EVENTS && shown.size === EVENTS
    return {
      name,
      ok,
      detail: `${EVENTS * REPLAYS} deliveries (${ok2xx} answered 2xx${otherStatuses(statuses)}) → ${attendance} check-ins, ${replies} replies queued, ${chatsWithOneReply}/${EVENTS} chats shown exactly one reply${settled ? '' : ', NOT settled in 120 s'}`,
    }
  } finally {
    agent.destroy()
    await bot.stop()
  }
}
