import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Space, Typography } from 'antd';
import { CopyOutlined, PrinterOutlined } from '../../lib/icons';
import type { Credential } from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { downloadCredentialSheet } from './api';

/**
 * A one-time password, shown once: the server keeps only its hash, and this modal keeps it only while open (the
 * caller drops it on close, and no query caches it). 打印交接单 posts it for the A4 hand-out sheet.
 */
export function CredentialModal({ credential, title, onClose }: { credential: Credential | null; title: string; onClose: () => void }) {
  // Unmounted, not merely closed, when dropped: a closing antd modal keeps its last content in the page.
  return credential ? <ShownCredential credential={credential} title={title} onClose={onClose} /> : null;
}

function ShownCredential({ credential, title, onClose }: { credential: Credential; title: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [printing, setPrinting] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`用户名:${credential.username} 一次性密码:${credential.oneTimePassword}`);
      message.success('已复制用户名和一次性密码');
    } catch {
      message.error('无法复制,请手工抄写');
    }
  };
  const print = async () => {
    setPrinting(true);
    try {
      await downloadCredentialSheet([credential]);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Modal
      title={title}
      open
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={<Button type="primary" onClick={onClose}>我已记下</Button>}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="一次性密码只显示这一次,关闭后无法再查看。请交给本人,首次登录时须修改。" />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="姓名">{credential.displayName}</Descriptions.Item>
        <Descriptions.Item label="所属组织">{credential.organizationName}</Descriptions.Item>
        <Descriptions.Item label="用户名">{credential.username}</Descriptions.Item>
        <Descriptions.Item label="一次性密码">
          <Typography.Text code data-testid="one-time-password" style={{ fontSize: 18 }}>{credential.oneTimePassword}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 12 }}>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>复制</Button>
        <Button icon={<PrinterOutlined />} onClick={() => void print()} loading={printing}>打印交接单</Button>
      </Space>
    </Modal>
  );
}
