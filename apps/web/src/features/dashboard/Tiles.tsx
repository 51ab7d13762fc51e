import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { DashboardTile, DashboardTone, DashboardTown } from '@dj/contracts';
import { STATUS_TEXT } from '../../lib/theme';

const TONE_COLORS: Record<DashboardTone, string | undefined> = { ok: STATUS_TEXT.success, due: STATUS_TEXT.warning, late: STATUS_TEXT.error, info: undefined };

/** One module's figures; each figure and the tile's title open the records behind them. No figure is a rank. */
function Tile({ tile }: { tile: DashboardTile }) {
  return (
    <Card size="small" className="dashboard-tile" data-testid={`tile-${tile.key}`} title={<Link to={tile.link}>{tile.title}</Link>}>
      <Row gutter={[8, 8]}>
        {tile.figures.map((f) => (
          <Col key={f.label} xs={12} sm={8}>
            {/* A link around each figure: the page that lists its records, filtered. */}
            {f.link ? (
              <Link to={f.link} aria-label={`${tile.title}·${f.label}${f.value}`}>
                <Statistic title={f.label} value={f.value} styles={{ content: { color: TONE_COLORS[f.tone], fontSize: 22 } }} />
              </Link>
            ) : <Statistic title={f.label} value={f.value} />}
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" className="dashboard-note">{tile.note}</Typography.Paragraph>
    </Card>
  );
}

/** The tiles, stacking one per line on a phone. */
export function Tiles({ tiles }: { tiles: DashboardTile[] }) {
  return (
    <Row gutter={[12, 12]}>
      {tiles.map((t) => <Col key={t.key} xs={24} md={12} xl={8}><Tile tile={t} /></Col>)}
    </Row>
  );
}

/** Under the pipeline chart: each phase opens the list of its recruitments (the village's on a 村情卡). */
export function PipelineLinks({ pipeline, orgId }: { pipeline: DashboardTown['pipeline']; orgId?: number }) {
  return (
    <Flex gap={12} wrap data-testid="pipeline-links">
      {pipeline.map((p) => (
        <Link key={p.phase} to={`/recruitment/recruitments?phase=${p.phase}${orgId ? `&orgId=${orgId}` : ''}`}>{p.label} {p.count}人</Link>
      ))}
    </Flex>
  );
}
