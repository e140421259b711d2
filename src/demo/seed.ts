import type { Db } from '../../db/client'
import { recordAudit } from '../../db/repositories/audit'
import { insertSuccessor } from '../../db/repositories/policy-successors'
import { tenantExists } from '../../db/repositories/tenants'
import { identities, orgs, people, postings, roleAssignments, supportPairs, tenantAccounts, tenants, type Role, type Title } from '../../db/schema'
import type { Clock } from '../domain/clock'
import { addDays } from '../time/days'
import { shanghaiDate } from '../time/shanghai'

export const DEMO_TENANT = 'demo'
/** The Feishu workspace (tenant_key) the demo tenant answers, and its users' open_ids: `ou_demo_<handle>`. */
export const DEMO_FEISHU_TENANT_KEY = 'demo-feishu-tenant'
export const demoFeishuOpenId = (handle: string) => `ou_demo_${handle}`
/** The WeCom corp the demo tenant answers; its members' userids are their handles. */
export const DEMO_WECOM_CORP_ID = 'ww_demo_corp'

interface DemoPerson {
  handle: string
  name: string
  title: Title | null
  employer: 'commission' | 'city' | 'county' | 'township'
  roles: { role: Role; org: 'commission' | 'city' | 'county' | 'township' }[]
}

/** Console handles of the demo people; the Chinese name works as a handle too. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { handle: 'sunzhuren', name: '孙主任', title: null, employer: 'commission', roles: [{ role: 'office', org: 'commission' }] },
  { handle: 'liyuanzhang', name: '李院长', title: 'senior', employer: 'city', roles: [{ role: 'director', org: 'city' }] },
  { handle: 'zhaoyuanzhang', name: '赵院长', title: 'senior', employer: 'county', roles: [{ role: 'director', org: 'county' }, { role: 'approver', org: 'county' }] },
  { handle: 'qianyuanzhang', name: '钱院长', title: 'associateSenior', employer: 'township', roles: [{ role: 'director', org: 'township' }, { role: 'approver', org: 'township' }] },
  { handle: 'zhangwei', name: '张伟', title: 'intermediate', employer: 'city', roles: [{ role: 'doctor', org: 'city' }] },
  { handle: 'wangfang', name: '王芳', title: 'associateSenior', employer: 'city', roles: [{ role: 'doctor', org: 'city' }] },
  { handle: 'liuyang', name: '刘洋', title: 'intermediate', employer: 'county', roles: [{ role: 'doctor', org: 'county' }] },
]

/** The demo's successor for the Henan pack: labelled as demo data in its document number, so nobody takes it for a notice. */
export const DEMO_SUCCESSOR = {
  policyId: 'henan-2015',
  document: '演示数据（非真实文件）',
  title: '演示：假定河南省城乡医院对口支援各项规定继续实施',
  issuedOn: null,
  fromDay: '2021-01-01',
  untilDay: null,
  clause: '演示',
  quote: '演示数据，非真实文件：假定豫卫发〔2015〕2号各项规定自2021年1月1日起继续实施',
  programmes: null,
  overrides: null,
}

function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.toISOString().slice(0, 10)
}

/**
 * Loads a small, self-consistent demo: a provincial commission, a city hospital supporting a county hospital and a
 * township health centre, their directors, an office user and three doctors on postings that are running today.
 * Does nothing when the demo tenant exists already.
 */
