/**
 * Every local rule the platform knows, with its default and the source of that default. Central party rules
 * are not here: they are constants in the rule modules, tested with their article numbers.
 */
export interface SettingDefinition { key: string; label: string; defaultValue: number; unit: string; min: number; max: number; source: string }

export const SETTINGS = [
  {
    key: 'dues.farmerFen', label: '农民党员每月党费', defaultValue: 20, unit: '分', min: 20, max: 100,
    source: '中组发〔2008〕3号:农民党员每月交纳党费0.2元至1元,具体由各省(区、市)党委组织部确定;山东省标准未查到,默认0.2元,请按省委组织部规定修改',
  },
  {
    key: 'transfer.letterValidDays', label: '组织关系介绍信有效期', defaultValue: 90, unit: '天', min: 7, max: 180,
    source: '介绍信有效期由开具党组织填写,各地常用1至3个月;默认90天,回执超过有效期未退回时提醒',
  },
  {
    key: 'flow.transferDueMonths', label: '外出多久应转接组织关系', defaultValue: 6, unit: '个月', min: 6, max: 12,
    source: '《中国共产党党员教育管理工作条例》第二十五条:外出学习、工作、生活6个月以上且地点相对固定的,应当转接组织关系',
  },
  {
    key: 'flow.unreachableMonths', label: '多久未联系视为失联', defaultValue: 6, unit: '个月', min: 3, max: 6,
    source: '《中国共产党党员教育管理工作条例》第二十四条:与党组织失去联系6个月以上的党员;本地可要求更早提醒,但不超过6个月',
  },
  {
    key: 'activity.themeDayOfMonth', label: '每月主题党日(党员活动日)', defaultValue: 28, unit: '日', min: 1, max: 28,
    source: '西王庄镇“28日党员活动日”(齐鲁晚报2020-07-03);全国规定为“每月相对固定1天”',
  },
  {
    key: 'reminder.dueSoonDays', label: '截止前几天开始提醒', defaultValue: 7, unit: '天', min: 1, max: 30,
    source: '本地选择,无上级规定:组织生活截止日前7天起向支部书记和包村干部发送“临近截止”提醒(与组织生活台账的“即将到期”一致)',
  },
] as const satisfies readonly SettingDefinition[];

export type SettingKey = (typeof SETTINGS)[number]['key'];
export const settingDefinition = (key: string) => SETTINGS.find((s) => s.key === key);
