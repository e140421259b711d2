/** The chat platforms duikou speaks on; the database schema owns the list. */
export { PLATFORMS, type Platform } from '../../db/schema/people'
