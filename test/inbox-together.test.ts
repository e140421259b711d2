import { and, asc, eq, inArray, like, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, test } from 'vitest'
import { attendanceEvents, identities, inbox, outbox, postings, processedEvents } from '../db/schema'
import { storeInbound } from '../db/repositories/inbox'
import { benchOpenId, seedDoctors } from '../bench/support/doctors'
import { inboundRows } from '../bench/support/inbound-rows'
import { fixedClock } from '../src/domain/clock'
import { handleInbox, type InboxEngine } from '../src/jobs/handle-inbox'
import { addDays } from '../src/time/days'
import { useTestDatabase } from './support/database'

const t = useTestDatabase()
const AT = '2026-11-24T00:10:00Z'
/** Enough senders that several share each transaction, and few enough for one lease. */
const DOCTORS = 48

beforeAll(async () => {
  await seedDoctors(t.database.db, fixedClock(AT), DOCTORS)
})

const replyText = (row: { message: unknown }) => (row.message as { reply: { text: string } }).reply.text

async function repliesTo(label: string) {
  const rows = await t.database.db.select().from(outbox).where(like(outbox.idempotencyKey, `reply:feishu:message:om_${label}_%`)).orderBy(asc(outbox.seq))
  return rows
}

async function postingOf(doctor: number) {
  const [row] = await t.database.db
    .select({ id: postings.id })
    .from(postings)
    .innerJoin(identities, eq(identities.personId, postings.personId))
    .where(eq(identities.externalId, benchOpenId(doctor)))
  return row!.id
}

