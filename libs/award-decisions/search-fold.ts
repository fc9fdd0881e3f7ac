/** Lower case without diacritics (đ too), so that "nguyen thi lan" finds "Nguyễn Thị Lan". */
export function searchFold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}
