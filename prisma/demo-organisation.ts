import type { OrgKind, Role } from '../libs/domain/access-policy';

/** The demo organisation and users of API.md; codes and usernames are a contract with clients. */
export const DEMO_ORGS: { code: string; name: string; kind: OrgKind; parentCode: string | null }[] = [
  { code: 'HN', name: 'UBND thành phố Hà Nội — Ban Thi đua - Khen thưởng', kind: 'CITY', parentCode: null },
  { code: 'SCT', name: 'Sở Công Thương Hà Nội', kind: 'SO', parentCode: 'HN' },
  { code: 'DEPT-A', name: 'Phòng Quản lý Công nghiệp', kind: 'DEPARTMENT', parentCode: 'SCT' },
  { code: 'DEPT-B', name: 'Phòng Quản lý Thương mại', kind: 'DEPARTMENT', parentCode: 'SCT' },
  { code: 'U1', name: 'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp', kind: 'UNIT', parentCode: 'DEPT-A' },
  { code: 'U2', name: 'Trung tâm Phát triển công nghiệp hỗ trợ', kind: 'UNIT', parentCode: 'DEPT-A' },
  { code: 'U3', name: 'Trung tâm Xúc tiến thương mại', kind: 'UNIT', parentCode: 'DEPT-B' },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; orgCode: string }[] = [
  { username: 'u1.clerk', displayName: 'Nguyễn Thị Hồng', role: 'CLERK', orgCode: 'U1' },
  { username: 'u2.clerk', displayName: 'Trần Văn Minh', role: 'CLERK', orgCode: 'U2' },
  { username: 'u3.clerk', displayName: 'Lê Thị Thu Hà', role: 'CLERK', orgCode: 'U3' },
  { username: 'u1.head', displayName: 'Phạm Quốc Hùng', role: 'REVIEWER', orgCode: 'U1' },
  { username: 'u2.head', displayName: 'Hoàng Thị Mai', role: 'REVIEWER', orgCode: 'U2' },
  { username: 'u3.head', displayName: 'Vũ Đức Thắng', role: 'REVIEWER', orgCode: 'U3' },
  { username: 'dept-a.reviewer', displayName: 'Đỗ Thị Ngọc Ánh', role: 'REVIEWER', orgCode: 'DEPT-A' },
  { username: 'dept-b.reviewer', displayName: 'Bùi Văn Khoa', role: 'REVIEWER', orgCode: 'DEPT-B' },
  { username: 'so.council', displayName: 'Ngô Thị Thanh Hương', role: 'REVIEWER', orgCode: 'SCT' },
  { username: 'city.board', displayName: 'Đặng Quang Vinh', role: 'REVIEWER', orgCode: 'HN' },
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'ADMIN', orgCode: 'SCT' },
];

export const demoEmail = (username: string) => `${username}@demo.tdkt.hanoi.gov.vn`;
