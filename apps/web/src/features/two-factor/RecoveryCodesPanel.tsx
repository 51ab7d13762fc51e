import { useState } from 'react';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { CopyOutlined, PrinterOutlined } from '../../lib/icons';

interface Props {
  codes: string[];
  /** The button under the codes ("我已保存,进入系统"). */
  doneText: string;
  onDone: () => void;
}

/**
 * The 10 recovery codes, shown once (the server keeps only hashes): to print or copy, each good for one sign-in
 * when the phone is lost.
 */
export function RecoveryCodesPanel({ codes, doneText, onDone }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(codes.join('\n'));
    setCopied(true);
  };
  return (
    <div className="recovery-codes">
      <Alert
        type="warning"
        showIcon
        title="请立即打印或抄写下面的恢复码"
        description="手机丢失或更换时,每个恢复码可代替验证码登录一次。离开本页后不再显示;请与手机分开保管,不要拍照发到微信群。"
        style={{ marginBottom: 12 }}
      />
      <ol className="recovery-code-list" aria-label="恢复码">
        {codes.map((code) => (
          <li key={code}>
            <Typography.Text code copyable={false} style={{ fontSize: 16 }}>{code}</Typography.Text>
          </li>
        ))}
      </ol>
      <Flex wrap gap={8} justify="space-between" className="no-print">
        <Space wrap>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>{copied ? '已复制' : '复制全部'}</Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
        </Space>
        <Button type="primary" onClick={onDone}>{doneText}</Button>
      </Flex>
    </div>
  );
}
