import type { CellValue } from 'exceljs'
import { decodeCsv, parseCsv } from './csv'
import { checkWorkbookZip, CorruptZip, FileTooLarge, SHEET_LIMITS } from './zip-limits'

/** A cell as read: text, a number, or a date (Excel date cells come back as dates, CSV ones as text). */
export type Cell = string | number | boolean | Date | null

/** One non-empty row; `row` is the number a person sees in Excel, `cells[0]` is column A. */
export interface SheetRow {
  row: number
  cells: Cell[]
}

export interface SheetTable {
  sheet: string
  rows: SheetRow[]
}

/** The file as a whole cannot be read (not a workbook, encrypted, old .xls); the message is for the office user. */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile'
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
// Old binary .xls and password-protected .xlsx are both OLE compound files.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b)

/** The sheets of an .xlsx or .csv file; which one it is comes from the bytes, the name only names a CSV's sheet. */
export async function readTables(bytes: Uint8Array, fileName: string): Promise<SheetTable[]> {
  if (startsWith(bytes, ZIP_MAGIC)) return readWorkbook(bytes)
  if (startsWith(bytes, OLE_MAGIC)) throw new UnreadableFile('无法读取：这是旧版 .xls 或加密的工作簿，请在 Excel 中另存为 .xlsx 或 .csv 后再导入')
  if (/\.xlsx$/i.test(fileName)) throw new UnreadableFile('无法读取：文件名为 .xlsx，但内容不是 Excel 工作簿')
  const records = parseCsv(decodeCsv(bytes))
  checkCsvSize(records)
  const rows = records
    .map((cells, i) => ({ row: i + 1, cells: cells as Cell[] }))
    .filter((r) => r.cells.some((c) => typeof c === 'string' && c.trim() !== ''))
  return [{ sheet: csvSheetName(fileName), rows }]
}

/** The same caps as a workbook's: a 1 MiB line of commas is a million cells. */
function checkCsvSize(records: string[][]) {
  if (records.length > SHEET_LIMITS.rows) throw new FileTooLarge('rows', `表格超过 ${SHEET_LIMITS.rows} 行，请分成几个文件导入`)
  let cells = 0
  for (const record of records) {
    let width = record.length
    while (width > 0 && record[width - 1]!.trim() === '') width--
    if (width > SHEET_LIMITS.columns) throw new FileTooLarge('columns', `表格超过 ${SHEET_LIMITS.columns} 列（第 ${width} 列有内容），请删去多余的列后再导入`)
    record.length = width
    cells += width
  }
  if (cells > SHEET_LIMITS.cells) throw new FileTooLarge('cells', `表格超过 ${SHEET_LIMITS.cells} 个单元格，请分成几个文件导入`)
}

/** Excel names a CSV's only sheet after the file. */
function csvSheetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  return base.replace(/\.[^.]*$/, '') || 'CSV'
}

/**
 * One workbook is read at a time per process: exceljs holds a whole workbook in memory and reads it in long
 * synchronous steps, so a dozen uploads at once would multiply the memory and queue every other request behind them.
 */
let workbookQueue: Promise<unknown> = Promise.resolve()

function readWorkbook(bytes: Uint8Array): Promise<SheetTable[]> {
  const turn = workbookQueue.then(() => readWorkbookNow(bytes))
  workbookQueue = turn.catch(() => {})
  return turn
}

async function readWorkbookNow(bytes: Uint8Array): Promise<SheetTable[]> {
  try {
    await checkWorkbookZip(bytes)
  } catch (error) {
    if (error instanceof CorruptZip) throw new UnreadableFile(`无法读取 Excel 工作簿：${error.message}`)
    throw error
  }
  // Loaded on demand: only an .xlsx upload pays for exceljs.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  } catch {
    // The library's own words ("Cannot read properties of undefined (reading 'col')") help nobody in an office.
    throw new UnreadableFile('无法读取 Excel 工作簿：文件已损坏或不是 Excel 保存的 .xlsx，请在 Excel 中另存为 .xlsx 或 .csv 后再导入')
  }
  const tables: SheetTable[] = []
  for (const sheet of workbook.worksheets) {
    // Hidden sheets hold lookup lists for drop-downs, not records.
    if (sheet.state !== 'visible') continue
    const rows: SheetRow[] = []
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = []
      // Only cells that exist: row.getCell(n) creates the cell, and a loop to the sheet's width built 16 384 per row.
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > SHEET_LIMITS.columns) throw new FileTooLarge('columns', `表格超过 ${SHEET_LIMITS.columns} 列（第 ${col} 列有内容），请删去多余的列后再导入`)
        // A merged cell reads as its top-left cell: the Zhejiang tables merge 支援医院 over its rows.
        cells[col - 1] = toCell(cell.isMerged ? cell.master.value : cell.value)
      })
      const dense = Array.from(cells, (c) => c ?? null)
      if (dense.some((c) => c !== null && String(c).trim() !== '')) rows.push({ row: rowNumber, cells: dense })
    })
    tables.push({ sheet: sheet.name, rows })
  }
  return tables
}

function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('hyperlink' in value) return toCell(value.text as CellValue)
  if ('formula' in value || 'sharedFormula' in value) return toCell((value as { result?: CellValue }).result ?? null)
  if ('error' in value) return null
  return null
}