export async function seedDemo(db: Db, clock: Clock, options: { chatAccounts?: boolean } = {}): Promise<{ created: boolean }> {
  // Made-up Feishu/WeCom accounts let the tests speak as the demo people on those platforms; a console-only demo
  // leaves them out, so that notices wait in the console inbox instead of going to accounts nobody reads.
  const chatAccounts = options.chatAccounts ?? true
  const today = shanghaiDate(clock.now())
  return db.transaction(async (tx) => {
    if (await tenantExists(tx, DEMO_TENANT)) return { created: false }
    const tenantId = DEMO_TENANT
    await tx.insert(tenants).values({ id: tenantId, name: '演示：河南省城乡对口支援', createdAt: clock.now() })
    await tx.insert(tenantAccounts).values({ platform: 'feishu', externalKey: DEMO_FEISHU_TENANT_KEY, tenantId })
    await tx.insert(tenantAccounts).values({ platform: 'wecom', externalKey: DEMO_WECOM_CORP_ID, tenantId })
    const [commission] = await tx
      .insert(orgs)
      .values({ tenantId, name: '河南省卫生健康委员会（演示）', level: 'commission', kind: 'commission', region: '河南省' })
      .returning()
    const insertOrg = async (values: Omit<typeof orgs.$inferInsert, 'tenantId'>) =>
      (await tx.insert(orgs).values({ tenantId, ...values }).returning())[0]!
    const org = {
      commission: commission!,
      city: await insertOrg({ name: '示范市第一人民医院', level: 'tertiary', kind: 'general', parentId: commission!.id, region: '示范市', latitude: 34.7466, longitude: 113.6254 }),
      county: await insertOrg({ name: '示范县人民医院', level: 'county', kind: 'general', parentId: commission!.id, region: '示范市示范县', latitude: 34.5213, longitude: 113.8562 }),
      township: await insertOrg({ name: '示范县城关镇卫生院', level: 'township', kind: 'general', parentId: commission!.id, region: '示范市示范县城关镇', latitude: 34.5321, longitude: 113.8777 }),
    }

    const personIds = new Map<string, string>()
    for (const p of DEMO_PEOPLE) {
      const [person] = await tx
        .insert(people)
        .values({ tenantId, name: p.name, title: p.title, licence: p.title ? 'physician' : null, employerOrgId: org[p.employer].id })
        .returning()
      personIds.set(p.handle, person!.id)
      await tx.insert(identities).values([
        { tenantId, platform: 'console', externalId: p.handle, personId: person!.id },
        { tenantId, platform: 'console', externalId: p.name, personId: person!.id },
        ...(chatAccounts
          ? [
              { tenantId, platform: 'feishu' as const, externalId: demoFeishuOpenId(p.handle), personId: person!.id },
              { tenantId, platform: 'wecom' as const, externalId: p.handle, personId: person!.id },
            ]
          : []),
      ])
      for (const r of p.roles) await tx.insert(roleAssignments).values({ tenantId, personId: person!.id, role: r.role, orgId: org[r.org].id })
    }

    const cycleStart = addDays(today, -90)
    const cycleEnd = addDays(addMonths(cycleStart, 36), -1)
    const pair = async (from: keyof typeof org, to: keyof typeof org, policyId: string) =>
      (await tx
        .insert(supportPairs)
        .values({ tenantId, supportingOrgId: org[from].id, receivingOrgId: org[to].id, policyId, startsOn: cycleStart, endsOn: cycleEnd })
        .returning())[0]!
    const cityToCounty = await pair('city', 'county', 'henan-2015')
    const cityToTownship = await pair('city', 'township', 'henan-2015')
    const countyToTownship = await pair('county', 'township', 'yantai-2024')

    const startedOn = addDays(today, -30)
    await tx.insert(postings).values([
      posting('zhangwei', cityToCounty, startedOn, addDays(addMonths(startedOn, 6), -1)),
      posting('wangfang', cityToTownship, startedOn, addDays(addMonths(startedOn, 6), -1)),
      posting('liuyang', countyToTownship, startedOn, addDays(addMonths(startedOn, 12), -1)),
    ])
    // 豫卫发〔2015〕2号 ran to 2020-12-31; so that the demo's Henan doctors are judged today, the demo continues it with
    // a successor that is plainly not a real document.
    const successor = await insertSuccessor(tx, { tenantId, ...DEMO_SUCCESSOR })
    await recordAudit(tx, { tenantId, actorPersonId: null, actorLabel: '演示数据', action: 'policy_successor.entered', entity: 'policy_successor', entityId: successor.id, before: null, after: successor, at: clock.now() })
    return { created: true }

    function posting(handle: string, p: typeof cityToCounty, startsOn: string, endsOn: string) {
      return {
        // Yantai's county-to-township support is done by teams (组团式); Henan's by resident doctors.
        mode: p.policyId === 'yantai-2024' ? 'team' : 'resident',
        tenantId,
        personId: personIds.get(handle)!,
        supportPairId: p.id,
        supportingOrgId: p.supportingOrgId,
        receivingOrgId: p.receivingOrgId,
        policyId: p.policyId,
        startsOn,
        endsOn,
      }
    }
  })
}
