import { parseArgs } from 'node:util'
import { DATA_YEARS, inDataYears } from '../domain/strict-input'
import { boot, exitOnBootError } from '../boot'
import { fixedClock, systemClock } from '../domain/clock'
import { deliverDue } from '../jobs/deliver-outbox'
import { JOBS, runDueJobs } from '../jobs/run-jobs'
import { sendersFor } from '../platforms/senders'

export const JOBS_USAGE = `  jobs run [${Object.keys(JOBS).join('|')}] [--at ISO-time]
      runs every due, not yet run period of the job (all jobs when none is named) as of --at (default: now),
      then sends what the runs queued; the server does the same every minute.`

function usageError(message: string): never {
  console.error(`duikou: ${message}\n${JOBS_USAGE}`)
  process.exit(2)
}

/** `npm run cli -- jobs run …`: the server's job tick, by hand, at a chosen time. */
export async function jobsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { at: { type: 'string' } } })
  const [verb, only] = positionals
  if (verb !== 'run') usageError('the jobs command is: jobs run [job] [--at ISO-time]')
  if (only && !(only in JOBS)) usageError(`unknown job “${only}”; jobs: ${Object.keys(JOBS).join(', ')}`)
  // A real instant in DATA_YEARS: Date.parse takes "9999-12-31" or "0", and the jobs would run for that day.
  if (values.at && !(/^\d{4}-\d{2}-\d{2}T/.test(values.at) && inDataYears(new Date(values.at)))) usageError(`--at must be an ISO time from ${DATA_YEARS.min} to ${DATA_YEARS.max}, e.g. 2026-10-02T01:00:00+08:00`)
  const clock = values.at ? fixedClock(values.at) : systemClock
  const { config, database } = await boot().catch(exitOnBootError)
  try {
    const reports = await runDueJobs({ db: database.db, clock }, { only })
    for (const r of reports) console.log(`${r.tenantId}  ${r.job}  ${r.period}  ${JSON.stringify(r.result)}`)
    if (reports.length === 0) console.log('nothing due')
    const sent = await deliverDue({ db: database.db, clock, senders: sendersFor(config) })
    if (sent.sent || sent.failed) console.log(`outbox: ${sent.sent} sent, ${sent.failed} failed`)
  } finally {
    await database.close()
  }
}
