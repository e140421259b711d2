import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..')

function cli(...args: string[]) {
  // A DATABASE_URL that cannot be reached proves the simulation never touches the configured database.
  const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('npm run cli -- simulate --month 2026-10', () => {
  test('walks the demo through the month and prints the record, the absences with their clause and every notice', () => {
    const started = Date.now()
    const { code, stdout, stderr } = cli('simulate', '--month', '2026-10', '--seed', '1')
    expect(stderr).not.toMatch(/Error/)
    expect(code).toBe(0)
    expect(Date.now() - started).toBeLessThan(45_000)
    expect(stdout).toContain('一、出勤记录（2026-10-01 至 2026-10-31）')
    // The holiday week is rest, the 调休 Saturday a workday; the Yantai posting is judged and fails after two absences.
    expect(stdout).toMatch(/■ 刘洋：示范县人民医院 → 示范县城关镇卫生院[\s\S]*10-01（四） 休息  国庆节[\s\S]*10-10（六） (出勤|脱岗|补卡)/)
    expect(stdout).toMatch(/合计：出勤 \d+ 天，请假 2 天，补卡 1 天，休息 \d+ 天，未判定 0 天，脱岗 2 天，待核实 0 天，不计 0 天；考核结果：不合格/)
    expect(stdout).toContain('依据：烟卫〔2024〕17号 附件3 四(三)：“对于无正当理由脱岗 2 次（含）以上的派驻人员其考核结果认定为不合格”')
    // Henan's 2015 pack has ended: its postings are recorded but not judged, and the record says why.
    expect(stdout).toMatch(/■ 张伟[\s\S]*出勤只记录、不判定脱岗/)
    expect(stdout).toContain('二、各人收到的通知与提醒')
    expect(stdout).toMatch(/【签到提醒】刘洋医生，早上好，今天（10-\d\d）还没有签到/)
    expect(stdout).toMatch(/■ 孙主任[\s\S]*【月报逾期未报】[\s\S]*· 示范县城关镇卫生院/)
    // The 补卡 two days later came inside the grace period: the day was 待核实, never an absence to withdraw.
    expect(stdout).toContain('【待核实：没有签到记录】')
    expect(stdout).not.toContain('【更正：撤销脱岗记录】')
    // The same seed walks the same month (the record; notices may name several orgs in either order).
    const record = (out: string) => out.split('二、各人收到的通知与提醒')[0]
    expect(record(cli('simulate', '--month', '2026-10', '--seed', '1').stdout)).toBe(record(stdout))
  }, 120_000)

  test('a bad month gets a clear message and exit code 2', () => {
    const { code, stderr } = cli('simulate', '--month', '2026-13')
    expect(code).toBe(2)
    expect(stderr).toContain('month must look like 2026-10')
  })
})
