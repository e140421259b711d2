import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../client'
import { chatImports, type Platform } from '../schema'

export type ChatImportRow = typeof chatImports.$inferSelect

/** Stores a previewed import; the same chat event stores nothing new and gets the row it stored. */
export async function saveChatImport(db: Db, row: Omit<typeof chatImports.$inferInsert, 'id' | 'number' | 'appliedAt'>): Promise<ChatImportRow> {
  const [inserted] = await db.insert(chatImports).values(row).onConflictDoNothing({ target: [chatImports.tenantId, chatImports.platform, chatImports.eventId] }).returning()
  if (inserted) return inserted
  const [existing] = await db
    .select()
    .from(chatImports)
    .where(and(eq(chatImports.tenantId, row.tenantId), eq(chatImports.platform, row.platform), eq(chatImports.eventId, row.eventId)))
  return existing!
}

/** The last file this person sent in chat (for 导入 名单 / 导入 对口关系 after it). */
export async function latestChatImportOf(db: Db, tenantId: string, personId: string, platform: Platform): Promise<ChatImportRow | undefined> {
  const [row] = await db
    .select()
    .from(chatImports)
    .where(and(eq(chatImports.tenantId, tenantId), eq(chatImports.personId, personId), eq(chatImports.platform, platform)))
    .orderBy(desc(chatImports.createdAt), desc(chatImports.number))
    .limit(1)
  return row
}

/** Import N of a tenant, locked until the transaction ends, so two confirmations apply it at most once. */
export async function lockChatImport(db: Db, tenantId: string, number: number): Promise<ChatImportRow | undefined> {
  const [row] = await db
    .select()
    .from(chatImports)
    .where(and(eq(chatImports.tenantId, tenantId), eq(chatImports.number, number)))
    .for('update')
  return row
}

export async function markChatImportApplied(db: Db, id: string, at: Date): Promise<void> {
  await db.update(chatImports).set({ appliedAt: at }).where(and(eq(chatImports.id, id), sql`${chatImports.appliedAt} is null`))
}
