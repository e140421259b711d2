import type { Db } from '../../../db/client'
import type { Lang } from '../../domain/command'
import type { Reply } from '../../domain/reply'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { Month } from '../office/month-view'
import { complianceTable, lineText, tallyText } from './compliance-text'
import { complianceScope, loadCompliance } from './load-compliance'

/** A chat message shows this many lines, the worst first; the export has them all. */
const MAX_CHAT_LINES = 30
/** A Feishu card table stays well inside the card's size limit with this many rows. */
const MAX_TABLE_ROWS = 100

/**
 * 达标 [YYYY-MM]: per org, what the texts ask of its team, its doctors and its 月报, and whether it holds, is short
 * (by how much), is still open or cannot be told from the data — each with its clause, the worst first.
 */
export async function complianceStatus(deps: UseCaseDeps, input: { tenantId: string; personId: string; args: string; lang: Lang }): Promise<Reply> {
  const en = input.lang === 'en'
  const today = shanghaiDate(deps.clock.now())
  const asked = input.args.trim()
  const parsed = Month.safeParse(asked || today.slice(0, 7))
  if (!parsed.success || parsed.data > today.slice(0, 7)) return { tone: 'warning', text: en ? 'Please give a month up to this one as YYYY-MM, e.g. compliance 2026-10.' : '请按“达标 2026-10”的格式给出本月或以前的月份。' }
  const month = parsed.data
  const { scope, result } = await deps.db.transaction(async (tx: Db) => {
    const scope = await complianceScope(tx, input.tenantId, { kind: 'person', personId: input.personId })
    return { scope, result: await loadCompliance(tx, { tenantId: input.tenantId, month, today, orgIds: scope.orgIds }) }
  })
  const title = en ? 'Requirements met' : '对口支援达标情况'
  const running = month === today.slice(0, 7) ? (en ? `, counted on ${result.asOf}; the month is not over` : `，按 ${result.asOf} 计，本月尚未结束`) : ''
  const heading = en ? `${month} (${scope.heading}${running}): ${tallyText(result, en)}` : `${month}（${scope.heading}${running}）：${tallyText(result)}`
  if (result.orgs.length === 0) return { tone: 'info', title, text: `${heading}\n${en ? '· no receiving org or supporting hospital this month' : '· 本月没有受援或支援单位'}` }
  const body: string[] = []
  let shown = 0
  let left = 0
  for (const org of result.orgs) {
    const room = MAX_CHAT_LINES - shown
    if (room <= 0) {
      left += org.lines.length
      continue
    }
    body.push(`【${org.orgName}】`)
    for (const line of org.lines.slice(0, room)) body.push(...lineText(line, en))
    shown += Math.min(room, org.lines.length)
    left += Math.max(0, org.lines.length - room)
  }
  const more = left ? [en ? `· … and ${left} more lines (all in the export: export ${month})` : `· ……另有 ${left} 条（全部见导出：导出 ${month}）`] : []
  const note = en
    ? 'Counting rules that are this deployment\'s, not the texts\': whole weeks on post for weekly duties; a day present counts as a visit.'
    : '说明：每周要求按本月在岗整周数计、每个到岗日计一次下沉，是本部署的计法，文件未作规定。'
  const text = [heading, ...body, ...more, note].join('\n')
  const lead = [heading, note, `${en ? 'The month as Excel' : '导出本月 Excel'}：${en ? 'export' : '导出'} ${month}`].join('\n')
  return { tone: 'info', title, text, table: complianceTable(result, lead, MAX_TABLE_ROWS) }
}
