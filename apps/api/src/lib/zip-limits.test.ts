import { describe, expect, it } from 'vitest';
import { createSlots } from './slots.js';
import { cellCounter } from './zip-limits.js';

describe('cellCounter (issue 12 point 5, xlsx limits)', () => {
  it('counts each cell once, however the XML is split into chunks', () => {
    const xml = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"/><x:c r="C1"></x:c><col min="1"/><cols/><cfRule/></row>';
    for (let size = 1; size <= xml.length; size++) {
      const counter = cellCounter();
      let cells = 0;
      for (let at = 0; at < xml.length; at += size) cells = counter.add(Buffer.from(xml.slice(at, at + size), 'latin1'));
      expect(cells, `chunks of ${size}`).toBe(3);
    }
  });
});

describe('createSlots (issue 12 point 5, at most N imports parse at once)', () => {
  it('grants up to the size, hands a freed slot to the first waiter, and answers null after the wait', async () => {
    const slots = createSlots(() => 1);
    const first = await slots.acquire(0);
    expect(first).toBeTypeOf('function');
    expect(await slots.acquire(0)).toBeNull();
    const waiting = slots.acquire(1000);
    first?.();
    const second = await waiting;
    expect(second).toBeTypeOf('function');
    expect(slots.busy).toBe(1);
    expect(await slots.acquire(20)).toBeNull();
    second?.();
    second?.();
    expect(slots.busy).toBe(0);
  });
});
