import { useState } from 'react';
import { Button, Flex, Space, Tag, Typography } from 'antd';
import { PRODUCT_CATEGORY_LABELS, type EconomyVillageRef, type Product } from '@dj/contracts';
import { ProductDrawer } from './ProductDrawer';
import { RecordsByVillage } from './RecordsByVillage';
import { fenToWan, useProducts } from './records-api';

/** The figures of a product that were given, joined for one line ("120.5亩 · 年产300吨 · 年产值450万元"). */
function figures(p: Product) {
  return [
    p.areaMu !== null && `${p.areaMu}亩`,
    p.outputAmount !== null && `年产${p.outputAmount}${p.outputUnit ?? ''}`,
    p.valueFen !== null && `年产值${fenToWan(p.valueFen)}万元`,
    p.households !== null && `带动${p.households}户`,
    p.figuresYear !== null && `(${p.figuresYear}年)`,
  ].filter(Boolean).join(' · ');
}

/** 一村一品: each village's signature products. */
export function ProductsTab() {
  const products = useProducts();
  const [target, setTarget] = useState<{ village: EconomyVillageRef; product: Product | null } | null>(null);
  const villageOf = (p: Product) => products.data!.villages.find((v) => v.organizationId === p.organizationId)!;
  return (
    <>
      <RecordsByVillage what="一村一品" testId="products" query={products} addLabel="登记产品" onAdd={(village) => setTarget({ village, product: null })}
        renderItem={(p: Product) => (
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Tag color="green">{PRODUCT_CATEGORY_LABELS[p.category]}</Tag>
                {p.naturalVillage && <Tag>{p.naturalVillage}</Tag>}
              </Space>
              {figures(p) && <Typography.Text type="secondary">{figures(p)}</Typography.Text>}
              {p.brand && <Typography.Text>品牌/认证:{p.brand}</Typography.Text>}
            </Flex>
            {p.can.edit && <Button size="small" type="link" onClick={() => setTarget({ village: villageOf(p), product: p })}>修改</Button>}
          </Flex>
        )} />
      <ProductDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
