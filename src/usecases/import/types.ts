import { z } from 'zod'

/** The two shapes of file an office imports. */
export const ImportKind = z.enum(['zhejiang-pairs', 'roster'])
export type ImportKind = z.infer<typeof ImportKind>

/** Why a row (or, with `row: null`, a whole sheet or file) cannot be imported; `row` is the number Excel shows. */
export interface RowError {
  sheet: string
  row: number | null
  reason: string
}

/** Where a plan item comes from, so a person can find the line in the file. */
export interface RowSource {
  sheet: string
  row: number
}
