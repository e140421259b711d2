import { headerKey, matchHeaders } from './cells'
import { readRoster, type Roster, ROSTER_HEADERS } from './roster'
import { readTables, type SheetTable, UnreadableFile } from './table'
import type { ImportKind, RowError } from './types'
import { readZhejiangPairs, ZHEJIANG_HEADERS, type ZhejiangPair } from './zhejiang-pairs'

export type ParsedFile =
  | { kind: 'zhejiang-pairs'; pairs: ZhejiangPair[]; errors: RowError[] }
  | { kind: 'roster'; roster: Roster; errors: RowError[] }

const emptyRoster = (): Roster => ({ orgs: [], people: [], pairs: [], postings: [] })

/**
 * Reads an .xlsx or .csv into typed rows of the given shape (or the one its headers suggest). Pure: bytes in, rows
 * and row errors out; nothing here looks at the database.
 */
export async function parseImportFile(bytes: Uint8Array, fileName: string, kind?: ImportKind): Promise<ParsedFile> {
  let tables: SheetTable[]
  try {
    tables = await readTables(bytes, fileName)
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error
    const errors = [{ sheet: fileName, row: null, reason: error.message }]
    return kind === 'zhejiang-pairs' ? { kind, pairs: [], errors } : { kind: 'roster', roster: emptyRoster(), errors }
  }
  const shape = kind ?? detectKind(tables)
  const empty = tables.every((t) => t.rows.length === 0) ? [{ sheet: fileName, row: null, reason: '文件中没有数据' }] : []
  if (shape === 'zhejiang-pairs') {
    const { pairs, errors } = readZhejiangPairs(tables)
    return { kind: shape, pairs, errors: [...empty, ...errors] }
  }
  const { roster, errors } = readRoster(tables)
  return { kind: shape, roster, errors: [...empty, ...errors] }
}

const ROSTER_ONLY = [...ROSTER_HEADERS.pairs.policy, ...ROSTER_HEADERS.pairs.startsOn, '姓名', '名称']

/**
 * The shape a file's headers suggest: a 支援医院/受援医院 table without 政策 or dates is a Zhejiang list (its
 * 支援数 and 地区 columns are optional); anything else is a roster.
 */
export function detectKind(tables: SheetTable[]): ImportKind {
  for (const table of tables) {
    for (const { cells } of table.rows.slice(0, 10)) {
      const found = matchHeaders(cells, ZHEJIANG_HEADERS)
      if (found.supporting === undefined || found.receiving === undefined) continue
      const keys = cells.map(headerKey)
      return ROSTER_ONLY.some((h) => keys.includes(headerKey(h))) ? 'roster' : 'zhejiang-pairs'
    }
  }
  return 'roster'
}
