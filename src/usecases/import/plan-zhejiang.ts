import type { OrgKind, OrgLevel } from '../../../db/schema'
import { pairKey, type PlanItem } from './plan-types'
import { policyCycle } from './policy-cycle'
import type { RowError } from './types'
import type { World } from './world'
import type { ZhejiangPair } from './zhejiang-pairs'

export const ZHEJIANG_POLICY = 'zhejiang-2014'

/**
 * The 类别 a hospital's name shows. The tables state no 类别 or 层级; a roster's 单位 sheet corrects any guess, and
 * a later Zhejiang import never overwrites what is stored.
 */
export function kindFromName(name: string): OrgKind {
  if (/中医|中西医/.test(name)) return 'tcm'
  if (/妇幼|妇产|儿童|妇女/.test(name)) return 'maternalChild'
  if (/疾控|疾病预防控制/.test(name)) return 'cdc'
  if (/口腔|眼|精神|肿瘤|康宁|传染|结核|皮肤/.test(name)) return 'other'
  return 'general'
}

// 三(一): supporting hospitals are 城市三级医院; receiving ones are 县级医院, though 附件2 lists a few 卫生院.
const SUPPORTING_LEVEL: OrgLevel = 'tertiary'
const receivingLevel = (name: string): OrgLevel => (/卫生院/.test(name) ? 'township' : 'county')

/**
 * Plans a Zhejiang list: each hospital missing from the tenant is created, each pair missing is created under
 * zhejiang-2014 with the text's cycle. Stored orgs and pairs keep their values; only a blank 地区 is filled in.
 */
export function planZhejiang(world: World, rows: ZhejiangPair[], out: { plan: PlanItem[]; errors: RowError[] }): void {
  const orgItems: PlanItem[] = []
  const pairItems: PlanItem[] = []
  const cycle = policyCycle(ZHEJIANG_POLICY)
  const ensureOrg = (row: ZhejiangPair, name: string, level: OrgLevel, region: string | null) => {
    const found = world.orgs.get(name)
    if (found && found.length > 1) {
      out.errors.push({ sheet: row.sheet, row: row.row, reason: `系统中有 ${found.length} 个名为“${name}”的单位，无法确定是哪一个` })
      return false
    }
    const source = { sheet: row.sheet, row: row.row }
    if (!found?.[0]) {
      const values = { level, kind: kindFromName(name), parent: null, region }
      world.addOrg(name, values)
      orgItems.push({ entity: 'org', action: 'create', key: { name }, before: null, after: values, source })
    } else if (region && !found[0].values.region) {
      if (found[0].id) orgItems.push({ entity: 'org', action: 'update', id: found[0].id, key: { name }, before: { region: null }, after: { region }, source })
      found[0].values.region = region
    }
    return true
  }
  for (const row of rows) {
    // 地区 is the city whose hospitals support (附件2 各市); a receiving hospital may lie in another city.
    const ok = [ensureOrg(row, row.supporting, SUPPORTING_LEVEL, row.region), ensureOrg(row, row.receiving, receivingLevel(row.receiving), null)]
    if (ok.includes(false)) continue
    const key = { supporting: row.supporting, receiving: row.receiving, policyId: ZHEJIANG_POLICY }
    if (world.pairs.get(pairKey(key))?.length) continue
    const values = { startsOn: cycle.startsOn, endsOn: cycle.endsOn, programme: cycle.programme }
    world.addPair(key, values)
    pairItems.push({ entity: 'supportPair', action: 'create', key, before: null, after: values, source: { sheet: row.sheet, row: row.row }, basis: cycle.basis })
  }
  out.plan.push(...orgItems, ...pairItems)
}
