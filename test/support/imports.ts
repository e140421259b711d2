import ExcelJS from 'exceljs'
import { count, eq } from 'drizzle-orm'
import type { Database } from '../../db/client'
import { auditLog, identities, orgs, people, postings, roleAssignments, supportPairs, tenants } from '../../db/schema'
import type { createApp } from '../../src/app/create-app'

export const ADMIN_TOKEN = 'test-admin-token-0123456789'

/** An .xlsx as an office would save it: each sheet's rows as given, with optional merged ranges such as 'A3:A5'. */
export async function workbook(sheets: Record<string, { rows: unknown[][]; merges?: string[] }>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  for (const [name, { rows, merges }] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name)
    for (const row of rows) sheet.addRow(row)
    for (const range of merges ?? []) sheet.mergeCells(range)
  }
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** A CSV as Excel writes it (UTF-8 with BOM, CRLF), quoting cells that need it. */
export function csv(rows: unknown[][]): Uint8Array {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v)
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
  }
  return new TextEncoder().encode(`\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`)
}

export async function createTenant(database: Database, id: string) {
  await database.db.insert(tenants).values({ id, name: `测试 ${id}` })
}

/** Rows per table for one tenant: what an import wrote. */
export async function rowCounts(database: Database, tenantId: string) {
  const n = async (table: typeof orgs | typeof people | typeof identities | typeof roleAssignments | typeof supportPairs | typeof postings | typeof auditLog) => {
    const [row] = await database.db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId))
    return row!.n
  }
  return {
    orgs: await n(orgs),
    people: await n(people),
    identities: await n(identities),
    roles: await n(roleAssignments),
    supportPairs: await n(supportPairs),
    postings: await n(postings),
    audit: await n(auditLog),
  }
}

export interface ImportAnswer {
  kind: string
  dryRun: boolean
  created: Record<string, number>
  changed: Record<string, number>
  errors: { sheet: string; row: number | null; reason: string }[]
  plan: { entity: string; action: string; key: Record<string, unknown>; before: unknown; after: Record<string, unknown>; source: unknown; basis?: any }[]
}

/** POST /api/admin/imports with the file as the raw body. */
export async function postImport(
  app: ReturnType<typeof createApp>,
  bytes: Uint8Array,
  query: Record<string, string>,
  headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` },
) {
  const response = await app.request(`/api/admin/imports?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body: bytes,
  })
  return { status: response.status, body: (await response.json()) as ImportAnswer & { error?: { code: string; message: string } } }
}
