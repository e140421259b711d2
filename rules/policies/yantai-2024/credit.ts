import { type CreditRules, Elsewhere, RecordRule } from '../../credit/types'
import { packData } from '../pack-data'

const d = packData('yantai-2024')

/** 附件3 四(二) refers promotion credit to a Shandong measure; 四(一) voids support whose agreement was not filed. */
export const YANTAI_CREDIT: CreditRules = {
  elsewhere: d.always(
    Elsewhere,
    '晋升副高前服务参照山东省管理办法',
    'rule',
    {
      targetTitles: ['associateSenior'],
      requirement: '符合条件的帮扶人员可参照《山东省执业医师晋升副高级技术职称前在县级以下或者对口支援的医疗卫生机构提供医疗卫生服务管理办法》享受相关支持政策；所需服务时间以该办法为准',
    },
    '附件3 四(二)',
    '符合条件的帮扶人员可参照《山东省执业医师晋升副高级技术职称前在县级以下或者对口支援的医疗卫生机构提供医疗卫生服务管理办法》享受相关支持政策',
  ),
  records: [
    d.always(
      RecordRule,
      '对口帮扶协议按年度备案',
      'rule',
      {
        kind: 'filed',
        fact: 'agreementFiled',
        requirement: '对口帮扶协议应按年度上传城乡医院对口支援信息系统备案，未按时备案的不予认定开展对口帮扶工作',
      },
      '附件3 四(一)',
      '对口帮扶协议（盖章后扫描）应按年度上传城乡医院对口支援信息系统备案，未按时备案的不予认定开展对口帮扶工作',
    ),
  ],
  notes: [],
}
