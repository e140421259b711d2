import { AGREEMENT_USAGE, agreementCommand } from './agreement'
import { CALENDAR_USAGE, calendarCommand } from './calendar'
import { ELIGIBILITY_USAGE, eligibilityCommand } from './eligibility'
import { EXPORT_USAGE, exportCommand } from './export'
import { IMPORT_USAGE, importCommand } from './import'
import { JOBS_USAGE, jobsCommand } from './jobs'
import { POLICY_USAGE, policyCommand } from './policy'
import { QUEUES_USAGE, queuesCommand } from './queues'
import { SETTINGS_USAGE, settingsCommand } from './settings'
import { SIMULATE_USAGE, simulateCommand } from './simulate'

/** `npm run cli -- <command> …`: one entry per command, each in its own file beside this one. */
const COMMANDS: Record<string, { usage: string; run: (args: string[]) => Promise<void> }> = {
  import: { usage: IMPORT_USAGE, run: importCommand },
  agreement: { usage: AGREEMENT_USAGE, run: agreementCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  jobs: { usage: JOBS_USAGE, run: jobsCommand },
  calendar: { usage: CALENDAR_USAGE, run: calendarCommand },
  policy: { usage: POLICY_USAGE, run: policyCommand },
  simulate: { usage: SIMULATE_USAGE, run: simulateCommand },
  queues: { usage: QUEUES_USAGE, run: queuesCommand },
  eligibility: { usage: ELIGIBILITY_USAGE, run: eligibilityCommand },
  settings: { usage: SETTINGS_USAGE, run: settingsCommand },
}

const USAGE = `usage: npm run cli -- <command>\n${Object.values(COMMANDS).map((c) => c.usage).join('\n')}`

const [name, ...rest] = process.argv.slice(2)
const command = name === undefined ? undefined : Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
if (command) await command.run(rest)
else if (!name || name === 'help' || name === '--help') console.log(USAGE)
else {
  console.error(`duikou: unknown command “${name}”\n${USAGE}`)
  process.exit(2)
}
