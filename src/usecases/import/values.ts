import type { PostingMode } from '../../../rules'
import { POLICY_META } from '../../../rules'
import type { Licence, OrgKind, OrgLevel, Role, StaffRoleCode, Title } from '../../../db/schema'

// What an office types in a roster cell, mapped to the code names of design §2. The code names themselves are
// accepted too (see `mappedCell`). README “Importing a roster” lists these tables.

/** 职称: doctors' titles and the nursing, pharmacy and technician titles of the same grade. */
/**
 * How a posting is run, in the texts' own words (驻点, 巡回医疗/巡诊, 业务技术帮扶, 331/名医基层工作站, 组团帮扶…); the
 * duty each is judged by comes from the posting's policy (rules/posting).
 */
export const MODE_VALUES: Record<string, PostingMode> = {
  驻点: 'resident',
  派驻: 'resident',
  驻点帮扶: 'resident',
  组团帮扶: 'team',
  组团式帮扶: 'team',
  组团式派驻: 'team',
  巡回医疗: 'roving',
  巡诊: 'roving',
  巡回: 'roving',
  业务技术帮扶: 'technicalAssistance',
  技术帮扶: 'technicalAssistance',
  '331': 'workstation331',
  名医基层工作站: 'workstation331',
  '331名医基层工作站': 'workstation331',
  到村带教: 'villageTeaching',
  帮扶小组到村带教: 'villageTeaching',
  中医馆坐诊: 'tcmClinic',
  中医馆坐诊指导: 'tcmClinic',
  红会送医: 'redCrossVolunteer',
  组团式: 'team',
  团队: 'team',
  帮扶小组带教: 'villageTeaching',
}

export const TITLE_VALUES: Record<string, Title> = {
  住院医师: 'junior',
  医师: 'junior',
  主治医师: 'intermediate',
  副主任医师: 'associateSenior',
  主任医师: 'senior',
  无: 'none',
  无职称: 'none',
  初级: 'junior',
  中级: 'intermediate',
  副高: 'associateSenior',
  副高级: 'associateSenior',
  正高: 'senior',
  正高级: 'senior',
  医士: 'junior',
  护士: 'junior',
  护师: 'junior',
  主管护师: 'intermediate',
  副主任护师: 'associateSenior',
  主任护师: 'senior',
  药士: 'junior',
  药师: 'junior',
  主管药师: 'intermediate',
  副主任药师: 'associateSenior',
  主任药师: 'senior',
  技士: 'junior',
  技师: 'junior',
  主管技师: 'intermediate',
  副主任技师: 'associateSenior',
  主任技师: 'senior',
  初级职称: 'junior',
  中级职称: 'intermediate',
  副高级职称: 'associateSenior',
  正高级职称: 'senior',
}

/** 执业资格. */
export const LICENCE_VALUES: Record<string, Licence> = {
  执业医师: 'physician',
  执业助理医师: 'assistantPhysician',
  助理医师: 'assistantPhysician',
  无: 'none',
}

/** 层级 of an org. */
export const LEVEL_VALUES: Record<string, OrgLevel> = {
  卫健委: 'commission',
  省级: 'province',
  三级: 'tertiary',
  二级: 'secondary',
  县级: 'county',
  乡镇: 'township',
  中心乡镇卫生院: 'centralTownship',
  社区: 'community',
  村: 'village',
  科室: 'department',
  卫生健康委: 'commission',
  卫生健康委员会: 'commission',
  卫生计生委: 'commission',
  行政部门: 'commission',
  省级医院: 'province',
  三级医院: 'tertiary',
  二级医院: 'secondary',
  县级医院: 'county',
  乡镇卫生院: 'township',
  中心卫生院: 'centralTownship',
  中心乡镇: 'centralTownship',
  卫生院: 'township',
  社区卫生服务中心: 'community',
  村卫生室: 'village',
  村级: 'village',
}

/** 类别 of an org. */
export const KIND_VALUES: Record<string, OrgKind> = {
  综合: 'general',
  中医: 'tcm',
  妇幼: 'maternalChild',
  疾控: 'cdc',
  监督: 'supervision',
  卫健委: 'commission',
  其他: 'other',
  综合医院: 'general',
  中医院: 'tcm',
  中医医院: 'tcm',
  中西医结合: 'tcm',
  妇幼保健院: 'maternalChild',
  妇幼保健: 'maternalChild',
  疾控中心: 'cdc',
  疾病预防控制中心: 'cdc',
  卫生监督所: 'supervision',
  卫生监督机构: 'supervision',
  行政部门: 'commission',
  专科: 'other',
}

/** 岗位类别 of a person on a team (河南 附件8 三(一)1 管理、医疗、药学、医技、护理). */
export const STAFF_ROLE_VALUES: Record<string, StaffRoleCode> = {
  医疗: 'physician',
  护理: 'nurse',
  药学: 'pharmacist',
  医技: 'medicalTechnician',
  管理: 'manager',
  公共卫生: 'publicHealth',
  医师: 'physician',
  医生: 'physician',
  护士: 'nurse',
  药师: 'pharmacist',
  技师: 'medicalTechnician',
  管理人员: 'manager',
  公卫: 'publicHealth',
}

/** 角色 (several in one cell, separated by 、 or commas). */
export const ROLE_VALUES: Record<string, Role> = {
  医生: 'doctor',
  审批人: 'approver',
  院长: 'director',
  办公室: 'office',
  管理员: 'admin',
  医师: 'doctor',
  派驻医师: 'doctor',
  派驻人员: 'doctor',
  审批: 'approver',
  负责人: 'director',
  医务科: 'office',
  对口办: 'office',
  对口支援办公室: 'office',
  系统管理员: 'admin',
}

/** 政策: a pack id, or the document number, short name or title printed on the policy. */
export const POLICY_VALUES: Record<string, string> = Object.fromEntries(
  Object.values(POLICY_META).flatMap((m) => [
    [m.id, m.id],
    [m.document, m.id],
    [m.shortName, m.id],
    [m.title, m.id],
  ]),
)

/** Chinese names of the codes, for the plan a person reads (the first Chinese spelling of each code above). */
export function chineseOf<T extends string>(table: Record<string, T>, code: T | null | undefined): string {
  if (code === null || code === undefined) return '—'
  return Object.entries(table).find(([, v]) => v === code)?.[0] ?? code
}
