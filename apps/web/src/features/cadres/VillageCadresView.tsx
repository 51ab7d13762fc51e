import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '../../lib/icons';
import {
  ADJUSTMENT_DECISION_LABELS, CADRE_BODIES, CADRE_BODY_LABELS, CADRE_CHANGE_KIND_LABELS, EDUCATION_LABELS, EMPLOYABLE_POSTS, EMPLOYMENT_REVIEW_RESULT_LABELS,
  VILLAGE_CADRE_POST_BODY, VILLAGE_CADRE_POST_LABELS,
  type CadreEmployment, type CadreHolding, type VillageCadres,
} from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { formatFen } from '../../lib/money';
import { useVillageCadres } from './api';
import { CadreDocumentActions } from './CadreDocumentActions';
import { RecordChangeModal } from './RecordChangeModal';
import { TermModal } from './TermModal';
import { EmploymentModal, ProfileModal } from './HoldingModals';
import { ServiceTeamCard } from './ServiceTeamView';
import { VillageStructureCard } from './StructureView';

type Editing = { kind: 'profile' | 'employment'; holding: CadreHolding } | null;

/** 聘用制 of a holding in one line: since when, 事业编待遇, the latest review. */
function employmentText(e: CadreEmployment): string {
  const last = e.reviews.at(-1);
  return [`${e.since}起聘用`, e.careerTreatment && '享受事业编待遇', last && `${last.year}年度考核${EMPLOYMENT_REVIEW_RESULT_LABELS[last.result]}`].filter(Boolean).join(';');
}

/** The 选派 details of a holding, in one line. */
function assignmentText(h: CadreHolding): string | null {
  if (h.how !== 'assignment') return null;
  return [h.homePost && `原职务:${h.homePost}`, h.sendingUnit && `派出单位:${h.sendingUnit}`, h.periodEndsOn && `期满:${h.periodEndsOn}`,
    h.supportProjects && `帮扶项目:${h.supportProjects}`, h.supportFen != null && `帮扶资金:${formatFen(h.supportFen)}`].filter(Boolean).join(';');
}

function PostsCard({ data, onEdit }: { data: VillageCadres; onEdit: (e: Editing) => void }) {
  const employmentOf = (h: CadreHolding) => data.employments.find((e) => e.cadrePostId === h.id);
  return (
    <Card size="small" title="现任村干部" data-testid="cadre-posts">
      {data.combined && <Alert style={{ marginBottom: 12 }} type="success" showIcon title={`一肩挑:${data.combined.name}同时担任村党支部书记和村委会主任`} />}
      {CADRE_BODIES.map((body) => {
        const rows = data.current.filter((h) => VILLAGE_CADRE_POST_BODY[h.post] === body);
        if (!rows.length && body === 'assigned') return null;
        return (
          <div key={body} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{CADRE_BODY_LABELS[body]}</Typography.Text>
            <Table<CadreHolding> size="small" rowKey="id" pagination={false} dataSource={rows} scroll={{ x: true }} locale={{ emptyText: '尚未登记' }}
              columns={[
                { title: '职务', dataIndex: 'post', render: (p: CadreHolding['post']) => VILLAGE_CADRE_POST_LABELS[p] },
                {
                  title: '姓名', dataIndex: 'name', render: (name: string, h) => (
                    <span>{name}{!h.isMember && <Tag style={{ marginLeft: 4 }}>非党员</Tag>}{h.how === 'assignment' && <Tag color="blue" style={{ marginLeft: 4 }}>选派</Tag>}
                      {h.localTalent && <Tag color="green" style={{ marginLeft: 4 }}>本土人才</Tag>}{employmentOf(h) && <Tag color="gold" style={{ marginLeft: 4 }}>聘用制</Tag>}</span>),
                },
                { title: '学历', dataIndex: 'education', render: (e: CadreHolding['education']) => (e ? EDUCATION_LABELS[e] : '未登记') },
                { title: '任职日期', dataIndex: 'startedOn' },
                { title: '身份证号', dataIndex: 'idNumberMasked', responsive: ['md'] },
                { title: '选派/聘用', key: 'assignment', render: (_: unknown, h) => [assignmentText(h), employmentOf(h) && employmentText(employmentOf(h)!)].filter(Boolean).join(';') || '—' },
                ...(data.can.edit ? [{
                  title: '', key: 'edit', render: (_: unknown, h: CadreHolding) => (
                    <Flex gap={4} wrap>
                      <Button size="small" onClick={() => onEdit({ kind: 'profile', holding: h })} aria-label={`登记${h.name}的学历和本土人才`}>学历/人才</Button>
                      {EMPLOYABLE_POSTS.includes(h.post) && <Button size="small" onClick={() => onEdit({ kind: 'employment', holding: h })} aria-label={`登记${h.name}的聘用制`}>聘用制</Button>}
                    </Flex>),
                }] : []),
              ]} />
          </div>
        );
      })}
    </Card>
  );
}

