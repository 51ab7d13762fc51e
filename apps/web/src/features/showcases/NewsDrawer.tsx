import { useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Image, Input, Space, Spin } from 'antd';
import { NewsImageQuerySchema, NewsInputSchema, NEWS_STATUS_LABELS, type News, type NewsInput } from '@dj/contracts';
import { FilePickButton } from '../../components/FilePickButton';
import { errorMessage } from '../../lib/api-client';
import { applyFieldErrors } from '../../lib/form-errors';
import { rulesFor, textPropsOf } from '../../lib/contract-rules';
import { newsImageUrl, useCreateNews, useNews, useNewsWrite } from './api';
import { SectionTitle } from '../../components/PageTitle';

const FIELDS = ['title', 'summary', 'body', 'author'] as const;

function NewsForm({ post, onSaved }: { post: News | null; onSaved: (id: number) => void }) {
  const [form] = Form.useForm<NewsInput>();
  const create = useCreateNews();
  const write = useNewsWrite(post?.id ?? 0);
  const { message } = App.useApp();
  const save = post ? write.edit : create;
  const locked = post?.status === 'published';
  return (
    <Form form={form} layout="vertical" name="news" disabled={locked}
      initialValues={post ? { title: post.title, summary: post.summary, body: post.body, author: post.author } : { author: '镇党建办' }}
      onFinish={(values) => save.mutate(values, {
        onSuccess: (saved) => { message.success('已保存'); onSaved((saved as News).id); },
        onError: (e) => { if (!applyFieldErrors(form, e, FIELDS)) message.error(errorMessage(e)); },
      })}>
      <Form.Item name="title" label="标题" rules={rulesFor(NewsInputSchema, 'title')}><Input {...textPropsOf(NewsInputSchema, 'title')} /></Form.Item>
      <Form.Item name="summary" label="摘要(微信分享时显示)" rules={rulesFor(NewsInputSchema, 'summary')}><Input.TextArea rows={2} {...textPropsOf(NewsInputSchema, 'summary')} /></Form.Item>
      <Form.Item name="body" label="正文" rules={rulesFor(NewsInputSchema, 'body')} extra="空行分段;单独一行写 [图片1] 在此处显示第1张图片。">
        <Input.TextArea rows={10} {...textPropsOf(NewsInputSchema, 'body')} />
      </Form.Item>
      <Form.Item name="author" label="作者" rules={rulesFor(NewsInputSchema, 'author')}><Input {...textPropsOf(NewsInputSchema, 'author')} /></Form.Item>
      {!locked && <Button type="primary" htmlType="submit" loading={save.isPending}>{post ? '保存修改' : '保存草稿'}</Button>}
    </Form>
  );
}

function Images({ post }: { post: News }) {
  const write = useNewsWrite(post.id);
  const { message } = App.useApp();
  const [caption, setCaption] = useState('');
  const onFiles = async (files: File[]) => {
    for (const file of files) {
      try { await write.image.mutateAsync({ file, caption: caption.trim() || undefined }); message.success(`已上传“${file.name}”`); } catch (e) { message.error(errorMessage(e)); }
    }
    setCaption('');
  };
  return (
    <Flex vertical gap={6}>
      <SectionTitle style={{ margin: 0 }}>图片(第1张为分享图)</SectionTitle>
      {post.can.edit && (
        <Flex gap={8} wrap>
          <Input aria-label="图片说明" placeholder="图片说明(选填)" value={caption} onChange={(e) => setCaption(e.target.value)} style={{ maxWidth: 240 }} {...textPropsOf(NewsImageQuerySchema, 'caption')} />
          <FilePickButton category="photo" label="上传图片" loading={write.image.isPending} onFiles={(files) => void onFiles(files)} />
        </Flex>
      )}
      <Flex gap={6} wrap>{post.images.map((im, i) => <Image key={im.id} width={110} src={newsImageUrl(post.id, im.id)} alt={`图片${i + 1}`} />)}</Flex>
    </Flex>
  );
}

function Steps({ post, townCode }: { post: News; townCode: string }) {
  const write = useNewsWrite(post.id);
  const { message } = App.useApp();
  const run = (step: 'approve' | 'publish' | 'withdraw', done: string) => write.step.mutate(step, { onSuccess: () => message.success(done), onError: (e) => message.error(errorMessage(e)) });
  return (
    <Space wrap>
      {post.can.approve && <Button type="primary" loading={write.step.isPending} onClick={() => run('approve', '已审核')}>审核通过</Button>}
      {post.can.publish && <Button type="primary" loading={write.step.isPending} onClick={() => run('publish', '已发布')}>发布</Button>}
      {post.can.withdraw && <Button danger loading={write.step.isPending} onClick={() => run('withdraw', '已撤回')}>撤回</Button>}
      {post.status === 'published' && <Button href={`/public/towns/${townCode}/news/${post.id}`} target="_blank">查看公开页面</Button>}
    </Space>
  );
}

/** A post: the form, its images and the next step of the workflow for whoever may take it. */
export function NewsDrawer({ target, townCode, onClose, onCreated }: { target: number | 'new' | null; townCode: string; onClose: () => void; onCreated: (id: number) => void }) {
  const post = useNews(typeof target === 'number' ? target : null);
  const p = post.data;
  const waiting = p && p.status === 'draft' && !p.can.approve;
  return (
    <Drawer open={target !== null} onClose={onClose} width="min(720px, 100vw)" destroyOnHidden title={target === 'new' ? '撰写动态' : p ? `${p.title}(${NEWS_STATUS_LABELS[p.status]})` : '党建动态'}>
      {target === 'new' ? <NewsForm post={null} onSaved={onCreated} /> : !p ? <Spin /> : (
        <Flex vertical gap={16}>
          <Steps post={p} townCode={townCode} />
          {waiting && <Alert type="info" showIcon message="草稿须由撰写人以外的镇党委管理员审核。" />}
          <NewsForm key={`${p.id}-${p.updatedAt}`} post={p} onSaved={() => undefined} />
          <Images post={p} />
        </Flex>
      )}
    </Drawer>
  );
}
