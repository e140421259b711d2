import { citation, type DueDate, type Source } from '../../../rules'
import type { Reply } from '../../domain/reply'
import { daysInclusive } from '../../time/shanghai'
import { DEPLOYMENT_REPORT_DAY_TEXT } from '../report/deadline'

const quote = (s: Source) => `${citation(s)}：“${s.quote}”`
const md = (day: string) => day.slice(5)
/** Whole days from `today` until `due`: 0 on the day itself. */
export const daysUntil = (today: string, due: string) => daysInclusive(today, due) - 1

/** The 09:30 nudge to a doctor who has not checked in on a workday. */
export function checkInNudge(name: string, day: string, greeting = '早上好'): Reply {
  return {
    tone: 'info',
    title: '签到提醒',
    text: `${name}医生，${greeting}，今天（${md(day)}）还没有签到。到岗后请发送“签到”；如今天请假，请发送“请假 ${md(day)} 事由”。`,
    actions: [{ label: '签到', command: '签到', style: 'primary' }],
  }
}

export interface ReportNoticeFacts {
  orgName: string
  month: string
  due: string
  today: string
  source: Source | null
}

const basis = (s: Source | null) => (s ? `\n依据：${quote(s)}` : `\n报送日：${DEPLOYMENT_REPORT_DAY_TEXT}。`)

/** Before the due date and on it: to the receiving org's approvers, directors and the doctors posted there. */
export function reportReminder(f: ReportNoticeFacts): Reply {
  const left = daysUntil(f.today, f.due)
  const when = left > 0 ? `将于 ${f.due} 截止（还有 ${left} 天）` : left === 0 ? `今天（${f.due}）截止` : `已于 ${f.due} 截止`
  const next = left >= 0 ? `请发送“月报”填写（门诊、查房、讲座、手术、新技术、师带徒等）；截止前可随时修改。` : '请尽快发送“月报”补报，逾期情况已告知卫生健康行政部门。'
  return {
    tone: left > 0 ? 'info' : 'warning',
    title: left > 0 ? '月报提醒' : left === 0 ? '月报今天截止' : '月报已逾期',
    text: `${f.orgName} ${f.month} 项目开展情况月报${when}，目前尚未提交。\n${next}${basis(f.source)}`,
    actions: [{ label: '填写月报', command: `月报 ${f.month}`, style: 'primary' }],
  }
}

/** The day after the due date: to the office, every org of theirs still missing. */
export function reportOverdueNotice(month: string, missing: { orgName: string; due: string; doctors: string[] }[], source: Source | null): Reply {
  const lines = missing.map((m) => `· ${m.orgName}（截止 ${m.due}${m.doctors.length ? `；派驻：${m.doctors.join('、')}` : ''}）`)
  return {
    tone: 'warning',
    title: '月报逾期未报',
    text: `${month} 项目开展情况月报已过截止日期，以下 ${missing.length} 个受援单位尚未提交：\n${lines.join('\n')}\n请督促报送。${basis(source)}`,
  }
}

/** A dated deadline of a policy, 7 days ahead, to the office (and the hospitals the text names). */
export function deadlineReminder(d: DueDate, today: string, orgNames: string[]): Reply {
  const left = daysUntil(today, d.due)
  return {
    tone: 'info',
    title: `截止提醒：${d.title}`,
    text: [
      `${d.title}`,
      `截止日期：${d.due}（${left > 0 ? `还有 ${left} 天` : '今天截止'}）`,
      `责任单位：${d.audienceDetail}`,
      ...(orgNames.length ? [`涉及：${orgNames.join('、')}`] : []),
      `依据：${quote(d.source)}`,
    ].join('\n'),
  }
}