function HistoryCard({ data }: { data: VillageCadres }) {
  return (
    <Card size="small" title="变动记录" data-testid="cadre-history">
      {data.history.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变动记录" /> : (
        <Timeline items={data.history.map((h) => ({
          key: h.id,
          color: h.role === 'end' ? 'gray' : 'blue',
          content: (
            <div>
              <Typography.Text strong>{h.occurredOn} {CADRE_CHANGE_KIND_LABELS[h.kind]}</Typography.Text>
              <div>{h.name}{h.role === 'end' ? '离任' : '任'}{VILLAGE_CADRE_POST_LABELS[h.post]}</div>
              <Typography.Text type="secondary">原因:{h.reason}</Typography.Text>
            </div>
          ),
        }))} />
      )}
    </Card>
  );
}

/** 干部 page of one village: current posts (一肩挑 shown), terms, adjustments and the history of every change. */
export function VillageCadresView({ orgId }: { orgId: number }) {
  const query = useVillageCadres(orgId);
  const [changing, setChanging] = useState(false);
  const [addingTerm, setAddingTerm] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.error) return <LoadError title="村干部信息加载失败" error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  return (
    <Flex vertical gap={12} data-testid="village-cadres">
      <Flex gap={8} wrap align="center">
        <Typography.Text>
          {data.terms.length ? `本届:${data.terms[0].startYear}—${data.terms[0].endYear}年(${data.terms[0].electedOn}换届选举)` : '尚未登记换届届次'}
        </Typography.Text>
        {data.can.edit && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setChanging(true)}>登记变动</Button>
            <Button onClick={() => setAddingTerm(true)}>登记换届</Button>
          </>
        )}
        <CadreDocumentActions data={data} />
      </Flex>
      {data.adjustments.filter((a) => !a.decision).map((a) => (
        <Alert key={a.id} type="warning" showIcon title={`${a.name}已列入书记动态调整名单(${a.markedOn})`} description={`原因:${a.reason}`} />
      ))}
      {data.adjustments.filter((a) => a.decision).map((a) => (
        <Alert key={a.id} type="info" title={`动态调整:${a.name},${a.decidedOn}${ADJUSTMENT_DECISION_LABELS[a.decision!]}`} description={a.decisionNote} />
      ))}
      <PostsCard data={data} onEdit={setEditing} />
      <VillageStructureCard view={data.structure} />
      {data.serviceTeam.length > 0 && <ServiceTeamCard members={data.serviceTeam} />}
      <HistoryCard data={data} />
      {editing?.kind === 'profile' && <ProfileModal orgId={orgId} holding={editing.holding} onClose={() => setEditing(null)} />}
      {editing?.kind === 'employment' && (
        <EmploymentModal orgId={orgId} holding={editing.holding} employment={data.employments.find((e) => e.cadrePostId === editing.holding.id)} onClose={() => setEditing(null)} />
      )}
      {changing && <RecordChangeModal data={data} open onClose={() => setChanging(false)} />}
      {addingTerm && <TermModal orgId={orgId} open onClose={() => setAddingTerm(false)} />}
    </Flex>
  );
}
