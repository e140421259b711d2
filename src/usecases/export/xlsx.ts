import { AsciiBuffer } from './ascii-buffer'
import { zip } from './zip-archive'

export type XlsxCell = string | number | null

export interface XlsxSheet {
  name: string
  /** Row 0 is the header: bold, shaded, centred, frozen and filtered. */
  rows: XlsxCell[][]
  /** Column widths in Excel's character units. */
  widths: number[]
  /** Columns frozen at the left, besides the header row. */
  frozenColumns: number
  /** Number format codes by column index, e.g. `0.0"%"`. */
  numberFormats?: Record<number, string>
}

export interface XlsxBook {
  title: string
  creator: string
  created: Date
  sheets: XlsxSheet[]
}

/**
 * A SpreadsheetML (.xlsx) file of plain sheets: strings and numbers, a styled frozen header with a filter, column
 * widths and number formats. It writes the XML itself and deflates it with zlib (Node, and Workers with
 * nodejs_compat), because a general workbook library builds an object per cell and deflates in JavaScript — seconds
 * for a province's month, where this takes a fraction of one.
 */
export function writeXlsx(book: XlsxBook): Uint8Array {
  const strings = new SharedStrings()
  const styles = new Styles()
  const sheets = book.sheets.map((sheet) => sheetXml(sheet, strings, styles))
  const n = book.sheets.length
  const parts: [string, string | Uint8Array][] = [
    ['[Content_Types].xml', contentTypes(n)],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', coreProperties(book)],
    ['docProps/app.xml', APP_PROPERTIES],
    ['xl/workbook.xml', workbookXml(book.sheets)],
    ['xl/_rels/workbook.xml.rels', workbookRels(n)],
    ['xl/styles.xml', styles.xml()],
    ['xl/sharedStrings.xml', strings.xml()],
    ...sheets.map((xml, i): [string, Uint8Array] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ]
  return zip(parts, book.created)
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'

// XML 1.0 cannot carry these characters at all, escaped or not; user text (report fields, audit JSON) may hold them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => ESCAPES[c]!)
}

/** A, B, …, Z, AA, … for a zero-based column index. */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

class SharedStrings {
  private readonly index = new Map<string, number>()
  private count = 0

  id(text: string): number {
    this.count++
    let id = this.index.get(text)
    if (id === undefined) this.index.set(text, (id = this.index.size))
    return id
  }

  xml(): string {
    const items: string[] = []
    for (const text of this.index.keys()) items.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`)
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.index.size}">${items.join('')}</sst>`
  }
}

/** Cell formats: 0 plain, 1 the header, then one per distinct number format. */
class Styles {
  static readonly HEADER = 1
  private readonly formats = new Map<string, number>()

  numberFormat(code: string): number {
    let style = this.formats.get(code)
    if (style === undefined) this.formats.set(code, (style = 2 + this.formats.size))
    return style
  }

  xml(): string {
    const codes = [...this.formats.keys()]
    // Custom number formats are numbered from 164; lower ids are Excel's built-in ones.
    const numFmts = codes.length
      ? `<numFmts count="${codes.length}">${codes.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>`
      : ''
    const formatXfs = codes.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${numFmts}` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${2 + codes.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>' +
      `${formatXfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )
  }
}

/**
 * A sheet's XML as bytes, written into one buffer. Every cell's text goes to the shared strings, so what is left is
 * ASCII; building it as strings made a rope of millions of pieces that the garbage collector copied and the encoder
 * flattened, which for a province's month cost more than the rest of the export.
 */
function sheetXml(sheet: XlsxSheet, strings: SharedStrings, styles: Styles): Uint8Array {
  const width = sheet.rows.reduce((most, row) => Math.max(most, row.length), Math.max(1, sheet.widths.length))
  const names = Array.from({ length: width }, (_, i) => columnName(i))
  const columnStyle = names.map((_, i) => {
    const code = sheet.numberFormats?.[i]
    return code === undefined ? 0 : styles.numberFormat(code)
  })
  const lastColumn = names[width - 1]!
  const lastRow = Math.max(1, sheet.rows.length)
  const cols = names
    .map((_, i) => {
      const w = sheet.widths[i]
      const style = columnStyle[i] ? ` style="${columnStyle[i]}"` : ''
      return w === undefined && !style ? '' : `<col min="${i + 1}" max="${i + 1}" width="${w ?? 9}"${w === undefined ? '' : ' customWidth="1"'}${style}/>`
    })
    .join('')
  const x = sheet.frozenColumns
  const pane = x
    ? `<pane xSplit="${x}" ySplit="1" topLeftCell="${columnName(x)}2" activePane="bottomRight" state="frozen"/><selection pane="bottomRight"/>`
    : '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'

  const out = new AsciiBuffer()
  out.text(
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<dimension ref="A1:${lastColumn}${lastRow}"/>` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>',
  )
  // Each cell is `<c r="` column row `"` style type `><v>` value `</v></c>`; all but the row and the value are fixed
  // per column, so they are encoded once.
  const cellStart = names.map((name) => ascii(`<c r="${name}`))
  const attributes = (style: number, type: string) => ascii(`"${style ? ` s="${style}"` : ''}${type}><v>`)
  const bodyNumber = columnStyle.map((style) => attributes(style, ''))
  const bodyString = columnStyle.map((style) => attributes(style, ' t="s"'))
  const headerNumber = attributes(Styles.HEADER, '')
  const headerString = attributes(Styles.HEADER, ' t="s"')
  const cellEnd = ascii('</v></c>')
  const rowEnd = ascii('</row>')

  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!
    const header = r === 0
    const n = r + 1
    const rowNumber = ascii(String(n))
    if (header) out.text(`<row r="1" s="${Styles.HEADER}" customFormat="1">`)
    else {
      out.text('<row r="')
      out.bytes(rowNumber)
      out.text('">')
    }
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c]
      if (value === null || value === undefined || value === '') continue
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) continue
        out.bytes(cellStart[c]!)
        out.bytes(rowNumber)
        out.bytes(header ? headerNumber : bodyNumber[c]!)
        out.number(value)
      } else {
        out.bytes(cellStart[c]!)
        out.bytes(rowNumber)
        out.bytes(header ? headerString : bodyString[c]!)
        out.integer(strings.id(value))
      }
      out.bytes(cellEnd)
    }
    out.bytes(rowEnd)
  }
  out.text(`</sheetData><autoFilter ref="${filterRange(sheet)}"/></worksheet>`)
  return out.result()
}

