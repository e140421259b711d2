/**
 * Caps on what reading a spreadsheet may cost, checked on the zip before exceljs sees it: exceljs builds every cell,
 * merged range and string of a workbook in memory, so a 12 KB file with one cell in column XFD, or a 390 KB zip that
 * inflates to 400 MB, once took the server down. Each cap is far above any real office file (a 1 MiB upload).
 */
export const SHEET_LIMITS = {
  /** Inflated bytes of one zip entry, as declared and as actually inflated. */
  entryBytes: 20 * 1024 * 1024,
  /** Inflated bytes of all entries together. */
  totalBytes: 40 * 1024 * 1024,
  entries: 1_000,
  columns: 200,
  rows: 100_000,
  /** Cells over all sheets, counting every cell a merged range covers. */
  cells: 200_000,
} as const

/** Reading the file would cost more than a cap allows; the message names the cap, for the office user. */
export class FileTooLarge extends Error {
  override name = 'FileTooLarge'
  constructor(
    readonly limit: keyof typeof SHEET_LIMITS,
    message: string,
  ) {
    super(message)
  }
}

/** The zip is broken; the message is for the office user, never the library's. */
export class CorruptZip extends Error {
  override name = 'CorruptZip'
}

const MB = 1024 * 1024
const mb = (n: number) => `${Math.round(n / MB)} MB`

interface Entry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  localOffset: number
}

/** The central directory's entries (zip64 and multi-disk archives are not something Excel writes for 1 MiB). */
function entriesOf(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new CorruptZip('文件已损坏（不是完整的 .xlsx）')
  const count = view.getUint16(eocd + 10, true)
  const cdOffset = view.getUint32(eocd + 16, true)
  if (count > SHEET_LIMITS.entries) throw new FileTooLarge('entries', `工作簿内部文件超过 ${SHEET_LIMITS.entries} 个，无法读取`)
  const entries: Entry[] = []
  let at = cdOffset
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new CorruptZip('文件已损坏（目录不完整）')
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    })
    at += 46 + skip
  }
  return entries
}

function dataOf(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new CorruptZip('文件已损坏（内容不完整）')
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  if (start + entry.compressedSize > bytes.length) throw new CorruptZip('文件已损坏（内容被截断）')
  return bytes.subarray(start, start + entry.compressedSize)
}

/** Inflates in chunks (on the thread pool, not the event loop); the caller stops reading once a cap is passed. */
async function* inflate(data: Uint8Array, method: number): AsyncGenerator<Uint8Array> {
  if (method === 0) {
    yield data
    return
  }
  if (method !== 8) throw new CorruptZip('文件使用了不支持的压缩方式，请在 Excel 中另存为 .xlsx')
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader()
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>
      try {
        chunk = await reader.read()
      } catch {
        throw new CorruptZip('文件已损坏（无法解压）')
      }
      if (chunk.done) return
      yield chunk.value
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
}

const CELL = /<(?:\w+:)?c(?=[\s>/])([^>]*)>?/g
const ROW = /<(?:\w+:)?row(?=[\s>/])/g
const MERGE = /<(?:\w+:)?mergeCell\s[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g
const CELL_REF = /\br="([A-Z]+)\d+"/
const TAG_TAIL = 400

function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64
  return n
}

/** Counts a worksheet's rows, cells and merged area from its XML as it streams, the far-right column too. */
class SheetCounter {
  rows = 0
  cells = 0
  widest = 0
  private carry = ''
  private readonly decoder = new TextDecoder()

  feed(chunk: Uint8Array | null) {
    const text = this.carry + (chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode())
    // A tag cut by the chunk's end begins at the last '<': keep it for the next chunk (a tag holds no '<').
    const cut = text.lastIndexOf('<')
    const whole = chunk && cut >= text.length - TAG_TAIL ? text.slice(0, cut) : text
    this.carry = whole.length === text.length ? '' : text.slice(cut)
    for (const [, attrs] of whole.matchAll(CELL)) {
      this.cells++
      const ref = CELL_REF.exec(attrs ?? '')
      if (ref) this.widest = Math.max(this.widest, columnNumber(ref[1]!))
    }
    this.rows += whole.match(ROW)?.length ?? 0
    for (const [, c1, r1, c2, r2] of whole.matchAll(MERGE)) {
      if (!c2) continue
      const width = Math.abs(columnNumber(c2) - columnNumber(c1!)) + 1
      const height = Math.abs(Number(r2) - Number(r1)) + 1
      this.widest = Math.max(this.widest, columnNumber(c1!), columnNumber(c2))
      this.cells += width * height
    }
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i

/**
 * Throws FileTooLarge or CorruptZip unless every entry's declared and inflated size, and every sheet's columns, rows
 * and cells, are within SHEET_LIMITS. Nothing inflated is kept: only counted.
 */
export async function checkWorkbookZip(bytes: Uint8Array): Promise<void> {
  const entries = entriesOf(bytes)
  let total = 0
  let rows = 0
  let cells = 0
  for (const entry of entries) {
    if (entry.declaredSize > SHEET_LIMITS.entryBytes) throw tooBig(entry.name)
    total += entry.declaredSize
    if (total > SHEET_LIMITS.totalBytes) throw tooBigTotal()
  }
  total = 0
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    const counter = WORKSHEET.test(entry.name) ? new SheetCounter() : null
    let inflated = 0
    for await (const chunk of inflate(dataOf(bytes, entry), entry.method)) {
      inflated += chunk.byteLength
      total += chunk.byteLength
      if (inflated > SHEET_LIMITS.entryBytes) throw tooBig(entry.name)
      if (total > SHEET_LIMITS.totalBytes) throw tooBigTotal()
      counter?.feed(chunk)
    }
    if (!counter) continue
    counter.feed(null)
    rows += counter.rows
    cells += counter.cells
    if (counter.widest > SHEET_LIMITS.columns) throw new FileTooLarge('columns', `表格超过 ${SHEET_LIMITS.columns} 列（第 ${counter.widest} 列有内容），请删去多余的列后再导入`)
    if (rows > SHEET_LIMITS.rows) throw new FileTooLarge('rows', `表格超过 ${SHEET_LIMITS.rows} 行，请分成几个文件导入`)
    if (cells > SHEET_LIMITS.cells) throw new FileTooLarge('cells', `表格超过 ${SHEET_LIMITS.cells} 个单元格（含合并单元格覆盖的），请分成几个文件导入`)
  }
}

const tooBig = (name: string) => new FileTooLarge('entryBytes', `工作簿中的 ${name} 解压后超过 ${mb(SHEET_LIMITS.entryBytes)}，无法读取`)
const tooBigTotal = () => new FileTooLarge('totalBytes', `工作簿解压后超过 ${mb(SHEET_LIMITS.totalBytes)}，无法读取`)
