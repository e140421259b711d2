import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { people, postings } from '../db/schema'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { ADMIN_TOKEN, createTenant, postImport, workbook } from './support/imports'

const t = useTestDatabase()
const app = () => testApp(t.database, { env: { ADMIN_TOKEN } }).app

const roster = (modes: [string, string, string]) =>
  workbook({
    单位: {
      rows: [
        ['名称', '层级', '类别'],
        ['烟台市示范医院', '三级', '综合'],
        ['示范镇卫生院', '乡镇卫生院', '综合'],
        ['示范村卫生室', '村卫生室', '综合'],
      ],
    },
    人员: { rows: [['姓名', '职称', '工作单位'], ['刘洋', '主治医师', '烟台市示范医院'], ['陈静', '主治医师', '烟台市示范医院'], ['周敏', '副主任医师', '烟台市示范医院']] },
    派驻: {
      rows: [
        ['姓名', '支援医院', '受援医院', '政策', '开始日期', '结束日期', '派驻方式'],
        ['刘洋', '烟台市示范医院', '示范村卫生室', 'yantai-2024', '2026-01-05', '2026-12-31', modes[0]],
        ['陈静', '烟台市示范医院', '示范镇卫生院', 'yantai-2024', '2026-01-05', '2026-12-31', modes[1]],
        ['周敏', '烟台市示范医院', '示范镇卫生院', 'yantai-2024', '2026-01-05', '2026-12-31', modes[2]],
      ],
    },
  })

beforeAll(async () => {
  for (const id of ['mode-ok', 'mode-bad']) await createTenant(t.database, id)
})

describe('the roster says how a posting is run (派驻方式), in the texts’ own words', () => {
  test('驻点, 巡诊 and 331 become the modes the duty rules judge', async () => {
    const { status, body } = await postImport(app(), await roster(['驻点', '巡诊', '331']), { kind: 'roster', tenant: 'mode-ok', fileName: '名册.xlsx' })
    expect(status, JSON.stringify(body.errors)).toBe(200)
    const modeOf = async (name: string) => {
      const [row] = await t.database.db.select({ mode: postings.mode }).from(postings).innerJoin(people, eq(people.id, postings.personId)).where(and(eq(people.tenantId, 'mode-ok'), eq(people.name, name)))
      return row!.mode
    }
    expect([await modeOf('刘洋'), await modeOf('陈静'), await modeOf('周敏')]).toEqual(['resident', 'roving', 'workstation331'])
  })

  test('an unknown value is a row error naming the accepted ones, and nothing is written', async () => {
    const { status, body } = await postImport(app(), await roster(['驻点', '走读', '331']), { kind: 'roster', tenant: 'mode-bad', fileName: '名册.xlsx' })
    expect(status).toBe(422)
    expect(body.errors).toEqual([expect.objectContaining({ sheet: '派驻', row: 3, reason: expect.stringContaining('派驻方式“走读”无法识别（可填：331、驻点、派驻') })])
    expect(body.errors[0]!.reason).toContain('巡回医疗、巡诊')
    expect(body.errors[0]!.reason).toContain('业务技术帮扶')
    expect(body.errors[0]!.reason).toContain('名医基层工作站')
    expect(await t.database.db.select().from(postings).where(eq(postings.tenantId, 'mode-bad'))).toEqual([])
  })
})
