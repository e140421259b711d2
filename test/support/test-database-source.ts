export type TestDatabaseSource =
  | { driver: 'postgres'; url: string; template: string }
  | { driver: 'pglite'; templateDir: string }

/** The same server and credentials as `url`, another database. */
export function adminUrl(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
