import type { CreditRules } from '../../credit/types'

/** The text ties no promotion to service (三(三)1 only makes the tasks part of each person's yearly assessment). */
export const ZHEJIANG_CREDIT: CreditRules = { records: [], notes: [] }
