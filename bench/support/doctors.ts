import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { identities, orgs, people, postings, supportPairs } from '../../db/schema'
import { DEMO_TENANT, seedDemo } from '../../src/demo/seed'
import type { Clock } from '../../src/domain/clock'
import { dates } from '../../rules'
import { addDays } from '../../src/time/days'
import { shanghaiDate } from '../../src/time/shanghai'

export const benchOpenId = (i: number) => `ou_bench_${i}`

/** The demo tenant plus `count` dispatched doctors, each with a Feishu account and a posting running today. */
export async function seedDoctors(db: Db, clock: Clock, count: number): Promise<void> {
  await seedDemo(db, clock)
  // The demo's city-to-county pair, by name: a database may hold other Henan pairs too (the tests' month fixture does).
  const [city] = await db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.tenantId, DEMO_TENANT), eq(orgs.name, '示范市第一人民医院')))
  const [county] = await db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.tenantId, DEMO_TENANT), eq(orgs.name, '示范县人民医院')))
  const [pair] = await db
    .select()
    .from(supportPairs)
    .where(and(eq(supportPairs.tenantId, DEMO_TENANT), eq(supportPairs.supportingOrgId, city!.id), eq(supportPairs.receivingOrgId, county!.id)))
  const startsOn = addDays(shanghaiDate(clock.now()), -30)
  const endsOn = addDays(dates.addMonths(startsOn, 12), -1)
  for (let from = 0; from < count; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - from) }, (_, k) => from + k)
    const rows = await db
      .insert(people)
      .values(batch.map((i) => ({ tenantId: DEMO_TENANT, name: `医师${i}`, title: 'intermediate' as const, licence: 'physician' as const, employerOrgId: pair!.supportingOrgId })))
      .returning({ id: people.id })
    await db.insert(identities).values(rows.map((r, k) => ({ tenantId: DEMO_TENANT, platform: 'feishu' as const, externalId: benchOpenId(batch[k]!), personId: r.id })))
    await db.insert(postings).values(
      rows.map((r) => ({
        tenantId: DEMO_TENANT,
        personId: r.id,
        supportPairId: pair!.id,
        supportingOrgId: pair!.supportingOrgId,
        receivingOrgId: pair!.receivingOrgId,
        policyId: pair!.policyId,
        mode: 'resident' as const,
        startsOn,
        endsOn,
      })),
    )
  }
}
