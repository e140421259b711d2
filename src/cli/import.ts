import { readFileSync } from 'node:fs'
import { hostname, userInfo } from 'node:os'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { formatImport } from '../usecases/import/format'
import { importFile, type ImportResult } from '../usecases/import/import-file'
import { parseImportFile } from '../usecases/import/parse'
import { adminRequest, configOrExit, errorOf, type RunningServer, runningServer } from './running-server'
import { ImportKind } from '../usecases/import/types'

export const IMPORT_USAGE = `  import <file.xlsx|file.csv> [--kind zhejiang-pairs|roster] [--dry-run] [--tenant ID] [--create-tenant] [--json]
      imports orgs, people, support pairs and postings into the configured database (DATABASE_URL);
      the kind is detected from the headers unless given; --dry-run only shows the plan;
      the tenant defaults to CONSOLE_TENANT; exit code 1 when rows fail (nothing is written).`

/** Who the audit log names for an import from the command line: the OS account and machine that ran it. */
export function cliActor(): string {
  let user = process.env.USER ?? 'unknown'
  try {
    user = userInfo().username
  } catch {
    // A container may run as a uid with no passwd entry.
  }
  return `命令行（${user}@${hostname()}）`
}

const KIND_TEXT: Record<ImportKind, string> = { 'zhejiang-pairs': '浙江对口支援关系表', roster: '名册' }

function usageError(message: string): never {
  console.error(`duikou: ${message}\nusage: npm run cli -- import …\n${IMPORT_USAGE}`)
  process.exit(2)
}

/** `npm run cli -- import <file>`: the same use-case as POST /api/admin/imports, printed in Chinese. */
export async function importCommand(args: string[]): Promise<void> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        'dry-run': { type: 'boolean' },
        tenant: { type: 'string' },
        'create-tenant': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    })
  } catch (error) {
    usageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const file = positionals[0] ?? usageError('import needs a file')
  const kind = values.kind === undefined ? undefined : ImportKind.safeParse(values.kind)
  if (kind && !kind.success) usageError(`--kind must be zhejiang-pairs or roster, not “${values.kind}”`)
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (error) {
    usageError(`cannot read ${file}: ${(error as Error).message}`)
  }

  const config = configOrExit()
  const tenantId = values.tenant ?? config.console.tenantId
  const input = { tenantId, kind: kind?.data, bytes, fileName: basename(file), dryRun: values['dry-run'] ?? false, createTenant: values['create-tenant'] ?? false }
  const server = runningServer(config)
  if (server) return printResult(await importThroughServer(server, input), { file, tenantId, json: values.json ?? false })
  const { database } = await boot().catch(exitOnBootError)
  try {
    const result = await importFile({ db: database.db, clock: systemClock }, { ...input, actor: { personId: null, label: cliActor() } })
    printResult(result, { file, tenantId, json: values.json ?? false })
  } finally {
    await database.close()
  }
}

/** The same import through the running server's admin API, which holds the embedded database. */
async function importThroughServer(server: RunningServer, input: { tenantId: string; kind?: ImportKind; bytes: Uint8Array; fileName: string; dryRun: boolean; createTenant: boolean }): Promise<ImportResult> {
  if (input.createTenant) {
    console.error(`duikou: --create-tenant needs the database to itself, and ${server.holder.command} (pid ${server.holder.pid}) holds it; stop it first, or leave out --create-tenant.`)
    process.exit(1)
  }
  // The API takes the kind as a parameter; the file's headers tell it here, as they would in-process.
  const kind = input.kind ?? (await parseImportFile(input.bytes, input.fileName)).kind
  const query = new URLSearchParams({ kind, dryRun: String(input.dryRun), tenant: input.tenantId, fileName: input.fileName })
  const response = await adminRequest(server, `/api/admin/imports?${query}`, { method: 'POST', body: input.bytes as Uint8Array<ArrayBuffer> })
  if (response.status === 404) return { outcome: 'unknownTenant', tenantId: input.tenantId }
  if (response.status !== 200 && response.status !== 422) {
    console.error(`duikou: the running server refused the import: ${await errorOf(response)}`)
    process.exit(1)
  }
  const body = (await response.json()) as Omit<Extract<ImportResult, { kind: ImportKind }>, 'outcome'>
  return { ...body, outcome: response.status === 422 ? 'rejected' : body.dryRun ? 'planned' : 'applied' }
}

function printResult(result: ImportResult, options: { file: string; tenantId: string; json: boolean }): void {
  const { file, tenantId } = options
  if (result.outcome === 'unknownTenant') {
    console.error(`duikou: 租户“${tenantId}”不存在。请用 --tenant 指定已有租户，或加 --create-tenant 新建。`)
    process.exitCode = 1
    return
  }
  if (result.outcome === 'tooLarge') {
    console.error(`duikou: ${result.message}`)
    process.exitCode = 1
    return
  }
  if (options.json) console.log(JSON.stringify(result, null, 2))
  else {
    const text = formatImport(result, `导入 ${basename(file)}（${KIND_TEXT[result.kind]}）→ 租户 ${tenantId}`)
    if (result.outcome === 'rejected') console.error(text)
    else console.log(text)
  }
  if (result.outcome === 'rejected') process.exitCode = 1
}
