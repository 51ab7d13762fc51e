import { useState } from 'react';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { ACTOR_KIND_LABELS, type Actor, type EconomyVillageRef } from '@dj/contracts';
import { ActorDrawer } from './ActorDrawer';
import { RecordsByVillage } from './RecordsByVillage';
import { fenToWan, useActors } from './records-api';

/** 经营主体: each village's 合作社, 家庭农场, 龙头企业 and 特色基地, with their 致富带头人 and the support received. */
export function ActorsTab() {
  const actors = useActors();
  const [open, setOpen] = useState<{ village: EconomyVillageRef; actorId: number | null } | null>(null);
  // The drawer shows the list's current record, so a support row added there shows at once.
  const actor = open?.actorId ? actors.data?.items.find((a) => a.id === open.actorId) ?? null : null;
  const villageOf = (a: Actor) => actors.data!.villages.find((v) => v.organizationId === a.organizationId)!;
  return (
    <>
      <RecordsByVillage what="经营主体" testId="actors" query={actors} addLabel="登记主体" onAdd={(village) => setOpen({ village, actorId: null })}
        renderItem={(a: Actor) => (
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Space size={4} wrap><Typography.Text strong>{a.name}</Typography.Text><Tag color="blue">{ACTOR_KIND_LABELS[a.kind]}</Tag></Space>
              <Typography.Text type="secondary">
                {[a.leaderName && `致富带头人:${a.leaderName}`, a.representative && `负责人:${a.representative}`, a.members !== null && `成员${a.members}户`, a.households !== null && `带动${a.households}户`].filter(Boolean).join(' · ')}
              </Typography.Text>
              {a.business && <Typography.Text>{a.business}</Typography.Text>}
              {a.support.length > 0 && <Typography.Text type="secondary">扶持{a.support.length}项{a.supportFen ? `,资金${fenToWan(a.supportFen)}万元` : ''}</Typography.Text>}
            </Flex>
            <Button size="small" type="link" onClick={() => setOpen({ village: villageOf(a), actorId: a.id })}>{a.can.edit ? '修改' : '查看'}</Button>
          </Flex>
        )} />
      <ActorDrawer target={open && { village: open.village, actor }} onClose={() => setOpen(null)} />
    </>
  );
}
