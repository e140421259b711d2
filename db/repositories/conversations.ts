import { and, eq } from 'drizzle-orm'
import type { Db } from '../client'
import { conversations, type Platform } from '../schema'

export interface Account {
  tenantId: string
  platform: Platform
  externalId: string
}

const where = (a: Account) =>
  and(eq(conversations.tenantId, a.tenantId), eq(conversations.platform, a.platform), eq(conversations.externalId, a.externalId))

/** The account's open dialogue, locked until the transaction ends so two messages cannot both advance it. */
export async function findConversation(db: Db, account: Account) {
  const [row] = await db.select().from(conversations).where(where(account)).for('update')
  return row ?? null
}

export async function saveConversation(db: Db, account: Account, kind: string, state: unknown, at: Date) {
  await db
    .insert(conversations)
    .values({ ...account, kind, state, updatedAt: at })
    .onConflictDoUpdate({ target: [conversations.tenantId, conversations.platform, conversations.externalId], set: { kind, state, updatedAt: at } })
}

export async function endConversation(db: Db, account: Account) {
  await db.delete(conversations).where(where(account))
}