const encoder = new TextEncoder()
const ascii = (text: string) => encoder.encode(text)

function filterRange(sheet: XlsxSheet): string {
  return `A1:${columnName(Math.max(1, sheet.rows[0]?.length ?? 1) - 1)}1`
}

function workbookXml(sheets: XlsxSheet[]): string {
  const entries = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
  // Excel keeps each sheet's filter range as this hidden name and repairs a file whose filter lacks it.
  const filters = sheets
    .map((s, i) => {
      const [from, to] = filterRange(s).split(':') as [string, string]
      const absolute = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(s.name.replace(/'/g, "''"))}'!${absolute(from)}:${absolute(to)}</definedName>`
    })
    .join('')
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>${entries}</sheets><definedNames>${filters}</definedNames></workbook>`
}

function workbookRels(sheetCount: number): string {
  const rel = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${REL_NS}/${type}" Target="${target}"/>`
  const sheets = Array.from({ length: sheetCount }, (_, i) => rel(i + 1, 'worksheet', `worksheets/sheet${i + 1}.xml`))
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${sheets.join('')}${rel(sheetCount + 1, 'styles', 'styles.xml')}${rel(sheetCount + 2, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`
}

function contentTypes(sheetCount: number): string {
  const type = (part: string, kind: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-${kind}"/>`
  const sheets = Array.from({ length: sheetCount }, (_, i) => type(`/xl/worksheets/sheet${i + 1}.xml`, 'officedocument.spreadsheetml.worksheet+xml'))
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    type('/xl/workbook.xml', 'officedocument.spreadsheetml.sheet.main+xml') +
    sheets.join('') +
    type('/xl/styles.xml', 'officedocument.spreadsheetml.styles+xml') +
    type('/xl/sharedStrings.xml', 'officedocument.spreadsheetml.sharedStrings+xml') +
    type('/docProps/core.xml', 'package.core-properties+xml') +
    type('/docProps/app.xml', 'officedocument.extended-properties+xml') +
    '</Types>'
  )
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PACKAGE_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`

const APP_PROPERTIES = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>duikou</Application></Properties>`

function coreProperties(book: XlsxBook): string {
  const when = book.created.toISOString().replace(/\.\d{3}Z$/, 'Z')
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(book.title)}</dc:title><dc:creator>${escapeXml(book.creator)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  )
}
