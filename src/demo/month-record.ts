import type { Db } from '../../db/client'
import { postingsRunningOn } from '../../db/repositories/absences'
import { absencesWithSteps, daysBetween, grantedRequests, peopleOf, tenantOutbox } from '../../db/repositories/posting-history'
import { Reply } from '../domain/reply'
import { calendarDay } from '../time/calendar'
import { eachDay } from '../time/days'
import { shanghaiDate, shanghaiTime } from '../time/shanghai'
import { dutyOf } from '../usecases/attendance/duty'
import { DEMO_PEOPLE } from './seed'

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六']
const LABELS = ['出勤', '请假', '补卡', '休息', '未判定', '脱岗', '待核实', '不计'] as const
type Label = (typeof LABELS)[number]
const ASSESSMENT: Record<string, string> = { pending: '考核中', passed: '合格', failed: '不合格' }

const weekday = (day: string) => WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()]
const lineOf = (text: string, prefix: string) => text.split('\n').find((l) => l.startsWith(prefix))

/**
 * The month as a clerk would file it: per posting, each day's attendance and the totals, the absences with the step
 * of the policy's ladder and its clause, then every notice each person received, oldest first.
 */
export async function formatMonthRecord(db: Db, input: { tenantId: string; month: string; last: string }): Promise<string> {
  const first = `${input.month}-01`
  const out: string[] = []
  const outbox = (await tenantOutbox(db, input.tenantId)).map((m) => ({ ...m, reply: Reply.safeParse((m.message as { reply?: unknown }).reply) }))

  const order = new Map(DEMO_PEOPLE.map((p, i) => [p.name, i]))
  const rank = (name: string) => order.get(name) ?? DEMO_PEOPLE.length
  out.push(`一、出勤记录（${first} 至 ${input.last}）`)
  const postings = (await postingsRunningOn(db, input.tenantId, first)).sort((a, b) => rank(a.personName) - rank(b.personName))
  for (const posting of postings) {
    const days = new Map((await daysBetween(db, posting.id, first, input.last)).map((d) => [d.day, d]))
    const granted = await grantedRequests(db, posting.id)
    const steps = (await absencesWithSteps(db, posting.id)).filter((s) => s.day >= first && s.day <= input.last)
    const duty = dutyOf(posting, first)
    out.push('', `■ ${posting.personName}：${posting.supportingOrgName} → ${posting.receivingOrgName}（${posting.startsOn} 至 ${posting.endsOn}，政策 ${posting.policyId}）`)
    out.push(duty.known ? `  要求：${duty.text}（${duty.source.document} ${duty.source.clause}）` : `  要求：无（${duty.reason}），出勤只记录、不判定脱岗`)
    const totals = new Map<Label, number>(LABELS.map((l) => [l, 0]))
    for (const day of eachDay(first, input.last)) {
      const d = days.get(day)
      const covering = granted.find((g) => g.startsOn <= day && g.endsOn >= day)
      const calendar = calendarDay(day, new Map(), false)
      const holiday = calendar.name
      const makeup = calendar.status === 'workday' && holiday ? `（${holiday}调休上班日）` : ''
      let label: Label | null = null
      let note = ''
      if (d?.status === 'present') [label, note] = ['出勤', d.checkInAt ? `签到 ${shanghaiTime(d.checkInAt)}` : '']
      else if (d?.status === 'excused') [label, note] = covering?.kind === 'punchCorrection' ? ['补卡', `#${covering.number} ${covering.reason}`] : ['请假', covering ? `#${covering.number} ${covering.reason}` : '']
      else if (d?.status === 'notRequired') [label, note] = ['休息', holiday ?? '']
      else if (d?.status === 'unknown') label = '未判定'
      else if (d?.status === 'unexcused') label = '脱岗'
      else if (d?.status === 'unverified') label = '待核实'
      else if (d?.status === 'notCounted') label = '不计'
      if (label) totals.set(label, totals.get(label)! + 1)
      out.push(`  ${day.slice(5)}（${weekday(day)}） ${label ?? '—'}${note ? `  ${note}` : ''}${makeup}`)
    }
    out.push(`  合计：${LABELS.map((l) => `${l} ${totals.get(l)} 天`).join('，')}；考核结果：${ASSESSMENT[posting.assessment] ?? posting.assessment}`)
    const told = steps.map((s) => {
      const notice = outbox.find((m) => m.key === `absence:${s.id}:${posting.personId}`)
      const text = notice?.reply.success ? notice.reply.data.text : ''
      const handled = lineOf(text, '处理：') ?? '仅通知本人（政策未规定本次的处理）'
      return s.status === 'withdrawn' ? `  · ${s.day} 脱岗记录已撤销（当天的请假/补卡获批），已向收到通报的人发出更正` : `  · ${s.day} ${handled}${lineOf(text, '依据：') ? `\n    ${lineOf(text, '依据：')}` : ''}`
    })
    if (told.length) out.push('  脱岗与处理：', ...told)
  }

  out.push('', '二、各人收到的通知与提醒')
  const people = (await peopleOf(db, input.tenantId)).sort((a, b) => rank(a.name) - rank(b.name))
  for (const person of people) {
    const mine = outbox.filter((m) => m.recipient.endsWith(person.id) || m.key.endsWith(person.id))
    const unique = [...new Map(mine.map((m) => [m.key, m])).values()]
    out.push('', `■ ${person.name}（${unique.length} 条）`)
    for (const m of unique) {
      if (!m.reply.success) continue
      const { title, text } = m.reply.data
      // The first line says what happened; list items and the clause are what a reader checks.
      const details = text.split('\n').slice(1).filter((l) => l.startsWith('· ') || l.startsWith('依据：'))
      out.push(`  ${shanghaiDate(m.createdAt).slice(5)} ${shanghaiTime(m.createdAt)} 【${title ?? '消息'}】${text.split('\n')[0]}`, ...details.map((l) => `      ${l}`))
    }
  }
  const byTitle = new Map<string, number>()
  for (const m of outbox) {
    const title = m.reply.success ? (m.reply.data.title ?? '消息').replace(/\s*#\d+$/, '') : '其他'
    byTitle.set(title, (byTitle.get(title) ?? 0) + 1)
  }
  out.push('', `三、合计：共 ${outbox.length} 条通知（${[...byTitle].map(([t, n]) => `${t} ${n}`).join('，')}）`)
  return out.join('\n')
}
