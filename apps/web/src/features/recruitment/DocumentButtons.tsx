import { useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { DownloadOutlined } from '../../lib/icons';
import {
  RECRUITMENT_DOCUMENT_LABELS,
  RECRUITMENT_DOCUMENTS,
  REGISTER_DOCUMENT_LABELS,
  REGISTER_DOCUMENTS,
} from '@dj/contracts';
import { errorMessage } from '../../lib/api-client';
import { downloadRecruitmentDocument, downloadRegister, type DocumentFormat } from './api';

const FORMATS: { format: DocumentFormat; label: string }[] = [
  { format: 'docx', label: 'Word' },
  { format: 'pdf', label: 'PDF' },
];

interface Doc {
  key: string;
  label: string;
  download: (format: DocumentFormat) => Promise<string>;
}

function DocumentRows({ docs }: { docs: Doc[] }) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<string | null>(null);
  const run = (doc: Doc, format: DocumentFormat) => {
    const id = `${doc.key}.${format}`;
    setPending(id);
    doc.download(format).then(
      (name) => message.success(`已开始下载“${name}”`),
      (error: unknown) => message.error(errorMessage(error)),
    ).finally(() => setPending(null));
  };
  return (
    <Flex vertical gap={8}>
      {docs.map((doc) => (
        <Flex key={doc.key} gap={8} wrap align="center">
          <Typography.Text style={{ minWidth: 140 }}>{doc.label}</Typography.Text>
          {FORMATS.map(({ format, label }) => (
            <Button
              key={format}
              size="small"
              icon={<DownloadOutlined aria-hidden />}
              loading={pending === `${doc.key}.${format}`}
              aria-label={`${doc.label}·${label}`}
              onClick={() => run(doc, format)}
            >
              {label}
            </Button>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}

/** 全程纪实表, 谈话记录, 公示 of one recruitment, as Word or PDF. */
export function RecruitmentDocumentButtons({ recruitmentId }: { recruitmentId: number }) {
  const docs = RECRUITMENT_DOCUMENTS.map((kind) => ({
    key: kind,
    label: RECRUITMENT_DOCUMENT_LABELS[kind],
    download: (format: DocumentFormat) => downloadRecruitmentDocument(recruitmentId, kind, format, RECRUITMENT_DOCUMENT_LABELS[kind]),
  }));
  return <DocumentRows docs={docs} />;
}

/** 入党积极分子名册 / 发展对象名单 / 预备党员名册 of the chosen scope. */
export function RegisterButtons({ orgId }: { orgId?: number }) {
  const docs = REGISTER_DOCUMENTS.map((kind) => ({
    key: kind,
    label: REGISTER_DOCUMENT_LABELS[kind],
    download: (format: DocumentFormat) => downloadRegister(kind, format, REGISTER_DOCUMENT_LABELS[kind], orgId),
  }));
  return <DocumentRows docs={docs} />;
}
