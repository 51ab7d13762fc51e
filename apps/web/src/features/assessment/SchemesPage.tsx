import { useState } from 'react';
import { Button, Card, Drawer, Empty, Flex, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import { ASSESSMENT_AUDIENCE_LABELS, ASSESSMENT_PERIOD_KIND_LABELS, type AssessmentSchemeRow } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { hasWorkRole } from '../../lib/roles';
import { useMe } from '../../lib/session';
import { useScheme, useSchemes } from './api';
import { monthLabel } from '../../lib/months';
import { SchemeEditorModal } from './SchemeEditorModal';
import { SchemeView } from './SchemeView';
import { PageTitle } from '../../components/PageTitle';

function SchemeCard({ row, onOpen }: { row: AssessmentSchemeRow; onOpen: () => void }) {
  return (
    <Card size="small" title={<Flex gap={6} wrap align="center">{row.name}{row.isExample && <Tag color="orange">示例,本镇可改</Tag>}</Flex>}
      extra={<Button size="small" onClick={onOpen}>查看</Button>} data-testid={`scheme-${row.id}`}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {ASSESSMENT_AUDIENCE_LABELS[row.audience]} · {ASSESSMENT_PERIOD_KIND_LABELS[row.periodKind]}考核 · 第{row.current.version}版(自{monthLabel(row.current.effectiveFrom)}起),
        指标{row.current.indicatorCount}项,等次{row.current.bands.map((b) => b.label).join('/')}
        {row.nextEffectiveFrom && `;第${row.versionCount}版将自${monthLabel(row.nextEffectiveFrom)}起生效`}
      </Typography.Paragraph>
    </Card>
  );
}

/** One scheme: its versions (the one in force first), and for the town a 修改 that saves the next version. */
function SchemeDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const scheme = useScheme(id);
  const [picked, setPicked] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const data = scheme.data;
  const shown = data?.versions.find((v) => v.version === (picked ?? data.currentVersion ?? data.versions[data.versions.length - 1]?.version));
  return (
    <Drawer open title={data?.name ?? '考核方案'} size="large" onClose={onClose} data-testid="scheme-drawer"
      extra={data?.can.manage && shown && <Button type="primary" onClick={() => setEditing(true)}>修改(生成新版本)</Button>}>
      {scheme.isPending && <Skeleton active />}
      {scheme.error && <LoadError title="考核方案加载失败" error={scheme.error} onRetry={() => scheme.refetch()} />}
      {data && shown && (
        <Flex vertical gap={12}>
          {data.versions.length > 1 && <Segmented value={shown.version} onChange={(v) => setPicked(Number(v))}
            options={data.versions.map((v) => ({ value: v.version, label: `第${v.version}版${v.version === data.currentVersion ? '(现行)' : ''}` }))} />}
          <SchemeView version={shown} />
        </Flex>
      )}
      {editing && data && shown && <SchemeEditorModal scheme={data} from={shown} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}

/** 考核方案 (issue 16): the town's "3+1"/"3+7" schemes and any of its own, each a list of versions that never change. */
export function SchemesPage() {
  const { data: me } = useMe();
  const list = useSchemes();
  const [openId, setOpenId] = useState<number | null>(null);
  if (!me) return <Skeleton active />;
  if (!hasWorkRole(me.user.roles)) return <Result status="403" title="没有权限查看" subTitle="考核方案供镇党委和村党支部书记查看。" />;
  return (
    <Flex vertical gap={12} data-testid="schemes-page">
      <PageTitle>考核方案</PageTitle>
      <Typography.Text type="secondary">
        方案每次修改都保存为新版本,自以后的月份起生效,已生效的版本不变。考核看的是工作实绩和期限,不以在线时长、登录次数、打卡、学习时长或积分排名作为指标。
      </Typography.Text>
      {list.isPending && <Skeleton active />}
      {list.error && <LoadError title="考核方案加载失败" error={list.error} onRetry={() => list.refetch()} />}
      {list.data && (list.data.rows.length === 0
        ? <Empty description="尚无考核方案" />
        : list.data.rows.map((row) => <SchemeCard key={row.id} row={row} onOpen={() => setOpenId(row.id)} />))}
      {openId !== null && <SchemeDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Flex>
  );
}
