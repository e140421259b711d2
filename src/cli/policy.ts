import { parseArgs } from 'node:util'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { continuePolicy } from '../usecases/policy/continue-policy'
import { endSuccessor } from '../usecases/policy/end-successor'
import { formatSuccessorList, successorLine } from '../usecases/policy/format'
import { listSuccessors } from '../usecases/policy/list-successors'
import { cliActor } from './import'
import { policyThroughServer } from './policy-server'
import { configOrExit, runningServer } from './running-server'

export const POLICY_USAGE = `  policy continue <pack> --document <文号> --from <YYYY-MM-DD> [--until <YYYY-MM-DD>] --clause <条款> --quote <原文>
         [--title <标题>] [--issued-on <YYYY-MM-DD>] [--programme <id>]... [--set name=value]... [--dry-run] [--tenant ID]
      enters a successor document (政策延续) that continues a pack past its own period; --set changes a parameter the
      pack declares overridable (see policy list), citing the same clause and quote.
  policy end <id> --on <YYYY-MM-DD> [--tenant ID]
      ends a successor after its last day --on (the row stays; the change is audited).
  policy list [--tenant ID]
      lists each pack's own period, its successors and the parameters a successor may change.`

function usageError(message: string): never {
  console.error(`duikou: ${message}\n${POLICY_USAGE}`)
  process.exit(2)
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        document: { type: 'string' },
        title: { type: 'string' },
        'issued-on': { type: 'string' },
        from: { type: 'string' },
        until: { type: 'string' },
        clause: { type: 'string' },
        quote: { type: 'string' },
        programme: { type: 'string', multiple: true },
        set: { type: 'string', multiple: true },
        on: { type: 'string' },
        'dry-run': { type: 'boolean' },
        tenant: { type: 'string' },
      },
    })
  } catch (error) {
    usageError((error as Error).message)
  }
}

/** `--set name=value` pairs; each override cites the successor's own clause and quote. */
function overridesOf(sets: string[], clause: string, quote: string) {
  return sets.map((pair) => {
    const at = pair.indexOf('=')
    if (at <= 0) usageError(`--set needs name=value, not “${pair}”`)
    return { parameter: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim(), clause, quote }
  })
}

/** `npm run cli -- policy continue|end|list`: the same use-cases as /api/admin/policy-successors. */
export async function policyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args)
  const [verb, target] = positionals
  if (verb === 'continue') {
    if (!target) usageError('policy continue needs the pack, e.g. yantai-2024')
    for (const flag of ['document', 'from', 'clause', 'quote'] as const) if (!values[flag]) usageError(`policy continue needs --${flag}`)
  } else if (verb === 'end') {
    if (!target || !values.on) usageError('policy end <id> --on <YYYY-MM-DD>')
  } else if (verb !== 'list') usageError('policy continue|end|list')

  const config = configOrExit()
  const tenantId = values.tenant ?? config.console.tenantId
  const server = runningServer(config)
  if (server) return runPolicy(verb, target, values, policyThroughServer(server, tenantId), tenantId)
  const { database } = await boot().catch(exitOnBootError)
  const deps = { db: database.db, clock: systemClock }
  const actor = { personId: null, label: cliActor() }
  try {
    await runPolicy(verb, target, values, {
      list: () => listSuccessors(database.db, tenantId),
      end: (id, on) => endSuccessor(deps, { tenantId, id, on, actor }),
      continue: (body, dryRun) => continuePolicy(deps, { tenantId, body, dryRun, actor }),
    }, tenantId)
  } finally {
    await database.close()
  }
}

type PolicyBackend = ReturnType<typeof policyThroughServer>

/** The three verbs over either backend: this process's database, or the server that holds the embedded one. */
async function runPolicy(verb: string | undefined, target: string | undefined, values: ReturnType<typeof parse>['values'], backend: PolicyBackend, tenantId: string): Promise<void> {
  if (verb === 'list') {
    const list = await backend.list()
    if (!list) return fail(`租户“${tenantId}”不存在。`)
    console.log(formatSuccessorList(list))
  } else if (verb === 'end') {
    const result = await backend.end(target!, values.on!)
    if (result.outcome === 'notFound') return fail(`没有 id 为 ${target} 的延续文件（policy list 可查看）。`)
    if (result.outcome === 'rejected') return fail(result.problems.join('\n'))
    console.log(`已结束：${successorLine(result.successor)}`)
  } else {
    const body = {
      policy: target,
      document: values.document,
      title: values.title ?? values.document,
      issuedOn: values['issued-on'] ?? null,
      from: values.from,
      until: values.until ?? null,
      clause: values.clause,
      quote: values.quote,
      ...(values.programme ? { programmes: values.programme } : {}),
      ...(values.set ? { overrides: overridesOf(values.set, values.clause!, values.quote!) } : {}),
    }
    const result = await backend.continue(body, values['dry-run'] ?? false)
    if (result.outcome === 'unknownTenant') return fail(`租户“${tenantId}”不存在。`)
    if (result.outcome === 'rejected') return fail(`未录入：\n${result.problems.map((p) => `  · ${p}`).join('\n')}`)
    console.log(`${result.dryRun ? '检查通过（--dry-run，未录入）' : '已录入'}：${successorLine(result.successor)}`)
  }
}

function fail(message: string): void {
  console.error(`duikou: ${message}`)
  process.exitCode = 1
}
