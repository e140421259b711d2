import { latestChatImportOf, saveChatImport } from '../../../db/repositories/chat-imports'
import type { Lang } from '../../domain/command'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'
import type { UseCaseDeps } from '../deps'
import { errorLine, planLine, countsText } from '../import/format'
import { importFile } from '../import/import-file'
import type { ImportKind } from '../import/types'

/** How long a previewed import may be confirmed: this deployment's rule, not a policy's. */
export const PLAN_VALID_MS = 24 * 60 * 60 * 1000
const SHOWN_LINES = 10

const KIND_TEXT: Record<ImportKind, string> = { roster: '名单', 'zhejiang-pairs': '对口关系表' }
const KIND_OF_WORD: Record<string, ImportKind> = { 名单: 'roster', 花名册: 'roster', roster: 'roster', 对口关系: 'zhejiang-pairs', 对口关系表: 'zhejiang-pairs', pairs: 'zhejiang-pairs' }

interface Who {
  tenantId: string
  personId: string
  platform: Platform
  eventId: string
}

/**
 * The dry run of a file sent in chat, as the admin API runs it, stored as import N and answered with what it would
 * create and change (per sheet) or the rows to correct. Nothing of the roster is written here.
 */
export async function previewChatImport(deps: UseCaseDeps, input: Who & { fileName: string; bytes: Uint8Array; kind?: ImportKind }): Promise<Reply> {
  const result = await importFile(deps, { tenantId: input.tenantId, kind: input.kind, bytes: input.bytes, fileName: input.fileName, dryRun: true, actor: { personId: input.personId } })
  if (result.outcome === 'unknownTenant') throw new Error(`tenant ${input.tenantId} vanished during a chat import`)
  // Over a reading cap (columns, rows, cells, inflated size): said as the admin API says it, nothing stored.
  if (result.outcome === 'tooLarge') return { tone: 'warning', text: result.message }
  const row = await saveChatImport(deps.db, {
    tenantId: input.tenantId,
    personId: input.personId,
    platform: input.platform,
    eventId: input.eventId,
    kind: result.kind,
    fileName: input.fileName,
    fileBase64: Buffer.from(input.bytes).toString('base64'),
    plan: result.plan,
    expiresAt: new Date(deps.clock.now().getTime() + PLAN_VALID_MS),
  })
  const n = row.number
  const other = result.kind === 'roster' ? '导入 对口关系' : '导入 名单'
  const head = `${input.fileName}：按${KIND_TEXT[result.kind]}读取${input.kind ? '' : `（如不对，请发送“${other}”）`}。`
  if (result.outcome === 'rejected') {
    const shown = result.errors.slice(0, SHOWN_LINES).map(errorLine)
    const more = result.errors.length > SHOWN_LINES ? [`……另有 ${result.errors.length - SHOWN_LINES} 处`] : []
    return { tone: 'warning', title: `导入预览（第 ${n} 号）`, text: [head, `有 ${result.errors.length} 处错误，未导入任何内容。请改正后重新发送文件：`, ...shown, ...more].join('\n') }
  }
  if (result.plan.length === 0) return { tone: 'info', title: `导入预览（第 ${n} 号）`, text: `${head}\n文件与系统中的数据一致，没有需要改动的内容。` }
  const perSheet = new Map<string, number>()
  for (const item of result.plan) if (item.source) perSheet.set(item.source.sheet, (perSheet.get(item.source.sheet) ?? 0) + 1)
  const lines = [
    head,
    `将新建：${countsText(result.created)}`,
    `将修改：${countsText(result.changed)}`,
    `按工作表：${[...perSheet].map(([sheet, count]) => `${sheet} ${count} 项`).join(' · ')}`,
    '',
    ...result.plan.slice(0, SHOWN_LINES).map(planLine),
    ...(result.plan.length > SHOWN_LINES ? [`……另有 ${result.plan.length - SHOWN_LINES} 项`] : []),
    '',
    `确认无误请点“确认导入”或发送“确认导入 ${n}”（24 小时内有效，每项改动记入审计日志）。`,
  ]
  return { tone: 'info', title: `导入预览（第 ${n} 号）`, text: lines.join('\n'), actions: [{ label: `确认导入（第 ${n} 号）`, command: `确认导入 ${n}`, style: 'primary' }] }
}

/** 导入 名单 | 导入 对口关系: the person's last file, read again as that kind. */
export async function previewAgainAs(deps: UseCaseDeps, input: Who & { args: string; lang: Lang }): Promise<Reply> {
  const kind = KIND_OF_WORD[input.args.trim().toLowerCase()]
  if (!kind) return { tone: 'warning', text: input.lang === 'en' ? 'Say “import roster” or “import pairs” after sending the file.' : '请发送“导入 名单”或“导入 对口关系”，指明刚发送的文件是哪一种。' }
  const last = await latestChatImportOf(deps.db, input.tenantId, input.personId, input.platform)
  if (!last) return { tone: 'warning', text: input.lang === 'en' ? 'Please send the .xlsx or .csv file to me first.' : '请先把要导入的 .xlsx 或 .csv 文件发给我。' }
  return previewChatImport(deps, { ...input, fileName: last.fileName, bytes: Buffer.from(last.fileBase64, 'base64'), kind })
}
