import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { buildMonthlyExport } from '../usecases/export/build-monthly-export'
import { Month } from '../usecases/office/month-view'

export const EXPORT_USAGE = `  export --month YYYY-MM [--out file.xlsx] [--tenant ID]
      writes the month's workbook (出勤, 月报, 脱岗与通报, 审计) for the whole tenant, as GET /api/admin/exports/monthly
      does; --out defaults to 对口支援月度汇总-YYYY-MM.xlsx in the current directory; the tenant to CONSOLE_TENANT.`

function usageError(message: string): never {
  console.error(`duikou: ${message}\nusage: npm run cli -- export …\n${EXPORT_USAGE}`)
  process.exit(2)
}

/** `npm run cli -- export --month 2026-10`: the operator's export, with the admin's view of the tenant. */
export async function exportCommand(args: string[]): Promise<void> {
  let values
  try {
    values = parseArgs({ args, options: { month: { type: 'string' }, out: { type: 'string' }, tenant: { type: 'string' } } }).values
  } catch (error) {
    usageError((error as Error).message)
  }
  const month = Month.safeParse(values.month)
  if (!month.success) usageError(values.month ? `--month must be YYYY-MM, not “${values.month}”` : 'export needs --month YYYY-MM')

  const { config, database } = await boot().catch(exitOnBootError)
  try {
    const tenantId = values.tenant ?? config.console.tenantId
    const result = await buildMonthlyExport({ db: database.db, clock: systemClock }, { tenantId, month: month.data, viewer: { kind: 'admin' } })
    if (result.outcome === 'unknownTenant') {
      console.error(`duikou: 租户“${tenantId}”不存在。请用 --tenant 指定已有租户。`)
      process.exitCode = 1
      return
    }
    const out = values.out ?? result.fileName
    writeFileSync(out, result.bytes)
    const { postings, reports, absences, audit } = result.counts
    console.log(`已导出 ${month.data}（租户 ${tenantId}）→ ${out}\n派驻 ${postings} 条，月报 ${reports} 个单位，脱岗 ${absences} 次，审计 ${audit} 条。`)
  } finally {
    await database.close()
  }
}
