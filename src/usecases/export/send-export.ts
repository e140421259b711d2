import { identitiesOf } from '../../../db/repositories/identities'
import { enqueue } from '../../../db/repositories/outbox'
import type { Lang } from '../../domain/command'
import { type FileMessage, MAX_OUTBOX_FILE_BYTES } from '../../domain/file-message'
import type { Platform } from '../../domain/platform'
import type { Reply } from '../../domain/reply'
import { DATA_YEARS, normalizeInput, parseMonth } from '../../domain/strict-input'
import { shanghaiDate } from '../../time/shanghai'
import type { UseCaseDeps } from '../deps'
import { buildMonthlyExport } from './build-monthly-export'

// A file goes to the person, not the chat the command came from: a group must not receive an office's workbook.
const DIRECT: Partial<Record<Platform, string>> = { feishu: 'open_id:', wecom: 'user:' }

/**
 * 导出 [YYYY-MM] in chat: builds the office's export and queues it as a file message to the sender on the platform
 * they asked from, in the caller's transaction (so a redelivered message sends nothing twice). The console has no
 * file channel: it is told to use the CLI or the admin API.
 */
export async function exportToChat(deps: UseCaseDeps, input: { tenantId: string; personId: string; platform: Platform; eventId: string; args: string; lang: Lang }): Promise<Reply> {
  const en = input.lang === 'en'
  const asked = input.args.trim()
  const parsed = parseMonth(asked || shanghaiDate(deps.clock.now()).slice(0, 7), DATA_YEARS)
  if (!parsed.ok) {
    // “导出 十月” needs only the format; “导出 2026-13” or “导出 9999-12” also hears what is wrong with it.
    const why = /\d/.test(normalizeInput(asked)) ? (en ? `${parsed.reason.en}. ` : `${parsed.reason.zh}。`) : ''
    return { tone: 'warning', text: en ? `${why}Please give the month as YYYY-MM, e.g. export 2026-10.` : `${why}请按“导出 2026-10”的格式给出月份。` }
  }
  const month = parsed.value
  const built = await buildMonthlyExport(deps, { tenantId: input.tenantId, month, viewer: { kind: 'person', personId: input.personId } })
  if (built.outcome !== 'built') throw new Error(`tenant ${input.tenantId} vanished during export`)
  const cli = `npm run cli -- export --month ${month}`
  const prefix = DIRECT[input.platform]
  const account = prefix ? (await identitiesOf(deps.db, input.tenantId, input.personId)).find((a) => a.platform === input.platform) : undefined
  if (!prefix || !account) {
    return {
      tone: 'info',
      title: en ? 'Monthly export' : '月度导出',
      text: en
        ? `The ${month} workbook is ready, but this channel cannot carry files. Ask your administrator for it: ${cli} (or GET /api/admin/exports/monthly?month=${month}).`
        : `${month} 月度汇总已生成，但当前渠道无法发送文件。请联系系统管理员运行：${cli}（或调用 GET /api/admin/exports/monthly?month=${month}）获取。`,
    }
  }
  if (built.bytes.byteLength > MAX_OUTBOX_FILE_BYTES) {
    return { tone: 'warning', text: en ? `The ${month} workbook is too large to send in chat. Please ask your administrator: ${cli}` : `${month} 月度汇总文件过大，无法在聊天中发送。请联系系统管理员运行：${cli}` }
  }
  const message: FileMessage = { file: { name: built.fileName, base64: Buffer.from(built.bytes).toString('base64') } }
  await enqueue(
    deps.db,
    { tenantId: input.tenantId, platform: input.platform, recipient: `${prefix}${account.externalId}`, message, idempotencyKey: `export:${input.platform}:${input.eventId}` },
    deps.clock.now(),
  )
  const { postings, reports, absences } = built.counts
  return {
    tone: 'success',
    title: en ? 'Monthly export' : '月度导出',
    text: en
      ? `${built.fileName} is on its way to you as a file: ${postings} postings, ${reports} receiving orgs' reports, ${absences} absences.`
      : `${built.fileName} 将以文件形式私信发给您：派驻 ${postings} 条，月报 ${reports} 个单位，脱岗 ${absences} 次。`,
  }
}
