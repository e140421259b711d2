import type { Profile } from '../../../rules'

/**
 * Facts that follow from others, so they are never asked: someone 在职在岗 (in post at an employer) is not retired.
 * A fact the person stated themselves always stands; only an open one is filled in.
 */
export function withImpliedFacts(profile: Profile): Profile {
  if (profile.employer?.inPost === true && profile.retired === undefined) return { ...profile, retired: false }
  return profile
}
