import { Alert, Button } from 'antd';
import { errorMessage } from '../lib/api-client';

/** A failed load: what failed, the server's reason, and a retry. One look for every page. */
export function LoadError({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => unknown }) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorMessage(error)}
      action={<Button size="small" onClick={() => onRetry()}>重试</Button>}
    />
  );
}
