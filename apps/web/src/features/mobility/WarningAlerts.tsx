import { Alert, Flex } from 'antd';

export interface RuleWarning {
  code: string;
  message: string;
  rule?: string | null;
}

/**
 * Deadline warnings with the rule they come from. They ask the branch to look into something; the system
 * itself never stops a 党籍 or transfers a relation.
 */
export function WarningAlerts({ warnings, testId }: { warnings: readonly RuleWarning[]; testId?: string }) {
  if (warnings.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {warnings.map((warning, index) => (
        <Alert
          key={`${warning.code}-${index}`}
          type="warning"
          showIcon
          title={warning.message}
          description={warning.rule ? `依据:${warning.rule}` : undefined}
          className="rule-warning"
        />
      ))}
    </Flex>
  );
}
