import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { columnName, writeXlsx } from '../src/usecases/export/xlsx'

const created = new Date('2026-11-23T02:00:00Z')

async function read(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  return book
}

describe('xlsx writer', () => {
  test('columns are named as Excel names them, past Z and ZZ', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'])
  })

  test('a spreadsheet reader gets back the cells, title, frozen header, filter, widths and number format', async () => {
    const bytes = writeXlsx({
      title: '对口支援 2026-11 月度汇总',
      creator: 'duikou',
      created,
      sheets: [
        {
          name: '出勤',
          rows: [
            ['医生', '出勤率', '说明'],
            ['张伟', 66.7, '门诊 & 查房 <每周>'],
            ['王芳', null, ''],
          ],
          widths: [10, 8, 30],
          frozenColumns: 1,
          numberFormats: { 1: '0.0"%"' },
        },
        { name: '审计', rows: [['时间', '操作']], widths: [18, 12], frozenColumns: 0 },
      ],
    })
    const book = await read(bytes)
    expect(book.title).toBe('对口支援 2026-11 月度汇总')
    expect(book.created?.toISOString()).toBe('2026-11-23T02:00:00.000Z')
    expect(book.worksheets.map((s) => s.name)).toEqual(['出勤', '审计'])
    const sheet = book.getWorksheet('出勤')!
    expect(sheet.getRow(2).values).toEqual([undefined, '张伟', 66.7, '门诊 & 查房 <每周>'])
    expect(sheet.getRow(3).getCell(2).value).toBeNull()
    expect(sheet.getCell('B2').numFmt).toBe('0.0"%"')
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 })
    expect(book.getWorksheet('审计')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:C1')
    expect([1, 2, 3].map((c) => sheet.getColumn(c).width)).toEqual([10, 8, 30])
  })

  test('text from users stays text: characters XML cannot hold are dropped, and "=…" is never a formula', async () => {
    const bytes = writeXlsx({
      title: 't',
      creator: 'duikou',
      created,
      sheets: [{ name: 'S', rows: [['备注'], ['=HYPERLINK("http://x")'], ['铃\u0007声\u0000'], ['  两端空格  ']], widths: [], frozenColumns: 0 }],
    })
    const sheet = (await read(bytes)).getWorksheet('S')!
    expect([2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual(['=HYPERLINK("http://x")', '铃声', '  两端空格  '])
    expect(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)).not.toContain('<f>')
  })

  test('the same workbook written twice is the same bytes: no wall clock inside', () => {
    const book = { title: 't', creator: 'duikou', created, sheets: [{ name: 'S', rows: [['a'], ['b']], widths: [], frozenColumns: 0 }] }
    expect(Buffer.from(writeXlsx(book)).equals(Buffer.from(writeXlsx(book)))).toBe(true)
  })
})
