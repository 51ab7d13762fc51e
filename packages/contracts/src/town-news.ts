import { z } from 'zod';

/**
 * 党建动态 (issue 20 point 6): the town's news on its public site. A post is drafted, approved by a second person (not its
 * drafter) and published by the town; publishing runs the 三务公开 personal-number scan once and stores the result. A
 * body is paragraphs of plain text; a line [图片N] shows the post's Nth uploaded image there (no HTML is ever stored).
 */
export const NEWS_STATUSES = ['draft', 'approved', 'published', 'withdrawn'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = { draft: '草稿', approved: '已审核', published: '已发布', withdrawn: '已撤回' };
export const NEWS_LIMITS = { title: 60, summary: 120, body: 10000, author: 30, images: 9, caption: 60 } as const;
const L = NEWS_LIMITS;
/** A body line that stands for an image: [图片1] is the first image uploaded to the post. */
export const NEWS_IMAGE_LINE = /^\[图片(\d{1,2})\]$/;

export const NewsInputSchema = z.object({
  title: z.string().trim().min(4, '标题至少4个字').max(L.title, `标题不能超过${L.title}个字`).meta({ label: '标题' }),
  summary: z.string().trim().min(4, '摘要至少4个字').max(L.summary, `摘要不能超过${L.summary}个字`).meta({ label: '摘要' }),
  body: z.string().trim().min(10, '正文至少10个字').max(L.body, `正文不能超过${L.body}个字`).meta({ label: '正文' }),
  author: z.string().trim().min(2, '作者至少2个字').max(L.author, `作者不能超过${L.author}个字`).meta({ label: '作者' }),
}).strict();
export type NewsInput = z.input<typeof NewsInputSchema>;
export const NewsImageQuerySchema = z.object({ caption: z.string().trim().max(L.caption, `图片说明不能超过${L.caption}个字`).optional().meta({ label: '图片说明' }) });
export const NewsImageParamSchema = z.object({ id: z.coerce.number().int().positive(), imageId: z.coerce.number().int().positive() });

export const NewsSummarySchema = z.object({
  id: z.number(), title: z.string(), summary: z.string(), author: z.string(), status: z.enum(NEWS_STATUSES),
  createdByName: z.string().nullable(), approvedByName: z.string().nullable(), publishedAt: z.string().nullable(), updatedAt: z.string(),
});
export type NewsSummary = z.infer<typeof NewsSummarySchema>;
export const NewsListSchema = z.object({ items: z.array(NewsSummarySchema), townCode: z.string() });
export type NewsList = z.infer<typeof NewsListSchema>;
export const NewsSchema = NewsSummarySchema.extend({
  body: z.string(),
  images: z.array(z.object({ id: z.number(), caption: z.string().nullable(), size: z.number() })),
  can: z.object({ edit: z.boolean(), approve: z.boolean(), publish: z.boolean(), withdraw: z.boolean() }),
});
export type News = z.infer<typeof NewsSchema>;
