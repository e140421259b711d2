import { z } from 'zod'
import { AnyCell, cellText, matchHeaders, optionalText, reasonOf, requiredText } from './cells'
import type { SheetTable } from './table'
import type { RowError } from './types'

/** Column headers of the Zhejiang 附件1/附件2 tables, with what offices write instead. */
export const ZHEJIANG_HEADERS = {
  region: ['地区', '所在市', '市', '地市', '设区市', '所属地区'],
  supporting: ['支援医院', '支援单位'],
  count: ['支援数'],
  receiving: ['受援医院', '受援单位'],
}

/** One 支援医院 → 受援医院 line of a Zhejiang table. */
export const ZhejiangPair = z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** The table's title row (e.g. “18家省级医院（含部队医院）对口支援关系表”), which says what kind of hospitals support. */
  title: z.string().nullable(),
  region: z.string().nullable(),
  supporting: z.string().min(1),
  receiving: z.string().min(1),
})
export type ZhejiangPair = z.infer<typeof ZhejiangPair>

const PairCells = z.object({
  region: optionalText,
  supporting: requiredText('支援医院'),
  receiving: requiredText('受援医院'),
  count: AnyCell.transform((cell, ctx) => {
    const text = cellText(cell)
    if (!text) return undefined
    if (!/^\d+$/.test(text) || Number(text) < 1) ctx.addIssue({ code: 'custom', message: `支援数“${text}”应为正整数` })
    return Number(text)
  }),
})

/** How many rows from the top a header may sit below titles and notes. */
const HEADER_SEARCH_ROWS = 10

interface Line {
  pair: ZhejiangPair
  count: number | undefined
}

/**
 * Reads the Zhejiang tables: a title, a header row, then one line per receiving hospital. A blank 支援医院 or 地区
 * continues the line above (the published tables merge them over their rows). 支援数 is checked against the lines
 * counted for the hospital: either each line's running number (1, 2, 3 … as printed) or, merged, the total.
 */
export function readZhejiangPairs(tables: SheetTable[]): { pairs: ZhejiangPair[]; errors: RowError[] } {
  const pairs: ZhejiangPair[] = []
  const errors: RowError[] = []
  const seen = new Map<string, { sheet: string; row: number }>()
  for (const table of tables) {
    const headerIndex = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => {
      const found = matchHeaders(r.cells, ZHEJIANG_HEADERS)
      return found.supporting !== undefined && found.receiving !== undefined
    })
    if (headerIndex < 0) {
      if (table.rows.length > 0) errors.push({ sheet: table.sheet, row: null, reason: '未找到表头：应有“支援医院”和“受援医院”两列（可另有“支援数”“地区”）' })
      continue
    }
    const columns = matchHeaders(table.rows[headerIndex]!.cells, ZHEJIANG_HEADERS)
    const title = table.rows.slice(0, headerIndex).map((r) => r.cells.map(cellText).find(Boolean)).find(Boolean) ?? null
    let region: string | undefined
    let group: Line[] = []
    const closeGroup = () => {
      errors.push(...checkCounts(group))
      group = []
    }
    for (const { row, cells } of table.rows.slice(headerIndex + 1)) {
      const cell = (i: number | undefined) => (i === undefined ? undefined : cells[i])
      const supportingText = cellText(cell(columns.supporting))
      const regionText = cellText(cell(columns.region))
      const continuing = supportingText === '' || supportingText === group[0]?.pair.supporting
      if (!continuing || regionText && regionText !== region) closeGroup()
      if (regionText) region = regionText
      const parsed = PairCells.safeParse({
        region,
        supporting: supportingText || group[0]?.pair.supporting,
        receiving: cell(columns.receiving),
        count: cell(columns.count),
      })
      if (!parsed.success) {
        errors.push({ sheet: table.sheet, row, reason: reasonOf(parsed.error) })
        continue
      }
      const { supporting, receiving, count } = parsed.data
      const pair: ZhejiangPair = { sheet: table.sheet, row, title, region: parsed.data.region ?? null, supporting, receiving }
      group.push({ pair, count })
      const key = `${supporting}\u0000${receiving}`
      const first = seen.get(key)
      if (supporting === receiving) errors.push({ sheet: table.sheet, row, reason: `支援医院与受援医院相同：“${supporting}”` })
      else if (first) errors.push({ sheet: table.sheet, row, reason: `重复的对口关系“${supporting} → ${receiving}”，已在${where(first, table.sheet)}列出` })
      else {
        seen.set(key, { sheet: table.sheet, row })
        pairs.push(pair)
      }
    }
    closeGroup()
  }
  return { pairs, errors }
}

function where(at: { sheet: string; row: number }, sheet: string): string {
  return at.sheet === sheet ? `第 ${at.row} 行` : `“${at.sheet}”第 ${at.row} 行`
}

function checkCounts(group: Line[]): RowError[] {
  const n = group.length
  const stated = group.filter((l) => l.count !== undefined)
  // Merged over the hospital's rows, 支援数 reads as the total on every row.
  if (stated.length > 0 && group[0]!.count === n && stated.every((l) => l.count === n)) return []
  return group.flatMap((line, i) =>
    line.count === undefined || line.count === i + 1
      ? []
      : [{ sheet: line.pair.sheet, row: line.pair.row, reason: `支援数为 ${line.count}，但这是“${line.pair.supporting}”列出的第 ${i + 1} 家受援医院（共 ${n} 家）` }],
  )
}
