import { Flex, Tag, Typography } from 'antd';
import { PAY_GRADE_LABELS, type PersonPay } from '@dj/contracts';
import { formatFen } from '../../lib/money';

/** The facts the amount was computed from: post, days in post, score and grade. */
export function PayFacts({ person }: { person: PersonPay }) {
  return (
    <Flex gap={6} wrap align="center">
      <span>{person.unit ? `${person.unit} · ` : ''}{person.postLabel}</span>
      {person.employed && <Tag color="blue">聘用制</Tag>}
      {person.daysInPost < person.monthDays && <Tag color="orange">在岗{person.daysInPost}/{person.monthDays}天</Tag>}
      <span>得分 {person.score}</span>
      {person.grade && <Tag>{PAY_GRADE_LABELS[person.grade]}</Tag>}
    </Flex>
  );
}

/** "Why this amount": each line of the pay with its amount and the rule that gave it, then the total. Stacked for a phone. */
export function PayBreakdown({ person }: { person: PersonPay }) {
  return (
    <Flex vertical gap={6} data-testid={`pay-breakdown-${person.key}`}>
      {person.pay.lines.map((line, i) => (
        <Flex key={`${line.kind}-${i}`} vertical style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 4 }}>
          <Flex justify="space-between" gap={8}>
            <Typography.Text>{line.label}</Typography.Text>
            <Typography.Text strong type={line.amountFen < 0 ? 'danger' : undefined}>{formatFen(line.amountFen)}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{line.why}</Typography.Text>
        </Flex>
      ))}
      <Flex justify="space-between">
        <Typography.Text strong>应发合计</Typography.Text>
        <Typography.Text strong>{formatFen(person.pay.totalFen)}</Typography.Text>
      </Flex>
    </Flex>
  );
}
