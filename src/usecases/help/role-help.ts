import { rolesOfPerson } from '../../../db/repositories/roles-of'
import type { Db } from '../../../db/client'
import type { Role } from '../../../db/schema'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { exampleDates } from '../examples'

type Line = { zh: string; en: string }
type Examples = ReturnType<typeof exampleDates>

/** What each role can send, in the order a person of that role needs it; examples dated from today. */
const SECTIONS: Record<Role | 'applicant', { zh: string; en: string; lines: (x: Examples) => Line[] }> = {
  doctor: {
    zh: '派驻医生',
    en: 'Posted doctors',
    lines: (x) => [
      { zh: '签到 / 签退 — 今日签到、签退', en: 'checkin / checkout — check in or out for today' },
      { zh: '我的 — 派驻情况、已签到天数、待审批的申请', en: 'me — your posting, days checked in, requests waiting' },
      { zh: `请假 ${x.leaveFrom} 至 ${x.leaveTo} 事由 — 请假（也可写“请假 明天 事由”）；销假 — 提前结束请假`, en: `leave ${x.leaveFrom} to ${x.leaveTo} <reason> — ask for leave (or “leave tomorrow <reason>”); back — end leave early` },
      { zh: `补卡 ${x.punchDay} 事由 — 当天在岗但忘记签到`, en: `punch ${x.punchDay} <reason> — a day you worked without checking in` },
      { zh: '撤销 12 — 撤回自己待审批（或尚未开始）的申请', en: 'withdraw 12 — withdraw your own request while pending (or leave not yet started)' },
    ],
  },
  approver: {
    zh: '审批人',
    en: 'Approvers',
    lines: () => [
      { zh: '待办 — 等您审批的申请，最早的在前', en: 'pending — requests waiting for you, oldest first' },
      { zh: '批准 12（或 同意 12）/ 驳回 12 理由 — 审批请假或补卡，驳回须写理由', en: 'approve 12 / reject 12 <reason> — decide a request; a rejection needs a reason' },
    ],
  },
  director: {
    zh: '院长',
    en: 'Directors',
    lines: () => [
      { zh: '我的 — 本院派出和接收的派驻人员', en: 'me — the postings your hospital sends and receives' },
      { zh: '统计 — 本院本月出勤率和月报', en: 'status — this month’s attendance and reports of your hospital' },
    ],
  },
  office: {
    zh: '管理办公室',
    en: 'Offices',
    lines: (x) => [
      { zh: '统计 — 本月月报报送和出勤率（所辖单位）', en: 'status — this month’s reports and attendance rates (your orgs)' },
      { zh: `导出 ${x.lastMonth} — 当月汇总 Excel，以文件私信发给您`, en: `export ${x.lastMonth} — the month as Excel, sent to you as a file` },
    ],
  },
  admin: {
    zh: '系统管理员',
    en: 'Administrators',
    lines: (x) => [
      { zh: '统计 — 全部单位本月月报和出勤率', en: 'status — this month’s reports and attendance, every org' },
      { zh: `导出 ${x.lastMonth} — 全部单位当月汇总 Excel`, en: `export ${x.lastMonth} — the month as Excel, every org` },
    ],
  },
  applicant: {
    zh: '尚未登记',
    en: 'Not registered yet',
    lines: () => [
      { zh: '资格 [计划名称] — 评估可申报的人才计划（如：资格 特岗全科），答复附政策条款', en: 'eligibility [programme] — which programmes you qualify for, with the policy clauses' },
      { zh: '其余功能需先由所在单位医务科或卫生健康委登记', en: 'Everything else needs your office (医务科 or health commission) to register you first' },
    ],
  },
}
const ORDER: (Role | 'applicant')[] = ['doctor', 'approver', 'director', 'office', 'admin', 'applicant']
const REPORT: Line = { zh: '月报 — 填报本院本月项目开展情况（如：月报 门诊=12 查房=8）', en: 'report — this month’s progress report, e.g. report 门诊=12 查房=8' }
const ELIGIBILITY: Line = { zh: '资格 [计划名称] — 评估可申报的人才计划', en: 'eligibility [programme] — which programmes you qualify for' }
const HELP: Line = { zh: '帮助 — 查看本说明', en: 'help — this list' }

/**
 * 帮助 for this person: the commands of each role they hold (a director who approves sees both), an unregistered
 * applicant what they can do before being registered. `unknownText` is what was not understood, if anything.
 */
export async function roleHelp(db: Db, tenantId: string, personId: string | null, lang: Lang, today: string, unknownText?: string): Promise<Reply> {
  const held = new Set<Role | 'applicant'>(personId ? (await rolesOfPerson(db, tenantId, personId)).map((r) => r.role) : ['applicant'])
  if (held.size === 0) held.add('doctor')
  const x = exampleDates(today)
  const sections = ORDER.filter((r) => held.has(r)).map((r) => {
    const s = SECTIONS[r]
    return [`【${lang === 'en' ? s.en : s.zh}】`, ...s.lines(x).map((l) => l[lang])].join('\n')
  })
  const common = [...(personId ? [REPORT, ELIGIBILITY] : []), HELP].map((l) => l[lang])
  const en = lang === 'en'
  const intro = unknownText
    ? en ? `Sorry, I did not understand “${unknownText}”. Here is what I can do:` : `抱歉，没能理解“${unknownText}”。可以发送以下指令：`
    : en ? 'Here is what I can do:' : '可以发送以下指令：'
  return { tone: 'info', title: en ? 'duikou commands' : '对口支援助手 · 可用指令', text: [intro, ...sections, common.join('\n')].join('\n') }
}
