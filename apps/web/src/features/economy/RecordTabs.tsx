import { ActorsTab } from './ActorsTab';
import { ProductsTab } from './ProductsTab';
import { ProjectsTab } from './ProjectsTab';

/** The 集体经济 page's sections besides the income (issue 18 points 4–5): 一村一品, 经营主体, 村级项目. */
export const RECORD_TABS = [
  { key: 'products', label: '一村一品' },
  { key: 'actors', label: '经营主体' },
  { key: 'projects', label: '村级项目' },
];

export function RecordSection({ tab }: { tab: string }) {
  if (tab === 'products') return <ProductsTab />;
  if (tab === 'actors') return <ActorsTab />;
  if (tab === 'projects') return <ProjectsTab />;
  return null;
}
