import { lockChatImport, markChatImportApplied } from '../../../db/repositories/chat-imports'
import { loadRosterSnapshot, lockTenantForImport } from '../../../db/repositories/roster'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import type { UseCaseDeps } from '../deps'
import { applyPlan } from '../import/apply'
import { countsText } from '../import/format'
import { parseImportFile } from '../import/parse'
import { planImport } from '../import/plan'
import { countPlan } from '../import/plan-types'
import { ImportKind } from '../import/types'

/** Key order differs once a plan has been through jsonb; compare what the plans say. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v))
}

/**
 * 确认导入 N: writes import N in the caller's transaction (with an audit row per change naming the person), exactly
 * as previewed: the file is planned again against today's rows and must come out the same, or nothing is written.
 * A second confirmation, an expired or a foreign import changes nothing.
 */
export async function confirmChatImport(deps: UseCaseDeps, input: { tenantId: string; personId: string; args: string; lang: Lang }): Promise<Reply> {
  const en = input.lang === 'en'
  const number = /^\d{1,9}$/.test(input.args.trim()) ? Number(input.args.trim()) : null
  if (number === null) return { tone: 'warning', text: en ? 'Please give the number of the preview, e.g. confirm-import 12.' : '请写明预览的编号，例如“确认导入 12”。' }
  const row = await lockChatImport(deps.db, input.tenantId, number)
  if (!row || row.personId !== input.personId) return { tone: 'warning', text: en ? `There is no import ${number} of yours.` : `没有您发起的第 ${number} 号导入。请重新发送文件。` }
  if (row.appliedAt) return { tone: 'info', text: en ? `Import ${number} was already applied; nothing was written again.` : `第 ${number} 号导入已经完成，未再次写入。` }
  if (row.expiresAt.getTime() <= deps.clock.now().getTime())
    return { tone: 'warning', text: en ? `Import ${number} has expired (24 hours). Please send the file again.` : `第 ${number} 号导入预览已过期（超过 24 小时，本系统的规定），请重新发送文件。` }
  const parsed = await parseImportFile(Buffer.from(row.fileBase64, 'base64'), row.fileName, ImportKind.parse(row.kind))
  await lockTenantForImport(deps.db, input.tenantId)
  const snapshot = await loadRosterSnapshot(deps.db, input.tenantId)
  const { plan, errors } = planImport(snapshot, parsed, null)
  if (errors.length > 0 || plan.length === 0 || canonical(plan) !== canonical(row.plan))
    return {
      tone: 'warning',
      text: en
        ? `The data changed since preview ${number} (or it had nothing to write); nothing was written. Please send the file again for a new preview.`
        : `第 ${number} 号预览之后系统中的数据已有变动（或预览中没有可写入的内容），本次未写入。请重新发送文件，查看新的预览后再确认。`,
    }
  const at = deps.clock.now()
  await applyPlan(deps.db, snapshot, plan, { tenantId: input.tenantId, actorPersonId: input.personId, actorLabel: null, at })
  await markChatImportApplied(deps.db, row.id, at)
  const { created, changed } = countPlan(plan)
  return {
    tone: 'success',
    title: en ? `Import ${number} applied` : `第 ${number} 号导入完成`,
    text: en
      ? `${row.fileName}: created ${countsText(created)}; changed ${countsText(changed)}. Every change is in the audit log.`
      : `${row.fileName} 已导入。新建：${countsText(created)}；修改：${countsText(changed)}。每项改动都记入了审计日志。`,
  }
}
