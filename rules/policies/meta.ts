import type { PolicyId, PolicyMeta } from '../core/pack'

/** Document metadata of the five seed packs, as printed on each text; `issuedOn` is null where the text does not say. */
export const POLICY_META: Record<PolicyId, PolicyMeta> = {
  'henan-2015': {
    id: 'henan-2015',
    document: '豫卫发〔2015〕2号',
    title: '关于印发基层卫生人才工程实施方案的通知',
    shortName: '河南省基层卫生人才工程（369人才工程）',
    jurisdiction: '河南省',
    issuedOn: '2015-08-17',
    textFile: 'henan-2015-369-talent-programme.txt',
  },
  'sichuan-2017': {
    id: 'sichuan-2017',
    document: '川卫发〔2017〕172号',
    title: '关于全面实施贫困地区城乡医疗卫生对口支援“传帮带”工程 打造一支愿承担有能力可支撑的本土医疗卫生人才队伍的意见',
    shortName: '四川省对口支援“传帮带”工程',
    jurisdiction: '四川省',
    issuedOn: null,
    textFile: 'sichuan-2017-chuanbangdai.txt',
  },
  'zhejiang-2014': {
    id: 'zhejiang-2014',
    document: '浙江省深化万名医师支援农村卫生工程工作方案',
    title: '浙江省深化万名医师支援农村卫生工程工作方案',
    shortName: '浙江省深化万名医师支援农村卫生工程',
    jurisdiction: '浙江省',
    issuedOn: null,
    textFile: 'zhejiang-2014-ten-thousand-doctors.txt',
  },
  'changchun-2011': {
    id: 'changchun-2011',
    document: '长卫医管发〔2011〕3号',
    title: '关于印发《长春市县级医院支援乡镇卫生院工作方案》的通知',
    shortName: '长春市县级医院支援乡镇卫生院',
    jurisdiction: '吉林省长春市',
    issuedOn: '2011-05-05',
    textFile: 'changchun-2011-county-to-township.txt',
  },
  'yantai-2024': {
    id: 'yantai-2024',
    document: '烟卫〔2024〕17号',
    title: '烟台市乡村医疗卫生服务能力提质提效三年行动计划（2024—2026年）',
    shortName: '烟台市乡村医疗卫生服务能力提质提效三年行动',
    jurisdiction: '山东省烟台市',
    issuedOn: '2024-07-24',
    textFile: 'yantai-2024-rural-capacity.txt',
  },
}
