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

const TAG_TAIL = 400
const LT = 0x3c
const GT = 0x3e
const isNameByte = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39)
const isTagEnd = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === 0x2f
const encode = (s: string) => new TextEncoder().encode(s)
const ROW_NAME = encode('row')
const MERGE_NAME = encode('mergeCell')
const REF_ATTR = encode(' r="')
const MERGE_REF_ATTR = encode('ref="')

function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64
  return n
}

function startsAt(bytes: Uint8Array, at: number, name: Uint8Array): boolean {
  for (let k = 0; k < name.length; k++) if (bytes[at + k] !== name[k]) return false
  return true
}

/**
 * Counts a worksheet's rows, cells and merged area from its XML as it streams, and the far-right column. Byte by
 * byte from one '<' to the next (Uint8Array.indexOf), never decoding the text: a 100 000-row sheet costs ~10 ms.
 */
class SheetCounter {
  rows = 0
  cells = 0
  widest = 0
  private carry: Uint8Array = new Uint8Array(0)

  feed(chunk: Uint8Array | null) {
    let bytes = chunk ?? new Uint8Array(0)
    if (this.carry.length) {
      const joined = new Uint8Array(this.carry.length + bytes.length)
      joined.set(this.carry)
      joined.set(bytes, this.carry.length)
      bytes = joined
    }
    // A tag cut by the chunk's end begins at the last '<': keep it for the next chunk (a tag holds no '<').
    const cut = bytes.lastIndexOf(LT)
    const end = chunk && cut >= 0 && cut >= bytes.length - TAG_TAIL ? cut : bytes.length
    this.carry = end < bytes.length ? bytes.slice(end) : new Uint8Array(0)
    for (let at = bytes.indexOf(LT); at >= 0 && at < end; at = bytes.indexOf(LT, at + 1)) {
      // Closing tags and declarations count nothing.
      if (bytes[at + 1] === 0x2f || bytes[at + 1] === 0x3f || bytes[at + 1] === 0x21) continue
      let name = at + 1
      // A namespace prefix (x:c) is skipped.
      let k = name
      while (k < end && isNameByte(bytes[k]!)) k++
      if (bytes[k] === 0x3a) name = k + 1
      if (bytes[name] === 0x63 && isTagEnd(bytes[name + 1])) this.cell(bytes, name + 1, end)
      else if (startsAt(bytes, name, ROW_NAME) && isTagEnd(bytes[name + 3])) this.rows++
      else if (startsAt(bytes, name, MERGE_NAME) && isTagEnd(bytes[name + 9])) this.merge(bytes, name + 9, end)
    }
  }

  private tagEnd(bytes: Uint8Array, from: number, end: number) {
    const close = bytes.indexOf(GT, from)
    return close < 0 || close > end ? end : close
  }

  private attr(bytes: Uint8Array, from: number, to: number, attr: Uint8Array): string | null {
    for (let k = bytes.indexOf(attr[0]!, from); k >= 0 && k + attr.length <= to; k = bytes.indexOf(attr[0]!, k + 1)) {
      if (!startsAt(bytes, k, attr)) continue
      let v = k + attr.length
      let text = ''
      while (v < to && bytes[v] !== 0x22 && text.length < 32) text += String.fromCharCode(bytes[v++]!)
      return text
    }
    return null
  }

  private cell(bytes: Uint8Array, from: number, end: number) {
    this.cells++
    const ref = this.attr(bytes, from - 1, this.tagEnd(bytes, from, end), REF_ATTR)
    const letters = ref && /^[A-Z]+/.exec(ref)?.[0]
    if (letters) this.widest = Math.max(this.widest, columnNumber(letters))
  }

  private merge(bytes: Uint8Array, from: number, end: number) {
    const ref = this.attr(bytes, from, this.tagEnd(bytes, from, end), MERGE_REF_ATTR)
    const range = ref && /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)
    if (!range) return
    const [, c1, r1, c2, r2] = range
    this.widest = Math.max(this.widest, columnNumber(c1!), columnNumber(c2!))
    this.cells += (Math.abs(columnNumber(c2!) - columnNumber(c1!)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1)
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
      // More than the directory declared is a lie (a bomb dressed as a small file): no need to inflate the rest.
      if (inflated > entry.declaredSize) throw new CorruptZip(`文件已损坏（${entry.name} 解压后比目录中记录的大）`)
      if (total > SHEET_LIMITS.totalBytes) throw tooBigTotal()
      counter?.feed(chunk)
    }
    if (inflated !== entry.declaredSize) throw new CorruptZip(`文件已损坏（${entry.name} 解压后与目录中记录的大小不符）`)
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
