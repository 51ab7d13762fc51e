import { useState } from 'react';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { PROJECT_STAGE_LABELS, type EconomyVillageRef, type Project, type ProjectStage } from '@dj/contracts';
import { ProjectDrawer } from './ProjectDrawer';
import { RecordsByVillage } from './RecordsByVillage';
import { fenToWan, useProjects } from './records-api';

const STAGE_COLORS: Record<ProjectStage, string> = { approved: 'default', building: 'processing', accepted: 'success', operating: 'green' };

/** 村级项目: each village's collective projects with stage, investment, 收益 and links. */
export function ProjectsTab() {
  const projects = useProjects();
  const [open, setOpen] = useState<{ village: EconomyVillageRef; projectId: number | null } | null>(null);
  // The drawer shows the list's current record, so an income or a photo added there shows at once.
  const project = open?.projectId ? projects.data?.items.find((p) => p.id === open.projectId) ?? null : null;
  const villageOf = (p: Project) => projects.data!.villages.find((v) => v.organizationId === p.organizationId)!;
  return (
    <>
      <RecordsByVillage what="村级项目" testId="projects" query={projects} addLabel="登记项目" onAdd={(village) => setOpen({ village, projectId: null })}
        renderItem={(p: Project) => (
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Tag color={STAGE_COLORS[p.stage]}>{PROJECT_STAGE_LABELS[p.stage]}</Tag>
                {p.fourTwo && <Tag>四议两公开</Tag>}
                {p.disclosure && <Tag>账目已公开</Tag>}
              </Space>
              <Typography.Text type="secondary">
                投资{fenToWan(p.investmentFen)}万元 · 立项{p.approvedOn ?? '—'}{p.acceptedOn ? ` · 验收${p.acceptedOn}` : ''}
                {p.incomes.length > 0 ? ` · 累计收益${fenToWan(p.incomeFen)}万元` : ''}{p.photos.length ? ` · 照片${p.photos.length}张` : ''}
              </Typography.Text>
            </Flex>
            <Button size="small" type="link" onClick={() => setOpen({ village: villageOf(p), projectId: p.id })}>{p.can.edit ? '修改' : '查看'}</Button>
          </Flex>
        )} />
      <ProjectDrawer target={open && { village: open.village, project }} onClose={() => setOpen(null)} />
    </>
  );
}
