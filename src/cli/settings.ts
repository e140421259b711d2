import { parseArgs } from 'node:util'
import { z } from 'zod'
import { setTenantSettings } from '../../db/repositories/verifications'
import { boot, exitOnBootError } from '../boot'

export const SETTINGS_USAGE = `  settings [--tenant <id>] [--grace-workdays <1-20>] [--half-day-hours <1-8>]
      this deployment's rules (not a policy's): workdays a 待核实 day waits before it becomes a finding (default 3),
      and the hours between 签到 and 签退 that make a half day (default 4).`

const Settings = z.object({
  graceWorkdays: z.coerce.number().int().min(1).max(20).optional(),
  halfDayHours: z.coerce.number().min(1).max(8).optional(),
})

/** `npm run cli -- settings --grace-workdays 5`: shows, or changes, the tenant's deployment settings. */
export async function settingsCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { tenant: { type: 'string' }, 'grace-workdays': { type: 'string' }, 'half-day-hours': { type: 'string' } } })
  const parsed = Settings.safeParse({ graceWorkdays: values['grace-workdays'], halfDayHours: values['half-day-hours'] })
  if (!parsed.success) {
    console.error(`duikou: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${SETTINGS_USAGE}`)
    process.exit(2)
  }
  const { config, database } = await boot().catch(exitOnBootError)
  try {
    const tenantId = values.tenant ?? config.console.tenantId
    const row = await setTenantSettings(database.db, tenantId, parsed.data)
    if (!row) {
      console.error(`duikou: no tenant “${tenantId}”`)
      process.exitCode = 1
      return
    }
    console.log(`${tenantId}：待核实宽限期 ${row.graceWorkdays} 个工作日；半天 = 签到后至少 ${row.halfDayHours} 小时签退（本部署的规定，非政策原文）`)
  } finally {
    await database.close()
  }
}
