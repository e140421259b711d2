import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'duikou-cli-'))

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

function file(name: string, content: unknown) {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

describe('npm run cli -- eligibility <profile.json> [--on YYYY-MM-DD]', () => {
  test('prints the answer readably in Chinese, each reason with its clause and quote', () => {
    const profile = file('retired.json', { retired: true, licence: 'physician', title: 'senior' })
    const { code, stdout } = cli('eligibility', profile, '--on', '2016-05-01', '--programme', 'henan-2015/red-cross-volunteer')
    expect(code).toBe(0)
    expect(stdout).toContain('资格评估结果（按 2016-05-01 的政策）')
    expect(stdout).toContain('红会送医计划（红十字志愿者）')
    expect(stdout).toMatch(/依据：豫卫发〔2015〕2号 附件9 .*“.+”/)
  })

  test('accepts a whole request body, and --json prints the API answer', () => {
    const body = file('body.json', { on: '2016-05-01', programmes: ['henan-2015/special-post-gp'], profile: {} })
    const { code, stdout } = cli('eligibility', body, '--json')
    expect(code).toBe(0)
    const answer = JSON.parse(stdout)
    expect(answer.on).toBe('2016-05-01')
    expect(answer.results[0].programme).toBe('henan-2015/special-post-gp')
    expect(answer.results[0].eligible).toBe('unknown')
  })

  test.each([
    ['a file that is not JSON', () => file('bad.json', '{oops'), 'cannot read'],
    ['a bad profile value', () => file('wrong.json', { title: 'professor' }), 'title'],
    ['a missing file', () => join(dir, 'nope.json'), 'cannot read'],
  ])('%s gets a clear message and exit code 2', (_case, path, message) => {
    const { code, stderr } = cli('eligibility', path())
    expect(code).toBe(2)
    expect(stderr).toContain(message)
    expect(stderr).not.toMatch(/^\s+at /m)
  })
})
