import { searchFold } from './search-fold';

describe('searchFold', () => {
  it('drops case and diacritics, đ included, whichever normal form the text came in', () => {
    expect(searchFold('Nguyễn Thị Lan')).toBe('nguyen thi lan');
    expect(searchFold('Đỗ Văn Đức'.normalize('NFD'))).toBe('do van duc');
    expect(searchFold('Trung tâm Khuyến công')).toContain('khuyen cong');
  });
});
