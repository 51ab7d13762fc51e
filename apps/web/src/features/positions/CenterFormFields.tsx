import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '../../lib/icons';
import {
  SaveServiceCenterSchema, ServiceCenterRoomSchema, DEFAULT_SERVICE_CENTER_ROOMS, SERVICE_CENTER_STANDARD_LABELS, SERVICE_CENTER_STANDARDS, type SaveServiceCenter,
} from '@dj/contracts';
import { DateInput } from '../../components/DateInput';
import type { ServiceCenter } from './api';
import { numberPropsOf, rulesFor, textPropsOf } from '../../lib/contract-rules';

export interface RoomValues {
  name?: string;
  purpose?: string | null;
  area?: number | null;
}

export interface CenterValues {
  name?: string;
  address?: string;
  floorArea?: number | null;
  rooms?: RoomValues[];
  openingHours?: string | null;
  standard?: 'high' | 'basic';
  builtOn?: string | null;
  note?: string | null;
}

/** The fields the server may report errors on, by form name. */
export const CENTER_FIELDS = ['name', 'address', 'floorArea', 'rooms', 'openingHours', 'standard', 'builtOn', 'note'] as const;

const defaultRooms = (): RoomValues[] => DEFAULT_SERVICE_CENTER_ROOMS.map((room) => ({ name: room.name, purpose: room.purpose, area: null }));

/** Form values of a centre; a centre without rooms starts from the 四室一厅 list. */
export function centerInitialValues(center?: ServiceCenter, villageName?: string): CenterValues {
  if (!center) {
    return {
      name: villageName ? `${villageName.replace(/党支部$/, '')}党群服务中心` : '',
      address: '',
      floorArea: null,
      rooms: defaultRooms(),
      openingHours: '周一至周五 8:30-12:00,13:30-17:30',
      standard: 'basic',
      builtOn: null,
      note: null,
    };
  }
  return {
    name: center.name,
    address: center.address,
    floorArea: center.floorArea,
    rooms: center.rooms.length > 0 ? center.rooms.map((r) => ({ ...r })) : defaultRooms(),
    openingHours: center.openingHours,
    standard: center.standard,
    builtOn: center.builtOn,
    note: center.note,
  };
}

const trimOrNull = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** The PUT body: blanks become null, unnamed room rows are dropped. */
export function toCenterBody(values: CenterValues): SaveServiceCenter {
  return {
    name: values.name?.trim() ?? '',
    address: values.address?.trim() ?? '',
    floorArea: values.floorArea ?? null,
    rooms: (values.rooms ?? [])
      .filter((room) => room.name?.trim())
      .map((room) => ({ name: room.name!.trim(), purpose: trimOrNull(room.purpose), area: room.area ?? null })),
    openingHours: trimOrNull(values.openingHours),
    standard: values.standard ?? 'basic',
    builtOn: values.builtOn ?? null,
    note: trimOrNull(values.note),
  };
}

function RoomsEditor({ disabled }: { disabled?: boolean }) {
  return (
    <Form.List name="rooms">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4} data-testid="rooms-editor">
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top" wrap>
              <Col xs={24} sm={7}>
                <Form.Item name={[field.name, 'name']} rules={rulesFor(ServiceCenterRoomSchema, 'name')} style={{ marginBottom: 8 }}>
                  <Input aria-label={`房间${index + 1}名称`} placeholder="房间名称" {...textPropsOf(ServiceCenterRoomSchema, 'name')} disabled={disabled} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={10}>
                <Form.Item name={[field.name, 'purpose']} rules={rulesFor(ServiceCenterRoomSchema, 'purpose')} style={{ marginBottom: 8 }}>
                  <Input aria-label={`房间${index + 1}用途`} placeholder="用途(选填)" {...textPropsOf(ServiceCenterRoomSchema, 'purpose')} disabled={disabled} />
                </Form.Item>
              </Col>
              <Col xs={18} sm={5}>
                <Form.Item name={[field.name, 'area']} rules={rulesFor(ServiceCenterRoomSchema, 'area')} style={{ marginBottom: 8 }}>
                  <InputNumber aria-label={`房间${index + 1}面积`} placeholder="面积" {...numberPropsOf(ServiceCenterRoomSchema, 'area')} suffix="㎡" style={{ width: '100%' }} disabled={disabled} />
                </Form.Item>
              </Col>
              <Col xs={6} sm={2}>
                {!disabled && <Button icon={<DeleteOutlined />} aria-label={`删除房间${index + 1}`} onClick={() => remove(field.name)} />}
              </Col>
            </Row>
          ))}
          {!disabled && (
            <div>
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', purpose: null, area: null })} disabled={fields.length >= 40}>
                添加房间
              </Button>
            </div>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

/** 名称、地址、面积、功能室、开放时间、建设标准、建成日期:村级综合服务设施的基本信息(参照 GB/T 38699-2020)。 */
export function CenterFormFields({ disabled }: { disabled?: boolean }) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="名称" name="name" rules={rulesFor(SaveServiceCenterSchema, 'name')}>
            <Input {...textPropsOf(SaveServiceCenterSchema, 'name')} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="地址" name="address" rules={rulesFor(SaveServiceCenterSchema, 'address')}>
            <Input {...textPropsOf(SaveServiceCenterSchema, 'address')} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="建筑面积" name="floorArea" rules={rulesFor(SaveServiceCenterSchema, 'floorArea')}>
            <InputNumber {...numberPropsOf(SaveServiceCenterSchema, 'floorArea')} suffix="㎡" style={{ width: '100%' }} disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="建设标准" name="standard">
            <Select disabled={disabled} options={SERVICE_CENTER_STANDARDS.map((s) => ({ value: s, label: SERVICE_CENTER_STANDARD_LABELS[s] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="建成日期" name="builtOn">
            <DateInput disabled={disabled} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="开放时间" name="openingHours" rules={rulesFor(SaveServiceCenterSchema, 'openingHours')}>
            <Input {...textPropsOf(SaveServiceCenterSchema, 'openingHours')} placeholder="如 周一至周五 8:30-17:30" disabled={disabled} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>功能室(“四室一厅”)</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        名称、用途、面积(平方米);没有填写时按“四室一厅”列出,可增删修改。
      </Typography.Paragraph>
      <RoomsEditor disabled={disabled} />
      <Form.Item label="备注" name="note" rules={rulesFor(SaveServiceCenterSchema, 'note')} style={{ marginTop: 12 }}>
        <Input.TextArea rows={2} {...textPropsOf(SaveServiceCenterSchema, 'note')} disabled={disabled} />
      </Form.Item>
    </>
  );
}
