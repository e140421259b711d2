import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { useTestDatabase } from './support/database'
import { openWorkbook, rowsOf, seedMonth } from './support/month-fixture'

const ROOT = resolve(import.meta.dirname, '..')
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href
const t = useTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'duikou-export-cli-'))

/**
 * Runs a script as its own process. On PostgreSQL it uses this file's database (seeded with the month's records);
 * on PGlite, which one process owns at a time, the CLI opens its own embedded database in a scratch directory.
 */
function run(script: string, ...args: string[]) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' }
  if (t.url) env.DATABASE_URL = t.url
  const result = spawnSync(process.execPath, ['--import', TSX, join(ROOT, script), ...args], { cwd: scratch, env, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(async () => {
  if (t.url) await seedMonth(t.database)
  else expect(run('src/cli/seed-demo.ts').code).toBe(0)
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('npm run cli -- export', () => {
  test('--month and --out write the workbook the admin API serves', async () => {
    const { code, stdout, stderr } = run('src/cli/main.ts', 'export', '--month', '2026-11', '--out', 'november.xlsx')
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('已导出 2026-11（租户 demo）→ november.xlsx')
    const book = await openWorkbook(readFileSync(join(scratch, 'november.xlsx')))
    expect(book.worksheets.map((s) => s.name)).toEqual(['出勤', '月报', '脱岗与通报', '达标', '审计'])
    expect(rowsOf(book, '月报').map((r) => r['受援单位'])).toContain('示范县人民医院')
  })

  test('a missing or malformed month is a usage error (exit 2); an unknown tenant exits 1', () => {
    expect(run('src/cli/main.ts', 'export').stderr).toContain('export needs --month YYYY-MM')
    const bad = run('src/cli/main.ts', 'export', '--month', '2026-13')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--month must be YYYY-MM')
    const unknown = run('src/cli/main.ts', 'export', '--month', '2026-11', '--tenant', 'nobody')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('租户“nobody”不存在')
  })
})
