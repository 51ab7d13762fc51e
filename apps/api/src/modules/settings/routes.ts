import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SettingKeyParamSchema, SettingListSchema, SettingSchema, UpdateSettingSchema } from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { listSettings, updateSetting } from './service.js';

export const settingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['settings'];
  app.get('', { schema: { tags, summary: '本镇规则设置(含默认值与依据)', response: { 200: SettingListSchema } } },
    async (request) => listSettings(app.db, currentUser(request)));
  app.patch('/:key', { schema: { tags, summary: '修改本镇规则设置', params: SettingKeyParamSchema, body: UpdateSettingSchema, response: { 200: SettingSchema } } },
    async (request) => updateSetting(app.db, callerOf(request), request.params.key, request.body.value));
};
