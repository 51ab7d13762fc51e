import { Flex, Select, Skeleton, Space } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { todayInShanghai } from '@dj/contracts';
import { LoadError } from '../../components/LoadError';
import { usePersonHours } from './api';
import { DocumentDownload } from './DocumentDownload';
import { HoursSummary, PersonSessions } from './HoursSummary';
import { PageTitle, SectionTitle } from '../../components/PageTitle';

const thisYear = Number(todayInShanghai().slice(0, 4));
const YEARS = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }));

/** 个人学时 (issue 19 point 2), opened from a branch's 学时对照 or a session's attendance: one person's year. */
export function PersonHoursPage() {
  const personId = Number(useParams().personId);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear);
  const query = usePersonHours(personId, year);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 820 }}>
      <Link to={`/education?tab=hours&year=${year}${params.get('orgId') ? `&orgId=${params.get('orgId')}` : ''}`}>← 学时对照</Link>
      <Space wrap>
        <PageTitle>{query.data ? `${query.data.name}的学时` : '个人学时'}</PageTitle>
        <Select value={year} options={YEARS} aria-label="年度" onChange={(y) => { const next = new URLSearchParams(params); next.set('year', String(y)); setParams(next); }} />
        {query.data && <DocumentDownload label={`${year}年度培训档案`} path={`/api/education/people/${personId}/record.`} name={`${query.data.name}${year}年度培训档案`} query={{ year }} />}
      </Space>
      {query.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : query.isError ? (
        <LoadError title="学时加载失败" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <>
          <HoursSummary hours={query.data} title={`${year}年度学时`} />
          <SectionTitle style={{ margin: 0 }}>参加的培训</SectionTitle>
          <PersonSessions hours={query.data} linked />
        </>
      )}
    </Flex>
  );
}
