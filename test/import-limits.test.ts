import { beforeAll, describe, expect, test } from 'vitest'
import { readTables } from '../src/usecases/import/table'
import { SHEET_LIMITS } from '../src/usecases/import/zip-limits'
import { testApp } from './support/app'
import { useTestDatabase } from './support/database'
import { deflateBombWorkbook, lyingDeflateBombWorkbook, malformedWorkbooks, mergeBombWorkbook, rawWorkbook, tallWorkbook, wideWorkbook } from './support/hostile-files'
import { ADMIN_TOKEN, createTenant, csv, postImport, rowCounts, workbook } from './support/imports'

const t = useTestDatabase()
const app = () => testApp(t.database, { env: { ADMIN_TOKEN } }).app
const TENANT = 'limits'

beforeAll(async () => {
  await createTenant(t.database, TENANT)
})

const nothingWritten = async () => expect(await rowCounts(t.database, TENANT)).toEqual({ orgs: 0, people: 0, identities: 0, roles: 0, supportPairs: 0, postings: 0, audit: 0 })

describe('a spreadsheet that would cost more than the caps is refused with 413 naming the cap, nothing written', () => {
  test.each([
    ['one cell in column XFD (the 12 KB file that killed the server)', wideWorkbook, `超过 ${SHEET_LIMITS.columns} 列（第 16384 列有内容）`],
    ['more rows than the cap', async () => tallWorkbook(SHEET_LIMITS.rows + 1), `超过 ${SHEET_LIMITS.rows} 行`],
    ['a merged range over 20 million cells', async () => mergeBombWorkbook(), `超过 ${SHEET_LIMITS.cells} 个单元格`],
    ['a sheet that inflates to 60 MB', async () => deflateBombWorkbook(60), '解压后超过 20 MB'],
  ])('%s', async (_case, file, named) => {
    const bytes = await file()
    expect(bytes.byteLength).toBeLessThan(1024 * 1024)
    for (const dryRun of ['true', 'false']) {
      const { status, body } = await postImport(app(), bytes, { kind: 'roster', tenant: TENANT, dryRun, fileName: 'x.xlsx' })
      expect(status).toBe(413)
      expect(body.error).toMatchObject({ code: 'file_too_large' })
      expect(body.error!.message).toContain(named)
    }
    await nothingWritten()
  })

  test('a CSV wider than the cap is refused the same way', async () => {
    const { status, body } = await postImport(app(), csv([['名称', ...Array(300).fill('x')]]), { kind: 'roster', tenant: TENANT, fileName: 'o.csv' })
    expect(status).toBe(413)
    expect(body.error!.message).toContain(`超过 ${SHEET_LIMITS.columns} 列`)
    await nothingWritten()
  })
})

describe('a broken spreadsheet is a row error in plain Chinese, never the library’s words', () => {
  test('a truncated .xlsx and one exceljs throws on → 422 saying the file is damaged', async () => {
    const { truncated, libraryThrows } = await malformedWorkbooks()
    for (const bytes of [truncated, libraryThrows]) {
      const { status, body } = await postImport(app(), bytes, { kind: 'roster', tenant: TENANT, fileName: 'x.xlsx' })
      expect(status).toBe(422)
      expect(body.errors).toHaveLength(1)
      expect(body.errors[0]!.reason).toMatch(/^无法读取 Excel 工作簿：文件已损坏/)
      expect(body.errors[0]!.reason).not.toMatch(/Cannot read|Corrupted zip|central directory|undefined|Out of bounds/)
    }
    await nothingWritten()
  })

  test('a damaged file sent to a tenant that does not exist is answered as the unknown tenant first', async () => {
    const { truncated } = await malformedWorkbooks()
    for (const dryRun of ['true', 'false']) {
      const { status, body } = await postImport(app(), truncated, { kind: 'roster', tenant: 'no-such-tenant', dryRun, fileName: 'x.xlsx' })
      expect(status).toBe(404)
      expect(body.error).toMatchObject({ code: 'unknown_tenant' })
    }
  })

  test('a sheet whose headers lie about its inflated size is refused as damaged once it passes what it declared', async () => {
    const { status, body } = await postImport(app(), lyingDeflateBombWorkbook(60), { kind: 'roster', tenant: TENANT, fileName: 'x.xlsx' })
    expect(status).toBe(422)
    expect(body.errors[0]!.reason).toBe('无法读取 Excel 工作簿：文件已损坏（xl/worksheets/sheet1.xml 解压后比目录中记录的大）')
    await nothingWritten()
  })

  test.each(['constructor', '__proto__', 'toString'])('a 角色 cell “%s” is a row error in the dry run and the real import alike', async (role) => {
    const file = await workbook({
      单位: { rows: [['名称', '层级'], ['测试县人民医院', '县级']] },
      人员: { rows: [['姓名', '工作单位', '角色'], ['张三', '测试县人民医院', role]] },
    })
    for (const dryRun of ['true', 'false']) {
      const { status, body } = await postImport(app(), file, { kind: 'roster', tenant: TENANT, dryRun, fileName: 'r.csv' })
      expect(status).toBe(422)
      expect(body.errors.map((e) => e.reason).join('\n')).toContain(`角色“${role}”无法识别`)
    }
    await nothingWritten()
  })
})

describe('what is within the caps reads as before', () => {
  test('cells far apart on a row keep their columns; only cells that exist are read', async () => {
    const tables = await readTables(rawWorkbook('<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="GR1" t="inlineStr"><is><t>备注</t></is></c></row>'), 'x.xlsx')
    expect(tables[0]!.rows[0]!.cells).toHaveLength(200)
    expect(tables[0]!.rows[0]!.cells[0]).toBe('名称')
    expect(tables[0]!.rows[0]!.cells[199]).toBe('备注')
  })

  test('a workbook with merged cells still reads each merged cell as its top-left value', async () => {
    const bytes = await workbook({ 机构: { rows: [['名称', '层级'], ['甲医院', '县级'], [null, '县级']], merges: ['A2:A3'] } })
    const [table] = await readTables(bytes, 'x.xlsx')
    expect(table!.rows.map((r) => r.cells[0])).toEqual(['名称', '甲医院', '甲医院'])
  })
})
