import ExcelJS from 'exceljs'
import { zipSync } from 'fflate'

const encode = (s: string) => new TextEncoder().encode(s)

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`

/** A one-sheet .xlsx written by hand, so a test can put into it what Excel never would. */
export function rawWorkbook(sheetData: string, afterSheetData = ''): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData>${afterSheetData}</worksheet>`
  return zipSync(
    {
      '[Content_Types].xml': encode(CONTENT_TYPES),
      '_rels/.rels': encode(ROOT_RELS),
      'xl/workbook.xml': encode(WORKBOOK),
      'xl/_rels/workbook.xml.rels': encode(WORKBOOK_RELS),
      'xl/worksheets/sheet1.xml': encode(sheet),
    },
    { level: 9 },
  )
}

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`

/** The reproduction: a roster header and one row, plus one cell in column XFD (12 KB, once ~1 GB of cells). */
export async function wideWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('机构')
  sheet.addRow(['名称', '层级'])
  for (let i = 0; i < 300; i++) sheet.addRow([`测试医院${i}`, '县级'])
  sheet.getCell('XFD1').value = 'x'
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** More rows than the cap allows, each one short cell. */
export function tallWorkbook(rows: number): Uint8Array {
  const parts: string[] = []
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}">${inlineCell(`A${r}`, 'x')}</row>`)
  return rawWorkbook(parts.join(''))
}

/** One merged range covering most of a sheet: exceljs builds every cell it covers. */
export function mergeBombWorkbook(): Uint8Array {
  return rawWorkbook(`<row r="1">${inlineCell('A1', '名称')}</row>`, '<mergeCells count="1"><mergeCell ref="A1:GR100000"/></mergeCells>')
}

/** A sheet whose XML inflates to `megabytes` MB of blanks: a few hundred KB on the wire. */
export function deflateBombWorkbook(megabytes: number): Uint8Array {
  return rawWorkbook(`<row r="1">${inlineCell('A1', '名称')}</row>${' '.repeat(megabytes * 1024 * 1024)}`)
}

/** The same bomb with its headers claiming the sheet is 1 000 bytes: only inflating it shows the truth. */
export function lyingDeflateBombWorkbook(megabytes: number): Uint8Array {
  const bytes = deflateBombWorkbook(megabytes)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const signature = view.getUint32(i, true)
    if (signature === 0x04034b50 && view.getUint32(i + 22, true) > 1_000_000) view.setUint32(i + 22, 1_000, true)
    if (signature === 0x02014b50 && view.getUint32(i + 24, true) > 1_000_000) view.setUint32(i + 24, 1_000, true)
  }
  return bytes
}

/** A real workbook cut in half, and one whose sheet makes exceljs throw ("Out of bounds. Invalid column letter"). */
export async function malformedWorkbooks(): Promise<{ truncated: Uint8Array; libraryThrows: Uint8Array }> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('机构').addRow(['名称', '层级'])
  const whole = new Uint8Array(await book.xlsx.writeBuffer())
  return { truncated: whole.slice(0, Math.floor(whole.length / 2)), libraryThrows: rawWorkbook(`<row r="1">${inlineCell('A1', '名称')}</row>`, '<mergeCells count="1"><mergeCell ref="ZZZZ1:A"/></mergeCells>') }
}
