import { beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '../db/schema'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN } from './support/imports'
import { openWorkbook, rowsOf, seedMonth } from './support/month-fixture'

const t = useTestDatabase()
beforeAll(async () => {
  await seedMonth(t.database)
})

const app = () => testApp(t.database, { now: '2026-11-23T02:00:00Z', env: { ADMIN_TOKEN } }).app
const get = (path: string, headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` }) => app().request(path, { headers })

async function exported(month: string) {
  const response = await get(`/api/admin/exports/monthly?month=${month}&tenant=demo`)
  expect(response.status).toBe(200)
  return { response, book: await openWorkbook(await response.arrayBuffer()) }
}

describe('GET /api/admin/exports/monthly', () => {
  test('answers an .xlsx with a Chinese file name, four sheets, Chinese headers, frozen and filtered header rows', async () => {
    const { response, book } = await exported('2026-11')
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="duikou-monthly-2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent('对口支援月度汇总-2026-11.xlsx')}`,
    )
    expect(book.worksheets.map((s) => s.name)).toEqual(['出勤', '月报', '脱岗与通报', '达标', '审计'])
    const attendance = book.getWorksheet('出勤')!
    expect([1, 2, 3, 4, 5, 6, 35].map((c) => attendance.getRow(1).getCell(c).value)).toEqual(['医生', '支援单位', '受援单位', '政策', '派驻起止', '1日', '30日'])
    expect(book.getWorksheet('月报')!.getRow(1).getCell(8).value).toBe('门诊（半天）')
    expect(book.getWorksheet('脱岗与通报')!.getRow(1).getCell(1).value).toBe('日期')
    expect(book.getWorksheet('审计')!.getRow(1).getCell(3).value).toBe('操作')
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet.autoFilter).toBeTruthy()
      expect(sheet.getRow(1).font?.bold).toBe(true)
    }
    expect(attendance.views[0]).toMatchObject({ xSplit: 1 })
    // exceljs reads a filter back as its range: 7 columns + 11 report fields on 月报; 5 + 30 days + 7 totals + rate on 出勤.
    expect(book.getWorksheet('月报')!.autoFilter).toBe('A1:Z1')
    expect(attendance.autoFilter).toBe('A1:AS1')
    // Widths fit the text: a CJK character counts two, so 示范市第一人民医院 (9) needs at least 18.
    expect(attendance.getColumn(2).width).toBeGreaterThanOrEqual(18)
    expect(attendance.getColumn(6).width).toBe(6)
  })

  test('出勤: doctor × day in Chinese, totals per doctor and the attendance rate', async () => {
    const { book } = await exported('2026-11')
    const zhang = rowsOf(book, '出勤').find((r) => r['医生'] === '张伟')!
    expect(zhang).toMatchObject({ 受援单位: '示范县人民医院', 支援单位: '示范市第一人民医院', '1日': '', '2日': '出勤', '4日': '脱岗', '5日': '补卡', '6日': '请假', '7日': '休息', '8日': '未判定' })
    expect(zhang).toMatchObject({ 出勤天数: 2, 请假天数: 1, 补卡天数: 1, 休息天数: 1, 脱岗天数: 1, 未判定天数: 1, 出勤率: 66.7 })
    expect(rowsOf(book, '出勤').map((r) => r['医生']).sort()).toEqual(['刘洋', '张伟', '王芳'])
  })

  test('月报, 脱岗与通报 and 审计 carry the month’s rows', async () => {
    const { book } = await exported('2026-11')
    const reports = rowsOf(book, '月报')
    expect(reports.find((r) => r['受援单位'] === '示范县人民医院')).toMatchObject({ 截止日期: '2026-11-25', 状态: '已提交', 是否逾期: '否', 提交时间: '2026-11-10 10:00', 提交人: '张伟', '门诊（半天）': 12, 工作亮点: '开展首例腹腔镜胆囊切除术', 截止日期依据: '本系统统一的报送日（部署规定，非政策原文）' })
    expect(reports.find((r) => r['受援单位'] === '示范县城关镇卫生院')).toMatchObject({ 状态: '未提交（未到截止日）', 是否逾期: '否', 提交人: '' })
    expect(rowsOf(book, '脱岗与通报')).toEqual([
      { 日期: '2026-11-04', 医生: '张伟', 支援单位: '示范市第一人民医院', 受援单位: '示范县人民医院', 状态: '脱岗', 处理步骤: '第 1 步', 处理措施: '通报批评本人', 已通知: '赵院长、张伟', 撤销时间: '' },
    ])
    const audit = rowsOf(book, '审计')
    // The demo's own successor record (seeded this month) is audited like any other.
    expect(audit.map((r) => r['操作'])).toEqual(['录入延续文件', 'test.other', '提交月报'])
    expect(audit[2]).toMatchObject({ 时间: '2026-11-10 10:00', 操作人: '张伟', 对象: '月报' })
  })

  test('a past month: a report after its due date is late, none at all is missing; 操作人 names the CLI for its import', async () => {
    await t.database.db.insert(auditLog).values({ tenantId: 'demo', actorLabel: '命令行（root@county-server）', action: 'import.updated', entity: 'posting', entityId: 'cli-1', before: {}, after: {}, at: new Date('2026-10-20T02:00:00Z') })
    expect(rowsOf((await exported('2026-10')).book, '审计').find((r) => r['对象ID'] === 'cli-1')).toMatchObject({ 操作人: '命令行（root@county-server）', 操作: '导入修改' })
    const reports = rowsOf((await exported('2026-10')).book, '月报')
    expect(reports.find((r) => r['受援单位'] === '示范县人民医院')).toMatchObject({ 状态: '逾期提交', 是否逾期: '是', 提交时间: '2026-10-28 10:00' })
    expect(reports.find((r) => r['受援单位'] === '示范县城关镇卫生院')).toMatchObject({ 状态: '逾期未交', 是否逾期: '是' })
  })

  test.each([
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer wrong-token-wrong-token' }],
  ])('%s → 401, no workbook', async (_case, headers) => {
    const response = await get('/api/admin/exports/monthly?month=2026-11', headers)
    expect(response.status).toBe(401)
    expect(((await response.json()) as any).error.code).toBe('unauthorized')
  })

  test('a month not in YYYY-MM → 400; an unknown tenant → 404', async () => {
    const bad = await get('/api/admin/exports/monthly?month=2026-13')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as any).error.message).toContain('month must be YYYY-MM')
    expect((await get('/api/admin/exports/monthly?month=2026-11&tenant=nobody')).status).toBe(404)
  })
})
