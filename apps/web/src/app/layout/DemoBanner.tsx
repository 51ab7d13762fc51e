import { Alert } from 'antd';

export const DEMO_NOTICE = '演示数据:本系统中除文章所列组织名称外的人员与数据均为生成的演示数据';

export function DemoBanner() {
  return <Alert banner type="warning" title={DEMO_NOTICE} className="demo-banner" data-testid="demo-banner" />;
}
