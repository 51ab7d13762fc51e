import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateProductSchema, EconomyListQuerySchema, IdParamSchema, OkSchema, ProductInputSchema, ProductListSchema, ProductSchema } from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './products-service.js';

/** 一村一品: the villages' signature products (issue 18 point 4). */
export const productsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['economy'];
  app.get('/economy/products', { schema: { tags, summary: '一村一品:各村特色产品(按村,组织顺序)', querystring: EconomyListQuerySchema, response: { 200: ProductListSchema } } },
    async (request) => service.listProducts(app.db, currentUser(request), request.query.orgId));
  app.post('/economy/products', { schema: { tags, summary: '登记一村一品', body: CreateProductSchema, response: { 200: ProductSchema } } },
    async (request) => service.createProduct(app.db, callerOf(request), request.body));
  app.patch('/economy/products/:id', { schema: { tags, summary: '修改一村一品', params: IdParamSchema, body: ProductInputSchema, response: { 200: ProductSchema } } },
    async (request) => service.updateProduct(app.db, callerOf(request), request.params.id, request.body));
  app.delete('/economy/products/:id', { schema: { tags, summary: '删除一村一品(误登记时)', params: IdParamSchema, response: { 200: OkSchema } } },
    async (request) => service.deleteProduct(app.db, callerOf(request), request.params.id));
};
