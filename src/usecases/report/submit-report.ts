import { recordAudit } from '../../../db/repositories/audit'
import { findReport, reportingOrgsOf, saveReport } from '../../../db/repositories/reports'
import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'
import { parseMonth, yearsAround } from '../../domain/strict-input'
import { formHint } from '../channel-text'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { findPersonName } from '../../../db/repositories/people'
import { reportDeadline } from './deadline'
import { type DoctorValues, doctorsOfMonth, formatDoctorValues, mergeDoctorValues, splitDoctorArgs } from './doctor-fields'
import { tenantSuccessors } from '../policy/successors'
import { editableNote, overwriteNote } from './report-notes'
import { formatReport, parseReportArgs, reportFormFields, type ReportValues } from './fields'

const MONTH_WORD = /^([0-9０-９][^\s=＝：]*)(?=\s|$)/
/** Reports of the last few years can still be read; none further back, none after next year. */
const REPORT_YEARS_BACK = 5

/**
 * 月报 [YYYY-MM] 门诊=12 …: saves (or adds to) the month's report of the sender's receiving org. It stays editable
 * until its due date; after that a first submission is still taken and marked late, but changes are refused.
 */
export async function submitMonthlyReport(deps: UseCaseDeps, input: { tenantId: string; personId: string; args: string; lang: Lang; platform?: Platform }): Promise<Reply> {
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const en = input.lang === 'en'
  // A first word that is no “key=value” is the month: 月报 2026-10 门诊=12.
  const first = MONTH_WORD.exec(input.args.trim())?.[1]
  const asked = first ? parseMonth(first, yearsAround(today, REPORT_YEARS_BACK, 1)) : null
  if (asked && !asked.ok) {
    return { tone: 'warning', text: en ? `Report not saved: ${asked.reason.en}.\nExample: report ${today.slice(0, 7)} outpatientHalfDays=12 rounds=8` : `月报未保存：${asked.reason.zh}。\n示例：月报 ${today.slice(0, 7)} 门诊=12 查房=8` }
  }
  const month = asked?.value ?? today.slice(0, 7)
  const rest = first ? input.args.trim().slice(first.length).trim() : input.args.trim()
  return deps.db.transaction(async (tx) => {
    const [org, ...others] = await reportingOrgsOf(tx, input.tenantId, input.personId, today)
    if (!org) {
      return { tone: 'warning', text: en ? 'You are not posted to or working at any receiving org, so there is no monthly report for you to file. If in doubt, please contact the medical affairs office.' : '您不在任何受援单位派驻或任职，无需填报月报。如有疑问请联系医务科。' }
    }
    const { due } = reportDeadline(org.policyId, month, await tenantSuccessors(tx, input.tenantId))
    const existing = await findReport(tx, input.tenantId, org.id, month)
    const header = en
      ? `${org.name} report for ${month} (due ${due}, ${existing ? `saved on ${shanghaiDate(existing.updatedAt)}` : 'not filed yet'})${others.length ? `\n(You also report for: ${others.map((o) => o.name).join(', ')})` : ''}`
      : `${org.name} ${month} 月报（截止 ${due}，${existing ? `已于 ${shanghaiDate(existing.updatedAt)} 保存` : '尚未填报'}）${others.length ? `\n（您还负责：${others.map((o) => o.name).join('、')}）` : ''}`
    if (!rest) {
      const current = existing ? `\n${withDoctors(existing.fields, input.lang)}` : ''
      return {
        tone: 'info',
        title: en ? 'Monthly report' : '项目开展情况月报',
        text: en
          ? `${header}${current}\nSend “report outpatientHalfDays=12 rounds=8 lectures=2 lectureAttendees=40 surgeries=3 highlights=…” to fill it in${formHint(input.platform, 'en')}.\nEach posted doctor's outpatient half-days, teaching rounds and clinical teaching are given per doctor: “report outpatientHalfDays@张伟=12 teachingRounds@张伟=4 clinicalTeaching@张伟=2” (@me for yourself).`
          : `${header}${current}\n发送“月报 门诊=12 查房=8 讲座=2 听课人数=40 手术=3 亮点=…”填写${formHint(input.platform, 'zh')}。\n每位派驻医生的门诊、教学查房、科内教学按人填写：“月报 门诊@张伟=12 教学查房@张伟=4 科内教学@张伟=2”（本人可写 @我）。`,
        form: { fields: reportFormFields(), command: `${en ? 'report' : '月报'} ${month} ${reportFormFields().map((f) => `${f.name}={${f.name}}`).join(' ')}`, submitLabel: en ? 'Save report' : '保存月报' },
      }
    }
    const split = splitDoctorArgs(rest)
    const parsed = split.rest || split.entries.length === 0 ? parseReportArgs(split.rest, input.lang) : ({ ok: true, values: {} } as const)
    if (!parsed.ok) {
      return { tone: 'warning', text: en ? `Report not saved: ${parsed.problems.join('; ')}.\nExample: report outpatientHalfDays=12 rounds=8 highlights=…` : `月报未保存：${parsed.problems.join('；')}。\n示例：月报 门诊=12 查房=8 亮点=开展首例…` }
    }
    const stored = ((existing?.fields as { doctors?: DoctorValues } | undefined)?.doctors ?? {}) as DoctorValues
    const merged = split.entries.length ? mergeDoctorValues(stored, split.entries, await doctorsOfMonth(tx, input.tenantId, org.id, month), input.personId, input.lang) : ({ ok: true, doctors: stored } as const)
    if (!merged.ok) {
      return { tone: 'warning', text: en ? `Report not saved: ${merged.problems.join('; ')}.\nExample: report outpatientHalfDays@张伟=12 teachingRounds@张伟=4 clinicalTeaching@张伟=2` : `月报未保存：${merged.problems.join('；')}。\n示例：月报 门诊@张伟=12 教学查房@张伟=4 科内教学@张伟=2` }
    }
    if (existing && today > due) {
      return { tone: 'warning', text: en ? `The ${month} report is past its due date (${due}) and can no longer be changed. For a correction please contact the medical affairs office.` : `${month} 月报已过截止日期（${due}），不能再修改。如需更正请联系医务科。` }
    }
    const fields = { ...(existing?.fields as ReportValues | undefined), ...parsed.values, ...(Object.keys(merged.doctors).length ? { doctors: merged.doctors } : {}) }
    const saved = await saveReport(tx, { tenantId: input.tenantId, receivingOrgId: org.id, month, fields, submittedBy: input.personId, at: now })
    await recordAudit(tx, { tenantId: input.tenantId, actorPersonId: input.personId, action: existing ? 'report.updated' : 'report.submitted', entity: 'monthly_report', entityId: saved.id, before: existing, after: saved, at: now })
    const late = !existing && today > due ? (en ? ` (late: it was due on ${due})` : `（已逾期，截止日期为 ${due}）`) : ''
    const overwritten =
      existing?.submittedBy && existing.submittedBy !== input.personId
        ? overwriteNote({ before: existing.fields as ReportValues, after: fields, previousName: await findPersonName(tx, existing.submittedBy), previousOn: shanghaiDate(existing.updatedAt) }, input.lang)
        : ''
    const body = `${withDoctors(fields, input.lang)}${overwritten}\n${editableNote(today, due, input.lang)}`
    if (en) return { tone: 'success', title: 'Report saved', text: `${org.name} report for ${month} saved${late}:\n${body}` }
    return { tone: 'success', title: '月报已保存', text: `${org.name} ${month} 月报已保存${late}：\n${body}` }
  })
}

function withDoctors(fields: Record<string, unknown>, lang: Lang): string {
  return [formatReport(fields as ReportValues, lang), formatDoctorValues((fields as { doctors?: DoctorValues }).doctors, lang)].filter(Boolean).join('\n')
}
