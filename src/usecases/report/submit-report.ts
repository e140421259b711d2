import { recordAudit } from '../../../db/repositories/audit'
import { findReport, reportingOrgsOf, saveReport } from '../../../db/repositories/reports'
import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'
import { formHint } from '../channel-text'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { findPersonName } from '../../../db/repositories/people'
import { reportDeadline } from './deadline'
import { editableNote, overwriteNote } from './report-notes'
import { formatReport, parseReportArgs, reportFormFields, type ReportValues } from './fields'

const MONTH = /^(\d{4}-\d{2})\s*/

/**
 * 月报 [YYYY-MM] 门诊=12 …: saves (or adds to) the month's report of the sender's receiving org. It stays editable
 * until its due date; after that a first submission is still taken and marked late, but changes are refused.
 */
export async function submitMonthlyReport(deps: UseCaseDeps, input: { tenantId: string; personId: string; args: string; lang: Lang; platform?: Platform }): Promise<Reply> {
  const now = deps.clock.now()
  const today = shanghaiDate(now)
  const explicitMonth = MONTH.exec(input.args)?.[1]
  const month = explicitMonth ?? today.slice(0, 7)
  const rest = input.args.replace(MONTH, '').trim()
  return deps.db.transaction(async (tx) => {
    const [org, ...others] = await reportingOrgsOf(tx, input.tenantId, input.personId, today)
    if (!org) return { tone: 'warning', text: '您不在任何受援单位派驻或任职，无需填报月报。如有疑问请联系医务科。' }
    const { due } = reportDeadline(org.policyId, month)
    const existing = await findReport(tx, input.tenantId, org.id, month)
    const status = existing ? `已于 ${shanghaiDate(existing.updatedAt)} 保存` : '尚未填报'
    const header = `${org.name} ${month} 月报（截止 ${due}，${status}）${others.length ? `\n（您还负责：${others.map((o) => o.name).join('、')}）` : ''}`
    if (!rest) {
      const current = existing ? `\n${formatReport(existing.fields as ReportValues)}` : ''
      return {
        tone: 'info',
        title: '项目开展情况月报',
        text: `${header}${current}\n发送“月报 门诊=12 查房=8 讲座=2 听课人数=40 手术=3 亮点=…”填写${formHint(input.platform, 'zh')}。`,
        form: { fields: reportFormFields(), command: `月报 ${month} ${reportFormFields().map((f) => `${f.name}={${f.name}}`).join(' ')}`, submitLabel: '保存月报' },
      }
    }
    const parsed = parseReportArgs(rest)
    if (!parsed.ok) return { tone: 'warning', text: `月报未保存：${parsed.problems.join('；')}。\n示例：月报 门诊=12 查房=8 亮点=开展首例…` }
    if (existing && today > due) return { tone: 'warning', text: `${month} 月报已过截止日期（${due}），不能再修改。如需更正请联系医务科。` }
    const fields = { ...(existing?.fields as ReportValues | undefined), ...parsed.values }
    const saved = await saveReport(tx, { tenantId: input.tenantId, receivingOrgId: org.id, month, fields, submittedBy: input.personId, at: now })
    await recordAudit(tx, { tenantId: input.tenantId, actorPersonId: input.personId, action: existing ? 'report.updated' : 'report.submitted', entity: 'monthly_report', entityId: saved.id, before: existing, after: saved, at: now })
    const late = !existing && today > due ? `（已逾期，截止日期为 ${due}）` : ''
    const overwritten =
      existing?.submittedBy && existing.submittedBy !== input.personId
        ? overwriteNote({ before: existing.fields as ReportValues, after: fields, previousName: await findPersonName(tx, existing.submittedBy), previousOn: shanghaiDate(existing.updatedAt) })
        : ''
    return { tone: 'success', title: '月报已保存', text: `${org.name} ${month} 月报已保存${late}：\n${formatReport(fields)}${overwritten}\n${editableNote(today, due)}` }
  })
}
