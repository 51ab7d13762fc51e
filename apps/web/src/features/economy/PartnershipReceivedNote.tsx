import { Alert, Flex, Typography } from 'antd';
import { INCOME_SOURCE_LABELS } from '@dj/contracts';
import { wan } from './api';
import { usePartnershipReceived } from './partnerships-api';

/**
 * 其中村企合作到账 in a village's income year: the partnerships' money received that year per income line, beside the
 * line as the year's income books it. A reference only (the approved figures are the 三资 accounts'); a warning when the
 * partnerships alone brought more than the line holds.
 */
export function PartnershipReceivedNote({ target }: { target: { orgId: number; year: number } | null }) {
  const received = usePartnershipReceived(target);
  const data = received.data;
  if (!data || !data.sources.length) return null;
  const basis = data.against === 'approved' ? '已审核收入' : data.against === 'open' ? '填报中的收入' : null;
  return (
    <Flex vertical gap={6} data-testid="partnership-received">
      {data.sources.map((s) => (
        <div key={s.source}>
          <Typography.Text>{INCOME_SOURCE_LABELS[s.source]}:其中村企合作到账 {wan(s.receivedFen)} 万元</Typography.Text>
          {s.incomeFen !== null && <Typography.Text type="secondary">({basis} {wan(s.incomeFen)} 万元)</Typography.Text>}
          {s.exceeds && (
            <Alert type="warning" showIcon style={{ marginTop: 4 }}
              title={`村企合作到账超过${basis}中的${INCOME_SOURCE_LABELS[s.source]},请与三资账目核对(此处仅为对照,不改动收入)`} />
          )}
        </div>
      ))}
      <Typography.Text type="secondary">{data.items.map((i) => `${i.partnerName} ${wan(i.receivedFen)} 万元`).join(';')}</Typography.Text>
    </Flex>
  );
}
