/** Attachments a secretary actually has: Word/WPS, PDF, Excel, pictures and plain text. Checked by content, not only by name. */
export const ATTACHMENT_TYPES: { ext: RegExp; mime: string; magic?: number[] }[] = [
  { ext: /\.pdf$/i, mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: /\.docx$/i, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b] },
  { ext: /\.xlsx$/i, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b] },
  { ext: /\.(doc|xls|wps)$/i, mime: 'application/octet-stream', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  { ext: /\.jpe?g$/i, mime: 'image/jpeg', magic: [0xff, 0xd8] },
  { ext: /\.png$/i, mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: /\.txt$/i, mime: 'text/plain; charset=utf-8' },
];

/** A file name safe for a Content-Disposition header and a zip entry. */
export const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(-100) || '附件';
