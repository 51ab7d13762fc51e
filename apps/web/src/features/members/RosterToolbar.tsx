import { useEffect, useState } from 'react';
import { Button, Card, Flex, Input, Segmented, Select, Space, TreeSelect } from 'antd';
import { AuditOutlined, DownloadOutlined, FileExcelOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '../../lib/icons';
import { Link } from 'react-router';
import { MEMBER_FILTER_LABELS, MEMBER_FILTERS, RANGE_LABELS, RANGES, type Range } from '@dj/contracts';
import type { MemberFilter } from './roster-params';
import type { OrgOption } from '../../lib/org-options';

const RANGE_OPTIONS = RANGES.map((range) => ({ value: range, label: RANGE_LABELS[range] }));
const FILTER_OPTIONS = MEMBER_FILTERS.map((filter) => ({ value: filter, label: MEMBER_FILTER_LABELS[filter] }));

interface Props {
  narrow: boolean;
  orgOptions: OrgOption[];
  orgLoading: boolean;
  orgId: number | undefined;
  /** With several scope roots, clearing the organisation means "everything I may see". */
  allowAllScope: boolean;
  onOrgChange: (orgId: number | undefined) => void;
  range: Range;
  onRangeChange: (range: Range) => void;
  q: string;
  onSearch: (q: string) => void;
  filter: MemberFilter;
  onFilterChange: (filter: MemberFilter) => void;
  canManage: boolean;
  onCreate: () => void;
  onImport: () => void;
  onExport: () => void;
  exporting: boolean;
  onTemplate: () => void;
  templating: boolean;
}

export function RosterToolbar(props: Props) {
  const { narrow, q } = props;
  const [text, setText] = useState(q);
  // The address bar is the truth: back/forward or a reset brings a different q.
  useEffect(() => setText(q), [q]);

  return (
    <Card size="small" className="roster-toolbar">
      {/* The roster's h1 (issue 21 point 2): the page opens on its filters, with no visible title. */}
      <h1 className="visually-hidden">党员名册</h1>
      <Flex gap={12} wrap align="center">
        <TreeSelect<number>
          aria-label="组织"
          className="roster-org-select"
          treeData={props.orgOptions}
          value={props.orgId}
          onChange={(value) => props.onOrgChange(value ?? undefined)}
          allowClear={props.allowAllScope}
          placeholder={props.allowAllScope ? '全部管辖范围' : '请选择组织'}
          loading={props.orgLoading}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          notFoundContent="没有可选的组织"
        />
        <Segmented<Range>
          options={RANGE_OPTIONS}
          value={props.range}
          onChange={props.onRangeChange}
          disabled={props.orgId === undefined}
          aria-label="范围"
        />
        {/* Input + button rather than Input.Search, so the test id sits on the <input> itself. */}
        <Space.Compact className="roster-search">
          <Input
            type="search"
            enterKeyHint="search"
            placeholder="姓名 或 身份证号后4位"
            aria-label="搜索党员"
            data-testid="member-search"
            allowClear
            maxLength={40}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              // The clear icon empties the box: show everyone again straight away.
              if (event.target.value === '' && q) props.onSearch('');
            }}
            onPressEnter={() => props.onSearch(text.trim())}
          />
          <Button icon={<SearchOutlined />} aria-label="搜索" onClick={() => props.onSearch(text.trim())} />
        </Space.Compact>
      </Flex>
      <div className="roster-filters">
        {narrow ? (
          <Select<MemberFilter>
            aria-label="筛选"
            options={FILTER_OPTIONS}
            value={props.filter}
            onChange={props.onFilterChange}
            style={{ width: '100%' }}
          />
        ) : (
          <Segmented<MemberFilter> options={FILTER_OPTIONS} value={props.filter} onChange={props.onFilterChange} aria-label="筛选" />
        )}
      </div>
      <Flex gap={8} wrap>
        {props.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate}>
            登记党员
          </Button>
        )}
        {props.canManage && (
          <Button icon={<UploadOutlined />} onClick={props.onImport}>
            批量导入
          </Button>
        )}
        <Button icon={<DownloadOutlined />} onClick={props.onExport} loading={props.exporting}>
          导出名册
        </Button>
        {/* Exports of full numbers above the town's threshold are requested and approved there (安全测试清单第27项). */}
        <Link to="/members/exports" style={{ alignSelf: 'center' }}>
          <AuditOutlined /> 导出申请
        </Link>
        {props.canManage && (
          <Button icon={<FileExcelOutlined />} onClick={props.onTemplate} loading={props.templating}>
            下载导入模板
          </Button>
        )}
      </Flex>
    </Card>
  );
}
