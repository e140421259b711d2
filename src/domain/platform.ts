/** The chat platforms duikou speaks on. The vocabulary owns the list; the database schema stores it. */
export const PLATFORMS = ['feishu', 'wecom', 'console'] as const
export type Platform = (typeof PLATFORMS)[number]
