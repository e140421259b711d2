import type { ServiceKind } from './types'

/** Service kinds as a Chinese reply names them. */
export const SERVICE_KIND_TEXT: Record<ServiceKind, string> = {
  counterpartSupport: '对口支援',
  aidForeign: '援外',
  aidTibet: '援藏',
  aidXinjiang: '援疆',
  povertyAlleviation: '扶贫',
  otherAid: '其他援助工作',
}
