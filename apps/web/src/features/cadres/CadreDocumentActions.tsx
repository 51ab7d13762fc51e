import { useState } from 'react';
import { Button } from 'antd';
import { ImportOutlined } from '../../lib/icons';
import type { VillageCadres } from '@dj/contracts';
import { ApprovalFormButton, RosterDownloadButton } from './CadreDocumentButtons';
import { CadreImportWizard } from './CadreImportWizard';

/** The village 干部 page's documents: the roster, a cadre's 任免审批表, and (for the town) the 两委 import. */
export function CadreDocumentActions({ data }: { data: VillageCadres }) {
  const [importing, setImporting] = useState(false);
  const village = data.villageName ?? data.name.replace(/党支部$/, '');
  return (
    <>
      <RosterDownloadButton orgId={data.organizationId} />
      <ApprovalFormButton data={data} />
      {data.can.edit && <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>导入两委名册</Button>}
      {importing && <CadreImportWizard orgId={data.organizationId} villageName={village} open onClose={() => setImporting(false)} />}
    </>
  );
}
