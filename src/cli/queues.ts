import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { Db } from '../../db/database'
import { parkedMessages, type QueueName, queueBacklog, requeueParked } from '../../db/repositories/queues'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { shanghaiDate, shanghaiTime } from '../time/shanghai'

export const QUEUES_USAGE = `  queues
      what the inbox and outbox hold undone (as /healthz reports it), and each parked message with its last error.
  queues retry inbox|outbox (--all | <id>...)
      gives parked messages a fresh set of attempts once their cause is fixed; the running server picks them up.`

const Ids = z.array(z.uuid({ message: 'an id is a UUID as `queues` lists it' }))

const at = (d: Date) => `${shanghaiDate(d)} ${shanghaiTime(d)}`

/** The queues command against a database: its output and exit code (2 for a usage error). */
export async function runQueues(db: Db, now: Date, args: string[]): Promise<{ code: number; output: string }> {
  const usage = (message: string) => ({ code: 2, output: `duikou: ${message}\n${QUEUES_USAGE}` })
  let parsed
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { all: { type: 'boolean' } } })
  } catch (error) {
    return usage((error as Error).message)
  }
  const [verb, queue, ...ids] = parsed.positionals
  if (verb === undefined) {
    const backlog = await queueBacklog(db, now)
    const line = (name: QueueName) => {
      const b = backlog[name]
      const oldest = b.oldestWaitingSeconds === null ? '' : ` (oldest ${b.oldestWaitingSeconds} s)`
      return `${`${name}:`.padEnd(8)}waiting ${b.waiting}${oldest}, parked ${b.parked}`
    }
    const parked = await parkedMessages(db)
    const rows = parked.map((p) => `  ${p.queue.padEnd(7)}${p.id}  ${p.platform}  ${p.party}  ${p.attempts} attempts  ${at(p.at)}  ${p.lastError ?? ''}`)
    return { code: 0, output: [line('inbox'), line('outbox'), ...(rows.length ? ['parked:', ...rows] : ['nothing parked'])].join('\n') }
  }
  if (verb !== 'retry') return usage(`unknown queues command “${verb}”`)
  if (queue !== 'inbox' && queue !== 'outbox') return usage('name the queue: inbox or outbox')
  if (Boolean(parsed.values.all) === ids.length > 0) return usage('give either --all or the ids of the messages to retry')
  const checked = Ids.safeParse(ids)
  if (!checked.success) return usage(checked.error.issues[0]!.message)
  const count = await requeueParked(db, queue, now, parsed.values.all ? undefined : checked.data)
  return { code: 0, output: `${queue}: ${count} parked message${count === 1 ? '' : 's'} queued again` }
}

/** `npm run cli -- queues …` */
export async function queuesCommand(args: string[]): Promise<void> {
  const { database } = await boot().catch(exitOnBootError)
  try {
    const { code, output } = await runQueues(database.db, systemClock.now(), args)
    if (code === 0) console.log(output)
    else console.error(output)
    process.exitCode = code
  } finally {
    await database.close()
  }
}
