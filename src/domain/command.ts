import { z } from 'zod'
import { languageOfText, rewriteAliases } from './command-aliases'

/** What a user asked for, whichever platform carried it. */
export const Command = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('help') }),
  z.object({ kind: z.literal('checkIn') }),
  z.object({ kind: z.literal('checkOut') }),
  z.object({ kind: z.literal('me') }),
  /** 资格 [programme phrase] [YYYY-MM-DD] */
  z.object({ kind: z.literal('eligibility'), args: z.string() }),
  /** 请假 11-24 至 11-26 事由 */
  z.object({ kind: z.literal('leave'), args: z.string() }),
  /** 补卡 11-20 事由 */
  z.object({ kind: z.literal('punchCorrection'), args: z.string() }),
  /** 补假 12-03 事由: leave for a past day, inside the 待核实 grace period */
  z.object({ kind: z.literal('pastLeave'), args: z.string() }),
  /** 核实 7 脱岗 / 核实 7 不计 理由: the receiving org settles a 待核实 day */
  z.object({ kind: z.literal('verify'), args: z.string() }),
  z.object({ kind: z.literal('back') }),
  /** 批准 12 / 驳回 12 理由 */
  z.object({ kind: z.literal('approve'), args: z.string() }),
  z.object({ kind: z.literal('reject'), args: z.string() }),
  /** 撤销 12: the requester withdraws a pending request, or approved leave not yet started */
  z.object({ kind: z.literal('withdraw'), args: z.string() }),
  /** 待办: what waits for this approver */
  z.object({ kind: z.literal('pending') }),
  /** 月报 [YYYY-MM] 门诊=12 … */
  z.object({ kind: z.literal('report'), args: z.string() }),
  /** 导出 [YYYY-MM]: the month's Excel, sent to an office user as a file */
  z.object({ kind: z.literal('export'), args: z.string() }),
  /** 统计 [YYYY-MM]: a month's reports and attendance rates over an office's subtree (this month by default) */
  z.object({ kind: z.literal('status'), args: z.string() }),
  /** 达标 [YYYY-MM]: what the texts ask of teams and hospitals, judged per org */
  z.object({ kind: z.literal('compliance'), args: z.string() }),
  /** 导入 名单 | 导入 对口关系: read the last file sent again as that kind */
  z.object({ kind: z.literal('importAs'), args: z.string() }),
  /** 确认导入 N: apply the previewed import N */
  z.object({ kind: z.literal('confirmImport'), args: z.string() }),
  z.object({ kind: z.literal('unknown'), text: z.string() }),
])
export type Command = z.infer<typeof Command>

export const Lang = z.enum(['zh', 'en'])
export type Lang = z.infer<typeof Lang>

type Word = Exclude<Command['kind'], 'unknown'>
const WORDS: Record<string, { kind: Word; lang: Lang }> = {
  帮助: { kind: 'help', lang: 'zh' },
  help: { kind: 'help', lang: 'en' },
  签到: { kind: 'checkIn', lang: 'zh' },
  checkin: { kind: 'checkIn', lang: 'en' },
  'check-in': { kind: 'checkIn', lang: 'en' },
  签退: { kind: 'checkOut', lang: 'zh' },
  checkout: { kind: 'checkOut', lang: 'en' },
  'check-out': { kind: 'checkOut', lang: 'en' },
  我的: { kind: 'me', lang: 'zh' },
  me: { kind: 'me', lang: 'en' },
  资格: { kind: 'eligibility', lang: 'zh' },
  eligibility: { kind: 'eligibility', lang: 'en' },
  请假: { kind: 'leave', lang: 'zh' },
  leave: { kind: 'leave', lang: 'en' },
  补卡: { kind: 'punchCorrection', lang: 'zh' },
  punch: { kind: 'punchCorrection', lang: 'en' },
  补假: { kind: 'pastLeave', lang: 'zh' },
  pastleave: { kind: 'pastLeave', lang: 'en' },
  核实: { kind: 'verify', lang: 'zh' },
  verify: { kind: 'verify', lang: 'en' },
  销假: { kind: 'back', lang: 'zh' },
  back: { kind: 'back', lang: 'en' },
  批准: { kind: 'approve', lang: 'zh' },
  approve: { kind: 'approve', lang: 'en' },
  驳回: { kind: 'reject', lang: 'zh' },
  reject: { kind: 'reject', lang: 'en' },
  待办: { kind: 'pending', lang: 'zh' },
  待审批: { kind: 'pending', lang: 'zh' },
  pending: { kind: 'pending', lang: 'en' },
  todo: { kind: 'pending', lang: 'en' },
  撤销: { kind: 'withdraw', lang: 'zh' },
  撤回: { kind: 'withdraw', lang: 'zh' },
  withdraw: { kind: 'withdraw', lang: 'en' },
  月报: { kind: 'report', lang: 'zh' },
  report: { kind: 'report', lang: 'en' },
  导出: { kind: 'export', lang: 'zh' },
  export: { kind: 'export', lang: 'en' },
  统计: { kind: 'status', lang: 'zh' },
  status: { kind: 'status', lang: 'en' },
  达标: { kind: 'compliance', lang: 'zh' },
  compliance: { kind: 'compliance', lang: 'en' },
  导入: { kind: 'importAs', lang: 'zh' },
  import: { kind: 'importAs', lang: 'en' },
  确认导入: { kind: 'confirmImport', lang: 'zh' },
  'confirm-import': { kind: 'confirmImport', lang: 'en' },
}

const TAKES_ARGS = new Set<Word>(['eligibility', 'leave', 'punchCorrection', 'approve', 'reject', 'report'])
TAKES_ARGS.add('export')
TAKES_ARGS.add('compliance')
TAKES_ARGS.add('pastLeave')
TAKES_ARGS.add('verify')
TAKES_ARGS.add('status')
TAKES_ARGS.add('importAs')
TAKES_ARGS.add('confirmImport')
TAKES_ARGS.add('withdraw')

function commandOf(kind: Word, args: string): Command {
  return (TAKES_ARGS.has(kind) ? { kind, args } : { kind }) as Command
}

const BY_LENGTH = Object.keys(WORDS).sort((a, b) => b.length - a.length)

/**
 * Reads a chat line as a command; the first word decides, and an English word means an English answer.
 * A Chinese command may run straight into its argument (“资格特岗全科”), as people type it.
 */
export function parseCommand(text: string): { command: Command; lang: Lang } {
  const trimmed = rewriteAliases(text.trim().replace(/^[/／]/, ''))
  const lower = trimmed.toLowerCase()
  const head = BY_LENGTH.find((w) => lower === w || lower.startsWith(WORDS[w]!.lang === 'zh' ? w : `${w} `))
  if (head) {
    const { kind, lang } = WORDS[head]!
    return { command: commandOf(kind, trimmed.slice(head.length).trim()), lang }
  }
  return { command: { kind: 'unknown', text: trimmed }, lang: languageOfText(trimmed) }
}
