import type { Programme } from '../../eligibility/programme'
import { defineProgramme } from '../../eligibility/programme-schema'
import { BACKBONE_COUNTY_HOSPITAL, BACKBONE_MATERNAL_CHILD } from './backbone-county'
import { BACKBONE_TOWNSHIP, COMMUNITY_TECHNICIAN } from './backbone-primary'
import { BACKBONE_COUNTY_TCM, TCM_SPECIALTY_LEADER } from './backbone-tcm'
import { DEGREE_UPGRADE } from './degree-upgrade'
import { GP_CONVERSION } from './gp-conversion'
import { GRADUATE_RECRUITMENT } from './graduate-recruitment'
import { ORIENTED_STUDENT } from './oriented-student'
import { RED_CROSS_VOLUNTEER } from './red-cross-volunteer'
import { RESIDENCY } from './residency'
import { SPECIAL_POST_GP } from './special-post-gp'

/** The thirteen programmes of 豫卫发〔2015〕2号 附件1–9 (附件8 对口支援 is posting, not an application). */
export const HENAN_2015_PROGRAMMES: readonly Programme[] = [
  GRADUATE_RECRUITMENT,
  SPECIAL_POST_GP,
  ORIENTED_STUDENT,
  BACKBONE_COUNTY_HOSPITAL,
  BACKBONE_MATERNAL_CHILD,
  BACKBONE_COUNTY_TCM,
  TCM_SPECIALTY_LEADER,
  BACKBONE_TOWNSHIP,
  COMMUNITY_TECHNICIAN,
  GP_CONVERSION,
  DEGREE_UPGRADE,
  RESIDENCY,
  RED_CROSS_VOLUNTEER,
].map(defineProgramme)
