/** The papers of a dossier (hồ sơ đề nghị), as DOMAIN.md names them; dossier templates: Thông tư 15/2025/TT-BNV. */
export const DOCUMENT_TYPES = {
  TO_TRINH: 'Tờ trình',
  BAO_CAO_THANH_TICH: 'Báo cáo thành tích',
  BIEN_BAN_HOP: 'Biên bản họp',
  XAC_NHAN_SANG_KIEN: 'Xác nhận sáng kiến, đề tài',
  KHAC: 'Tài liệu khác',
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]];
