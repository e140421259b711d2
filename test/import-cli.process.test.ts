import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase } from '../db/client'
import { auditLog } from '../db/schema'
import { useTestDatabase } from './support/database'
import { createTenant, csv, rowCounts } from './support/imports'

const ROOT = resolve(import.meta.dirname, '..')
const FIXTURE = resolve(ROOT, 'test/fixtures/zhejiang-annex1-provincial-support-pairs.xlsx')
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href
const t = useTestDatabase()
const scratch = mkdtempSync(join(tmpdir(), 'duikou-import-cli-'))

/**
 * Runs `npm run cli -- import …` as its own process. On PostgreSQL it uses this file's database; on PGlite (which one
 * process owns at a time) it runs in a scratch directory with DATABASE_URL unset, so the CLI opens and migrates its
 * own embedded database there — the same path `npm run cli` takes on an office's machine.
 */
function cli(...args: string[]) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' }
  if (t.url) env.DATABASE_URL = t.url
  const run = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), 'import', ...args], { cwd: scratch, env, encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** The CLI's database, opened after the CLI has exited. */
async function cliDatabase() {
  return t.url ? t.database : openDatabase({ driver: 'pglite', dataDir: join(scratch, '.data/pglite') })
}

// PostgreSQL: the tenant exists as an office's would. PGlite: a fresh embedded database, so the CLI creates it.
const tenantArgs = () => (t.url ? ['--tenant', 'cli-zj'] : ['--tenant', 'cli-zj', '--create-tenant'])

beforeAll(async () => {
  if (t.url) await createTenant(t.database, 'cli-zj')
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('npm run cli -- import <file>', () => {
  test('--dry-run on the 附件1 fixture prints the plan in Chinese, the kind detected from its headers, and writes nothing', async () => {
    const { code, stdout, stderr } = cli(FIXTURE, '--dry-run', ...tenantArgs())
    expect(code, stderr).toBe(0)
    expect(stdout).toContain('导入 zhejiang-annex1-provincial-support-pairs.xlsx（浙江对口支援关系表）→ 租户 cli-zj')
    expect(stdout).toContain('试运行：以下改动不会写入')
    expect(stdout).toContain('新建：单位 57 · 人员 0 · 账号 0 · 角色 0 · 对口关系 41 · 派驻 0')
    expect(stdout).toMatch(/新建对口关系 浙江医院 → 安吉县人民医院（zhejiang-2014）：开始日期 2014-01-01，结束日期 2016-12-31.*〔18家省级医院（含部队医院）对口支援关系表 第 3 行〕/)
    expect(stdout).toContain('协议须于 2014-02-15 前签订')
    if (t.url) expect(await rowCounts(t.database, 'cli-zj')).toMatchObject({ orgs: 0, supportPairs: 0, audit: 0 })
  })

  test('the real run writes the pairs; running it again changes nothing', async () => {
    const first = cli(FIXTURE, '--kind', 'zhejiang-pairs', ...tenantArgs())
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('已写入，每项改动都记入了审计日志。')
    const again = cli(FIXTURE, '--tenant', 'cli-zj')
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain('文件与系统中的数据一致，没有需要改动的内容。')

    const database = await cliDatabase()
    try {
      // On PGlite the CLI also created the tenant, which is one more audited change.
      expect(await rowCounts(database, 'cli-zj')).toMatchObject({ orgs: 57, supportPairs: 41, audit: t.url ? 98 : 99 })
      // No person ran it: each row names the CLI, with the OS account and machine.
      const labels = await database.db.selectDistinct({ label: auditLog.actorLabel }).from(auditLog).where(and(eq(auditLog.tenantId, 'cli-zj'), eq(auditLog.action, 'import.created')))
      expect(labels).toEqual([{ label: expect.stringMatching(/^命令行（.+@.+）$/) }])
    } finally {
      if (database !== t.database) await database.close()
    }
  })

  test('a file with bad rows exits 1 listing sheet, row and reason on stderr', () => {
    const bad = join(scratch, '人员.csv')
    writeFileSync(bad, csv([['姓名', '职称', '工作单位'], ['张伟', '教授', '浙江医院'], ['王芳', '主治医师', '没有这家医院']]))
    const { code, stdout, stderr } = cli(bad, ...tenantArgs())
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('有 2 处错误，未写入任何内容')
    expect(stderr).toContain('“人员”第 2 行：职称“教授”无法识别')
    expect(stderr).toContain('“人员”第 3 行：工作单位“没有这家医院”不存在')
  })

  test('an unknown tenant, a bad --kind and a missing file each get one clear line', () => {
    const unknown = cli(FIXTURE, '--tenant', 'nobody')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('租户“nobody”不存在')
    const kind = cli(FIXTURE, '--kind', 'excel')
    expect(kind.code).toBe(2)
    expect(kind.stderr).toContain('--kind must be zhejiang-pairs or roster')
    const missing = cli(join(scratch, 'nope.xlsx'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read')
    for (const run of [unknown, kind, missing]) expect(run.stderr).not.toMatch(/^\s+at /m)
  })
})
