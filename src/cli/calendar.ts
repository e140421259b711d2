import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { setOverride } from '../../db/repositories/calendar'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { DATA_YEARS, parseDay } from '../domain/strict-input'
import { importHolidayNotice } from '../usecases/calendar/import-notice'
import { cliActor } from './import'
import { adminRequest, configOrExit, errorOf, type RunningServer, runningServer } from './running-server'

export const CALENDAR_USAGE = `  calendar set <YYYY-MM-DD> holiday|workday <name>
      enters a day of the State Council's holiday schedule for a year the holiday library does not cover yet.
  calendar import <notice.txt> [--tenant ID] [--dry-run]
      enters a whole year from the text of 《国务院办公厅关于YYYY年部分节假日安排的通知》 (all or nothing).`

function usageError(message: string): never {
  console.error(`duikou: ${message}\n${CALENDAR_USAGE}`)
  process.exit(2)
}

/** `npm run cli -- calendar set 2027-10-01 holiday 国庆节`: one day of the announced schedule, per tenant. */
export async function calendarCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { tenant: { type: 'string' }, 'dry-run': { type: 'boolean' } } })
  const [verb, dayText, kind, ...name] = positionals
  if (verb === 'import') return importNotice(dayText, values.tenant, values['dry-run'] ?? false)
  if (verb !== 'set' || !dayText || (kind !== 'holiday' && kind !== 'workday') || name.length === 0) usageError('calendar set <YYYY-MM-DD> holiday|workday <name>')
  const parsed = parseDay(dayText, { years: DATA_YEARS })
  if (!parsed.ok) usageError(`“${dayText}” is not a full date YYYY-MM-DD: ${parsed.reason.en}`)
  const day = parsed.value
  const { config, database } = await boot().catch(exitOnBootError)
  try {
    await setOverride(database.db, { tenantId: values.tenant ?? config.console.tenantId, day, kind, name: name.join(' '), enteredBy: null })
    console.log(`${day} 记为${kind === 'holiday' ? '节假日' : '调休上班日'}（${name.join(' ')}）`)
  } finally {
    await database.close()
  }
}

/** `npm run cli -- calendar import notice.txt`: the same use-case as POST /api/admin/calendar/notice. */
async function importNotice(file: string | undefined, tenant: string | undefined, dryRun: boolean): Promise<void> {
  if (!file) usageError('calendar import <notice.txt>')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    usageError(`cannot read ${file}: ${(error as Error).message}`)
  }
  const config = configOrExit()
  const tenantId = tenant ?? config.console.tenantId
  const server = runningServer(config)
  if (server) return printNotice(await noticeThroughServer(server, { tenantId, text, dryRun }), tenantId, dryRun)
  const { database } = await boot().catch(exitOnBootError)
  try {
    printNotice(await importHolidayNotice({ db: database.db, clock: systemClock }, { tenantId, text, dryRun, actor: { personId: null, label: cliActor() } }), tenantId, dryRun)
  } finally {
    await database.close()
  }
}

type NoticeResult = Awaited<ReturnType<typeof importHolidayNotice>>

/** The same import through the server that holds the embedded database (POST /api/admin/calendar/notice). */
async function noticeThroughServer(server: RunningServer, input: { tenantId: string; text: string; dryRun: boolean }): Promise<NoticeResult> {
  const query = new URLSearchParams({ tenant: input.tenantId, dryRun: String(input.dryRun) })
  const response = await adminRequest(server, `/api/admin/calendar/notice?${query}`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: input.text })
  if (response.status === 404) return { outcome: 'unknownTenant' }
  if (response.status === 422) {
    const body = (await response.json()) as { error: { message: string }; line?: string | null }
    return { outcome: 'rejected', message: body.error.message, line: null }
  }
  if (!response.ok) {
    console.error(`duikou: the running server refused it: ${await errorOf(response)}`)
    process.exit(1)
  }
  return { outcome: 'imported', ...((await response.json()) as Omit<Extract<NoticeResult, { outcome: 'imported' }>, 'outcome'>) }
}

function printNotice(result: NoticeResult, tenantId: string, dryRun: boolean): void {
  if (result.outcome === 'unknownTenant') {
    console.error(`duikou: 租户“${tenantId}”不存在。`)
    process.exitCode = 1
  } else if (result.outcome === 'rejected') {
    console.error(`duikou: 未录入：${result.message}${result.line ? `\n  出错的一行：${result.line}` : ''}`)
    process.exitCode = 1
  } else {
    const list = (days: { day: string; name: string }[]) => days.map((d) => `${d.day.slice(5)} ${d.name}`).join('，') || '无'
    console.log(`${result.year}年：放假 ${result.holidays.length} 天（${list(result.holidays)}）；调休上班 ${result.workdays.length} 天（${list(result.workdays)}）`)
    console.log(dryRun ? '（--dry-run：只检查，未录入）' : `已录入 ${result.entered} 天${result.entered === 0 ? '（与已录入的相同，未改动）' : ''}`)
  }
}
