import type { Title } from '../eligibility/profile'
import type { PostingFactName, PostingMode, StaffRole, Strength } from './types'

/** Titles as a Chinese reply names them. */
export const TITLE_TEXT: Record<Title, string> = {
  none: '无职称',
  junior: '初级职称（住院医师/医师）',
  intermediate: '中级职称（主治医师）',
  associateSenior: '副高级职称（副主任医师）',
  senior: '正高级职称（主任医师）',
}

/** How firmly a rule binds, as a reply qualifies a failed check. */
export const STRENGTH_TEXT: Record<Strength, string> = {
  required: '文件要求',
  inPrinciple: '文件“原则上”要求，例外须有正当理由',
  mainly: '文件要求以此为主',
}

export const ROLE_TEXT: Record<StaffRole, string> = {
  physician: '医师',
  nurse: '护理人员',
  pharmacist: '药学人员',
  medicalTechnician: '医技人员',
  manager: '管理人员',
  publicHealth: '公共卫生人员',
}

export const MODE_TEXT: Record<PostingMode, string> = {
  resident: '驻点/派驻',
  team: '组团式派驻',
  roving: '巡回医疗',
  technicalAssistance: '业务技术帮扶',
  workstation331: '“331”名医基层工作站',
  villageTeaching: '帮扶小组到村带教',
  tcmClinic: '中医馆坐诊指导',
  redCrossVolunteer: '红会送医志愿服务',
}

/** The facts a dialogue asks for, in Chinese. */
export const POSTING_FACT_TEXT: Record<PostingFactName, string> = {
  title: '职称',
  role: '岗位类别（医师、护理、医技、管理等）',
  receivingLevel: '受援机构层级',
  receivingKind: '受援机构类别（综合、中医、妇幼、疾控、监督等）',
  supportingLevel: '派出机构层级',
  mode: '帮扶形式（派驻、巡回医疗、业务技术帮扶等）',
  seniorAttending: '是否为高年资主治医师',
  serviceYears: '工龄',
  deepPovertyCounty: '受援机构是否在深度贫困县',
}
