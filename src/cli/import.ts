import { readFileSync } from 'node:fs'
import { hostname, userInfo } from 'node:os'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { boot, exitOnBootError } from '../boot'
import { systemClock } from '../domain/clock'
import { formatImport } from '../usecases/import/format'
import { importFile } from '../usecases/import/import-file'
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

  const { config, database } = await boot().catch(exitOnBootError)
  try {
    const tenantId = values.tenant ?? config.console.tenantId
    const result = await importFile(
      { db: database.db, clock: systemClock },
      { tenantId, kind: kind?.data, bytes, fileName: basename(file), dryRun: values['dry-run'] ?? false, actor: { personId: null, label: cliActor() }, createTenant: values['create-tenant'] ?? false },
    )
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
    if (values.json) console.log(JSON.stringify(result, null, 2))
    else {
      const text = formatImport(result, `导入 ${basename(file)}（${KIND_TEXT[result.kind]}）→ 租户 ${tenantId}`)
      if (result.outcome === 'rejected') console.error(text)
      else console.log(text)
    }
    if (result.outcome === 'rejected') process.exitCode = 1
  } finally {
    await database.close()
  }
}
