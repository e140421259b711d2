import { parseArgs } from 'node:util'
import { setOverride } from '../../db/repositories/calendar'
import { boot, exitOnBootError } from '../boot'
import { DATA_YEARS, parseDay } from '../domain/strict-input'

export const CALENDAR_USAGE = `  calendar set <YYYY-MM-DD> holiday|workday <name>
      enters a day of the State Council's holiday schedule for a year the holiday library does not cover yet.`

function usageError(message: string): never {
  console.error(`duikou: ${message}\n${CALENDAR_USAGE}`)
  process.exit(2)
}

/** `npm run cli -- calendar set 2027-10-01 holiday 国庆节`: one day of the announced schedule, per tenant. */
export async function calendarCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { tenant: { type: 'string' } } })
  const [verb, dayText, kind, ...name] = positionals
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
