import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, describe, expect, test } from 'vitest'

// `npm start` on a fresh clone, and every other command beside it, as real processes in a scratch directory with
// nothing configured: the embedded database in ./.data, no platform credentials. Each spawns about ten processes, so
// they get minutes, not the default 30 s, on a loaded two-core machine.
const ROOT = resolve(import.meta.dirname, '..')
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href
const FIXTURE = join(ROOT, 'test/fixtures/zhejiang-annex1-provincial-support-pairs.xlsx')
const scratch = mkdtempSync(join(tmpdir(), 'duikou-owner-'))
const env = { PATH: process.env.PATH ?? '', PORT: '0' }
const running: ChildProcess[] = []

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const script = (name: string) => join(ROOT, 'src', name)

/** Starts a long-running process and collects its output; `waitFor` resolves once a line matches. */
function start(file: string, args: string[] = [], options: { stdin?: boolean } = {}) {
  const child = spawn(process.execPath, ['--import', TSX, script(file), ...args], { cwd: scratch, env, stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] })
  running.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 45_000
    while (!pattern.test(stdout)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in:\n${stdout}\n${stderr}`)
      await new Promise((r) => setTimeout(r, 100))
    }
    return stdout.match(pattern)!
  }
  return { child, waitFor, output: () => ({ stdout, stderr }) }
}

/** Runs a command to its end, as a person would in another terminal. */
function run(file: string, args: string[] = [], input?: string) {
  const result = spawnSync(process.execPath, ['--import', TSX, script(file), ...args], { cwd: scratch, env, input, encoding: 'utf8', timeout: 60_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const chat = (as: string, lines: string[]) => run('cli/chat.ts', ['--as', as], [...lines, ':quit', ''].join('\n'))
const lockFile = join(scratch, '.data/pglite.lock')
const shanghaiDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

describe('the embedded database has one owner; npm start is the way in', () => {
  test('npm start seeds the demo into an empty database and says how to chat; every other command goes through it or says why not', async () => {
    const server = start('server.ts')
    const [, port] = await server.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/)
    await server.waitFor(/npm run chat -- --as zhangwei/)
    expect(server.output().stdout).toContain('the database was empty, so the demo was loaded')
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: server.child.pid, port: Number(port), command: expect.any(String) })

    // A second server, the seed, and a command with no way through the server each stop with one line naming it.
    const second = run('server.ts')
    expect(second.code).toBe(1)
    expect(second.stderr.trim().split('\n')).toHaveLength(1)
    expect(second.stderr).toContain(`pid ${server.child.pid}`)
    const seed = run('cli/seed-demo.ts')
    expect(seed.code).toBe(1)
    expect(seed.stderr).toContain(`pid ${server.child.pid}`)
    expect(seed.stderr).toContain('npm run chat -- --as zhangwei')
    const jobs = run('cli/main.ts', ['jobs', 'run'])
    expect(jobs.code).toBe(1)
    expect(jobs.stderr).toContain(`is in use by`)

    // Imports and exports go through the server's admin API, with no ADMIN_TOKEN set.
    const imported = run('cli/main.ts', ['import', FIXTURE])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('对口关系 41')
    const exported = run('cli/main.ts', ['export', '--month', shanghaiDay(0).slice(0, 7), '--out', 'month.xlsx'])
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toMatch(/派驻 3 条/)
    expect(existsSync(join(scratch, 'month.xlsx'))).toBe(true)
    // The policy successors and the holiday notice have admin routes, so their commands go through too.
    const policies = run('cli/main.ts', ['policy', 'list'])
    expect(policies.code, policies.stderr).toBe(0)
    expect(policies.stdout).toContain('演示数据（非真实文件）')
    const notice = run('cli/main.ts', ['calendar', 'import', join(ROOT, 'test/fixtures/holiday-notice-2026.txt'), '--dry-run'])
    expect(notice.code, notice.stderr).toBe(0)
    expect(notice.stdout).toContain('2026年：放假')

    // Two chat windows share the server: the approver sees the doctor's request, the doctor sees the decision.
    const from = shanghaiDay(7)
    const to = shanghaiDay(8)
    const filed = chat('zhangwei', [`请假 ${from} 至 ${to} 回城培训`])
    const number = /请假单 #(\d+) 已提交/.exec(filed.stdout)?.[1]
    expect(number, filed.stdout + filed.stderr).toBeDefined()
    const approver = chat('zhaoyuanzhang', ['', `批准 ${number}`])
    expect(approver.stdout).toContain(`请假审批 #${number}`)
    expect(approver.stdout).toContain(`已批准 张伟 的请假单 #${number}`)
    const told = chat('zhangwei', [''])
    expect(told.stdout).toContain(`您的请假单 #${number}（${from} 至 ${to}）已批准`)

    server.child.kill('SIGTERM')
    await new Promise((r) => server.child.once('exit', r))
    expect(existsSync(lockFile)).toBe(false)
  }, 240_000)

  test('a dead owner’s lock is taken over; a chat window with no server starts one that a second window joins', async () => {
    const first = start('server.ts')
    await first.waitFor(/listening on/)
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))
    expect(existsSync(lockFile)).toBe(true)

    const window = start('cli/chat.ts', ['--as', 'zhangwei'], { stdin: true })
    await window.waitFor(/started one in this process on port (\d+)/)
    const joined = chat('liyuanzhang', ['我的'])
    expect(joined.code, joined.stderr).toBe(0)
    expect(joined.stdout).not.toContain('started one in this process')
    window.child.stdin!.end(':quit\n')
    await new Promise((r) => window.child.once('exit', r))
    expect(existsSync(lockFile)).toBe(false)
  }, 120_000)
})
