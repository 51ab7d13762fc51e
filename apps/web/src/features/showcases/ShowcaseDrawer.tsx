import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Flex, Image, Input, List, Popconfirm, Space, Spin, Typography } from 'antd';
import { ShowcasePhotoQuerySchema, ShowcasePracticesSchema, SHOWCASE_STATUS_LABELS, type Showcase } from '@dj/contracts';
import { FilePickButton } from '../../components/FilePickButton';
import { errorMessage } from '../../lib/api-client';
import { downloadFile } from '../../lib/download';
import { textPropsOf } from '../../lib/contract-rules';
import { showcasePhotoUrl, useShowcase, useShowcaseWrite } from './api';
import { EvaluationSection } from './EvaluationSection';
import { VisitsSection } from './VisitsSection';
import { SectionTitle } from '../../components/PageTitle';

const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

/** The branch's live figures: counted from the records when the page is read, never typed. */
function Figures({ s }: { s: Showcase }) {
  const f = s.figures;
  return (
    <Descriptions size="small" column={1} bordered title="实时数据(来自平台记录)">
      <Descriptions.Item label={`${f.year}年开展组织生活`}>{f.activitiesHeld}次</Descriptions.Item>
      <Descriptions.Item label="党员人数">{f.members}名</Descriptions.Item>
      {s.isVillage && <Descriptions.Item label="村集体收入">{f.income ? `${f.income.year}年 ${wan(f.income.totalFen)}万元(经镇审核)` : '尚无经镇审核的年度'}</Descriptions.Item>}
    </Descriptions>
  );
}

function Practices({ s }: { s: Showcase }) {
  const write = useShowcaseWrite(s.id);
  const { message } = App.useApp();
  const [text, setText] = useState(s.practices ?? '');
  const [summary, setSummary] = useState(s.summary ?? '');
  if (!s.can.update) return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.practices ?? '尚未填写经验做法'}</Typography.Paragraph>;
  return (
    <Flex vertical gap={6}>
      <Input aria-label="简介" placeholder="简介" value={summary} onChange={(e) => setSummary(e.target.value)} {...textPropsOf(ShowcasePracticesSchema, 'summary')} />
      <Input.TextArea aria-label="经验做法" rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder="分段填写,空行分段" {...textPropsOf(ShowcasePracticesSchema, 'practices')} />
      <Typography.Text type="secondary">修改后需镇党委重新公开(公开前自动检查身份证号、手机号)。</Typography.Text>
      <Button loading={write.practices.isPending} onClick={() => write.practices.mutate({ summary: summary || null, practices: text || null }, {
        onSuccess: () => message.success('已保存'), onError: (e) => message.error(errorMessage(e)),
      })}>保存经验做法</Button>
    </Flex>
  );
}

function Photos({ s }: { s: Showcase }) {
  const write = useShowcaseWrite(s.id);
  const { message } = App.useApp();
  const [caption, setCaption] = useState('');
  const onFiles = async (files: File[]) => {
    for (const file of files) {
      try { await write.photo.mutateAsync({ file, caption: caption.trim() || undefined }); message.success(`已上传“${file.name}”`); } catch (e) { message.error(errorMessage(e)); }
    }
    setCaption('');
  };
  return (
    <Flex vertical gap={6}>
      {s.can.update && (
        <Flex gap={8} wrap>
          <Input aria-label="照片说明" placeholder="照片说明(选填)" value={caption} onChange={(e) => setCaption(e.target.value)} style={{ maxWidth: 240 }} {...textPropsOf(ShowcasePhotoQuerySchema, 'caption')} />
          <FilePickButton category="photo" label="上传照片" loading={write.photo.isPending} onFiles={(files) => void onFiles(files)} />
        </Flex>
      )}
      {s.photos.length === 0 ? <Typography.Text type="secondary">还没有照片</Typography.Text> : (
        <Image.PreviewGroup>
          <Flex gap={6} wrap>{s.photos.map((p) => <Image key={p.id} width={110} src={showcasePhotoUrl(s.id, p.id)} alt={p.caption ?? '示范点照片'} />)}</Flex>
        </Image.PreviewGroup>
      )}
    </Flex>
  );
}

/** 情况报告: Word or A4 PDF, for whoever reads the showcase. */
function Report({ s }: { s: Showcase }) {
  const { message } = App.useApp();
  const get = (format: 'pdf' | 'docx') => downloadFile(`/api/showcases/${s.id}/report.${format}`, `${s.name}情况报告.${format}`).catch((e) => message.error(errorMessage(e)));
  return <Space.Compact><Button onClick={() => void get('docx')}>报告(Word)</Button><Button onClick={() => void get('pdf')}>PDF</Button></Space.Compact>;
}

function Publish({ s }: { s: Showcase }) {
  const write = useShowcaseWrite(s.id);
  const { message } = App.useApp();
  if (!s.can.manage) return null;
  const run = (on: boolean) => write.publish.mutate(on, { onSuccess: () => message.success(on ? '已在镇门户公开' : '已取消公开'), onError: (e) => message.error(errorMessage(e)) });
  return s.published
    ? <Popconfirm title="取消在镇门户公开?" onConfirm={() => run(false)}><Button>取消公开</Button></Popconfirm>
    : <Button type="primary" loading={write.publish.isPending} onClick={() => run(true)}>在镇门户公开</Button>;
}

/** One showcase: figures, practices, evaluations, visits, photos; the town's actions where it may. */
export function ShowcaseDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const showcase = useShowcase(id);
  const s = showcase.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width="min(720px, 100vw)" title={s ? s.name : '示范点'} destroyOnHidden extra={s && <Space wrap><Report s={s} /><Publish s={s} /></Space>}>
      {!s ? <Spin /> : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{s.organizationName} · {s.theme} · {SHOWCASE_STATUS_LABELS[s.status]}</Typography.Text>
          <Figures s={s} />
          <SectionTitle style={{ margin: 0 }}>经验做法</SectionTitle>
          <Practices key={`${s.id}-${s.practices ?? ''}`} s={s} />
          <EvaluationSection s={s} />
          <VisitsSection s={s} />
          <SectionTitle style={{ margin: 0 }}>照片</SectionTitle>
          <Photos s={s} />
          {s.evaluations.length > 0 && <List size="small" header="历年评估" dataSource={s.evaluations} renderItem={(e) => <List.Item>{e.year}年 · {e.items.length}条标准</List.Item>} />}
        </Flex>
      )}
    </Drawer>
  );
}
