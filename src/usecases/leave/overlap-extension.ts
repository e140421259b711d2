import type { LeaveKind } from '../../../db/schema'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { addDays } from '../../time/days'

const md = (day: string) => day.slice(5)
const range = (from: string, to: string, joiner: string) => (from === to ? md(from) : `${md(from)} ${joiner} ${md(to)}`)

/**
 * Leave that overlaps a request already filed but runs past it is most often an extension (续假): the reply offers the
 * days not yet covered as a line to send. Null when nothing lies outside the existing request (a plain duplicate), or
 * when the new leave surrounds it on both sides (two pieces: the person had better say what they mean).
 */
export function overlapExtensionReply(
  r: { kind: LeaveKind; from: string; to: string; reason: string; clash: { number: number; startsOn: string; endsOn: string; status: string } },
  lang: Lang,
): Reply | null {
  if (r.kind !== 'leave') return null
  const after = r.to > r.clash.endsOn
  const before = r.from < r.clash.startsOn
  if (after === before) return null
  const [from, to] = after ? [addDays(r.clash.endsOn, 1), r.to] : [r.from, addDays(r.clash.startsOn, -1)]
  const existing = r.clash.startsOn === r.clash.endsOn ? r.clash.startsOn : `${r.clash.startsOn} 至 ${r.clash.endsOn}`
  const state = r.clash.status === 'approved' ? '已批准' : '待审批'
  const zhLine = `请假 ${range(from, to, '至')} ${r.reason}`
  const enLine = `leave ${range(from, to, 'to')} ${r.reason}`
  return {
    tone: 'info',
    text:
      lang === 'en'
        ? `Leave #${r.clash.number} (${existing}) already covers part of these days. To extend it, send: ${enLine}`
        : `这段时间已有请假单 #${r.clash.number}（${existing}，${state}）。如需${after ? '续假' : '提前开始请假'}，请只申请其余日期：${zhLine}`,
    actions: [{ label: lang === 'en' ? 'Extend' : after ? '续假' : '申请其余日期', command: zhLine, style: 'primary' }],
  }
}
