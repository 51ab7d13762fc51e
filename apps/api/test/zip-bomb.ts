import { createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A zip bomb shaped like an xlsx, made at test time (nothing big is committed): a real workbook's parts and one sheet
 * whose XML is `sheetMegabytes` MB of the same cell repeated, which deflate packs about 1000:1 (256 MB → ~250 KB),
 * as the security probe's 414 KB file that unpacked to 400 MB. The sheet is deflated as a stream, so the test holds
 * only the compressed bytes. CRCs are left 0: exceljs (JSZip) does not check them and neither do the limits.
 * `lie` writes a declared size of 1 KB for the sheet, as a hand-made bomb would, to fool a check of the directory alone.
 */
export async function xlsxBomb(options: { sheetMegabytes?: number; lie?: boolean; cell?: string } = {}): Promise<Buffer> {
  const { sheetMegabytes = 256, lie = false, cell = '<c r="A1" t="n"><v>1</v></c>' } = options;
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">';
  const tail = '</row></sheetData></worksheet>';
  const block = Buffer.from(cell.repeat(Math.ceil((1 << 20) / cell.length)));
  const blocks = Math.ceil((sheetMegabytes * (1 << 20)) / block.length);
  const sheet = await deflateStream([Buffer.from(head), ...Array<Buffer>(blocks).fill(block), Buffer.from(tail)]);
  const sheetSize = head.length + blocks * block.length + tail.length;
  return zip([
    ...PARTS.map(([name, text]) => ({ name, data: deflateSync(text), size: Buffer.byteLength(text) })),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, size: lie ? 1024 : sheetSize },
  ]);
}

const PARTS: [string, string][] = [
  ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'],
  ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
  ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'],
  ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
];

const deflateSync = (text: string): Buffer => deflateRawSync(Buffer.from(text));

function deflateStream(chunks: Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const deflate = createDeflateRaw({ level: 9 });
    deflate.on('data', (c: Buffer) => out.push(c));
    deflate.on('end', () => resolve(Buffer.concat(out)));
    deflate.on('error', reject);
    let i = 0;
    const pump = () => {
      while (i < chunks.length) if (!deflate.write(chunks[i++])) return void deflate.once('drain', pump);
      deflate.end();
    };
    pump();
  });
}

/** A plain zip (no zip64, no data descriptors) of already deflated entries. */
function zip(entries: { name: string; data: Buffer; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
