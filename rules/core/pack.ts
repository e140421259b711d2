import type { IsoDate } from './parameter'

export const POLICY_IDS = ['henan-2015', 'sichuan-2017', 'zhejiang-2014', 'changchun-2011', 'yantai-2024'] as const
export type PolicyId = (typeof POLICY_IDS)[number]

/** A policy document as a pack of dated, cited rules; `textFile` names its text in rules/texts/. */
export interface PolicyMeta {
  id: PolicyId
  document: string
  title: string
  shortName: string
  jurisdiction: string
  issuedOn: IsoDate | null
  textFile: string
}
