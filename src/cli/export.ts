import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { buildMonthlyExport } from '../usecases/export/build-monthly-export'
import { Month } from '../usecases/office/month-view'
import { adminRequest, configOrExit, errorOf, type RunningServer, runningServer } from './running-server'

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

  const config = configOrExit()
  const tenantId = values.tenant ?? config.console.tenantId
  const server = runningServer(config)
  if (server) return exportThroughServer(server, { tenantId, month: month.data, out: values.out })
  const { database } = await boot().catch(exitOnBootError)
  try {
    const result = await buildMonthlyExport({ db: database.db, clock: systemClock }, { tenantId, month: month.data, viewer: { kind: 'admin' } })
    if (result.outcome === 'unknownTenant') {
      console.error(`duikou: 租户“${tenantId}”不存在。请用 --tenant 指定已有租户。`)
      process.exitCode = 1
      return
    }
    const out = values.out ?? result.fileName
    writeFileSync(out, result.bytes)
    console.log(exportedLine(month.data, tenantId, out, result.counts))
  } finally {
    await database.close()
  }
}

function exportedLine(month: string, tenantId: string, out: string, counts: { postings: number; reports: number; absences: number; audit: number }): string {
  const { postings, reports, absences, audit } = counts
  return `已导出 ${month}（租户 ${tenantId}）→ ${out}\n派驻 ${postings} 条，月报 ${reports} 个单位，脱岗 ${absences} 次，审计 ${audit} 条。`
}

/** The same export from the running server, which holds the embedded database (GET /api/admin/exports/monthly). */
async function exportThroughServer(server: RunningServer, input: { tenantId: string; month: string; out?: string }): Promise<void> {
  const response = await adminRequest(server, `/api/admin/exports/monthly?${new URLSearchParams({ month: input.month, tenant: input.tenantId })}`)
  if (response.status === 404) {
    console.error(`duikou: 租户“${input.tenantId}”不存在。请用 --tenant 指定已有租户。`)
    process.exit(1)
  }
  if (!response.ok) {
    console.error(`duikou: the running server refused the export: ${await errorOf(response)}`)
    process.exit(1)
  }
  const fileName = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1]
  const out = input.out ?? (fileName ? decodeURIComponent(fileName) : `duikou-monthly-${input.month}.xlsx`)
  writeFileSync(out, new Uint8Array(await response.arrayBuffer()))
  console.log(exportedLine(input.month, input.tenantId, out, JSON.parse(response.headers.get('x-export-counts') ?? '{}')))
}