describe.each([
  { engine: 'server' as InboxEngine, day: '2026-11-24', lookupDay: '2026-11-30' },
  { engine: 'embedded' as InboxEngine, day: '2026-11-26', lookupDay: '2026-12-01' },
])('a burst of check-ins is answered several senders to a transaction ($engine)', ({ engine, day, lookupDay }) => {
  const label = `together_${engine}`
  const handle = (clock: ReturnType<typeof fixedClock>) => handleInbox({ db: t.database.db, clock }, engine)
  test('every doctor is recorded and answered once; one refused and one the database cannot take now change nothing for the others', async () => {
    const clock = fixedClock(`${day}T00:10:00Z`)
    const refused = 3
    const failing = 10
    // Doctor 3's posting ended on the 23rd: her 签到 is refused with the reason. Doctor 10's cannot be written for now.
    await t.database.db.update(postings).set({ endsOn: '2026-11-23' }).where(eq(postings.id, await postingOf(refused)))
    const rows = inboundRows(label, '签到', clock.now(), DOCTORS)
    const failingEvent = rows[failing]!.eventId
    await t.database.db.execute(
      sql.raw(`create function refuse_one() returns trigger language plpgsql as $$ begin if new.platform_event_id = '${failingEvent}' then raise exception 'simulated: disk full' using errcode = '53100'; end if; return new; end $$`),
    )
    await t.database.db.execute(sql`create trigger refuse_one before insert on attendance_events for each row execute function refuse_one()`)
    try {
      await storeInbound(t.database.db, rows)
      expect(await handle(clock)).toMatchObject({ leased: DOCTORS, failed: 1 })
      while ((await handle(clock)).leased > 0);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_one on attendance_events`)
      await t.database.db.execute(sql`drop function refuse_one()`)
    }

    const replies = await repliesTo(label)
    const byChat = new Map<string, typeof replies>()
    for (const reply of replies) byChat.set(reply.recipient, [...(byChat.get(reply.recipient) ?? []), reply])
    expect(byChat.size).toBe(DOCTORS - 1)
    expect([...byChat.values()].every((chat) => chat.length === 1)).toBe(true)
    expect(replyText(byChat.get(`chat_id:oc_${refused}`)![0]!)).toContain('已于 2026-11-23 结束')
    expect(byChat.has(`chat_id:oc_${failing}`)).toBe(false)
    const checkedIn = replies.filter((r) => replyText(r).startsWith(`签到成功：${day} 08:10`))
    expect(checkedIn).toHaveLength(DOCTORS - 2)

    const recorded = await t.database.db.select({ event: attendanceEvents.platformEventId }).from(attendanceEvents).where(like(attendanceEvents.platformEventId, `message:om_${label}_%`))
    expect(recorded).toHaveLength(DOCTORS - 2)
    expect(new Set(recorded.map((r) => r.event)).size).toBe(DOCTORS - 2)
    // The one the database refused waits for its retry, not claimed, so the retry is a first attempt at the effect.
    const [waiting] = await t.database.db.select().from(inbox).where(eq(inbox.eventId, failingEvent))
    expect(waiting).toMatchObject({ handledAt: null, attempts: 1 })
    expect(waiting!.lastError).toMatch(/^database error 53100/)
    expect(await t.database.db.select().from(processedEvents).where(eq(processedEvents.eventId, failingEvent))).toEqual([])

    // Its retry goes through, and the same events stored again (a platform's redelivery) add nothing.
    clock.advance(60_000)
    await handle(clock)
    await storeInbound(t.database.db, rows)
    await handle(clock)
    const after = await repliesTo(label)
    expect(after).toHaveLength(DOCTORS)
    expect(replyText(after.find((r) => r.recipient === `chat_id:oc_${failing}`)!)).toBe(replyText(checkedIn[0]!))
  })

  test('a sender’s 签到 and 签退 in the same pass are applied and answered in the order sent', async () => {
    const next = `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1).padStart(2, '0')}`
    const clock = fixedClock(`${next}T09:31:00Z`)
    const checkIns = inboundRows(`pair_${engine}_in`, '签到', new Date(`${next}T00:20:00Z`), DOCTORS)
    const checkOuts = inboundRows(`pair_${engine}_out`, '签退', new Date(`${next}T09:30:00Z`), DOCTORS)
    // Interleaved as they would arrive from a busy morning: each doctor's 签到 before her 签退.
    await storeInbound(t.database.db, checkIns.flatMap((row, i) => [row, checkOuts[i]!]))
    while ((await handle(clock)).leased > 0);
    const doctor = 7
    const posting = await postingOf(doctor)
    const events = await t.database.db
      .select({ kind: attendanceEvents.kind, at: attendanceEvents.occurredAt })
      .from(attendanceEvents)
      .where(and(eq(attendanceEvents.postingId, posting), inArray(attendanceEvents.platformEventId, [checkIns[doctor]!.eventId, checkOuts[doctor]!.eventId])))
      .orderBy(asc(attendanceEvents.occurredAt))
    expect(events.map((e) => e.kind)).toEqual(['checkIn', 'checkOut'])
    const inChat = (await t.database.db.select().from(outbox).where(eq(outbox.recipient, `chat_id:oc_${doctor}`)).orderBy(asc(outbox.seq))).filter((r) =>
      r.idempotencyKey.includes(`om_pair_${engine}_`),
    )
    expect(inChat.map((r) => replyText(r).slice(0, 4))).toEqual(['签到成功', '签退成功'])
  })
  test('a group finds a doctor known only by her union_id, tells a stranger to register, and sees a posting ended between passes', async () => {
    const byUnionId = 5
    const stranger = 6
    const ended = 8
    const [unionIdentity] = await t.database.db
      .update(identities)
      .set({ externalId: `on_${benchOpenId(byUnionId)}` })
      .where(eq(identities.externalId, benchOpenId(byUnionId)))
      .returning({ id: identities.id })
    const endedPosting = await postingOf(ended)
    const [{ endsOn }] = (await t.database.db.select({ endsOn: postings.endsOn }).from(postings).where(eq(postings.id, endedPosting))) as [{ endsOn: string }]
    try {
      const checkIns = inboundRows(`lookups_${engine}_in`, '签到', new Date(`${lookupDay}T00:15:00Z`), DOCTORS)
      const strangerRow = checkIns[stranger]!
      checkIns[stranger] = { ...strangerRow, sender: 'demo:ou_stranger', message: { ...(strangerRow.message as object), senderExternalId: `ou_stranger_${engine}`, senderAliases: [] } }
      await storeInbound(t.database.db, checkIns)
      while ((await handle(fixedClock(`${lookupDay}T00:16:00Z`))).leased > 0);
      const morning = new Map((await repliesTo(`lookups_${engine}_in`)).map((r) => [r.recipient, replyText(r)]))
      expect(morning.get(`chat_id:oc_${byUnionId}`)).toMatch(/^签到成功/)
      expect(morning.get(`chat_id:oc_${stranger}`)).toContain('您还没有在对口支援助手中登记')
      expect(morning.get(`chat_id:oc_${ended}`)).toMatch(/^签到成功/)

      // Her office ends doctor 8's posting at noon: the afternoon's 签退 must not use the posting remembered this morning.
      await t.database.db.update(postings).set({ endsOn: addDays(lookupDay, -1) }).where(eq(postings.id, endedPosting))
      const checkOuts = inboundRows(`lookups_${engine}_out`, '签退', new Date(`${lookupDay}T09:30:00Z`), DOCTORS)
      await storeInbound(t.database.db, checkOuts)
      while ((await handle(fixedClock(`${lookupDay}T09:31:00Z`))).leased > 0);
      const evening = new Map((await repliesTo(`lookups_${engine}_out`)).map((r) => [r.recipient, replyText(r)]))
      expect(evening.get(`chat_id:oc_${ended}`)).toContain(`已于 ${addDays(lookupDay, -1)} 结束`)
      expect(evening.get(`chat_id:oc_${byUnionId}`)).toMatch(/^签退成功/)
      expect([...evening.values()].filter((text) => text.startsWith('签退成功')).length).toBeGreaterThan(DOCTORS / 2)
    } finally {
      await t.database.db.update(identities).set({ externalId: benchOpenId(byUnionId) }).where(eq(identities.id, unionIdentity!.id))
      await t.database.db.update(postings).set({ endsOn }).where(eq(postings.id, endedPosting))
    }
  })
})
