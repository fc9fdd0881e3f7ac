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
  // Consulted (hiệp y) on state-level awards.
  { code: 'SNV', name: 'Sở Nội vụ Hà Nội', kind: 'AGENCY', parentCode: 'HN' },
  { code: 'CATP', name: 'Công an thành phố Hà Nội', kind: 'AGENCY', parentCode: 'HN' },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; orgCode: string; councilSeat?: 'CHAIR' | 'MEMBER' }[] = [
  { username: 'u1.clerk', displayName: 'Nguyễn Thị Hồng', role: 'CLERK', orgCode: 'U1' },
  { username: 'u2.clerk', displayName: 'Trần Văn Minh', role: 'CLERK', orgCode: 'U2' },
  { username: 'u3.clerk', displayName: 'Lê Thị Thu Hà', role: 'CLERK', orgCode: 'U3' },
  { username: 'u1.head', displayName: 'Phạm Quốc Hùng', role: 'REVIEWER', orgCode: 'U1' },
  { username: 'u2.head', displayName: 'Hoàng Thị Mai', role: 'REVIEWER', orgCode: 'U2' },
  { username: 'u3.head', displayName: 'Vũ Đức Thắng', role: 'REVIEWER', orgCode: 'U3' },
  { username: 'dept-a.reviewer', displayName: 'Đỗ Thị Ngọc Ánh', role: 'REVIEWER', orgCode: 'DEPT-A' },
  { username: 'dept-b.reviewer', displayName: 'Bùi Văn Khoa', role: 'REVIEWER', orgCode: 'DEPT-B' },
  { username: 'dept-a.deputy', displayName: 'Lương Văn Tiến', role: 'STAFF', orgCode: 'DEPT-A' },
  { username: 'so.council', displayName: 'Ngô Thị Thanh Hương', role: 'REVIEWER', orgCode: 'SCT', councilSeat: 'CHAIR' },
  { username: 'so.member1', displayName: 'Trương Văn Dũng', role: 'COUNCIL_MEMBER', orgCode: 'SCT', councilSeat: 'MEMBER' },
  { username: 'so.member2', displayName: 'Lâm Thị Thu Hiền', role: 'COUNCIL_MEMBER', orgCode: 'SCT', councilSeat: 'MEMBER' },
  { username: 'so.member3', displayName: 'Cao Minh Khôi', role: 'COUNCIL_MEMBER', orgCode: 'SCT', councilSeat: 'MEMBER' },
  { username: 'so.member4', displayName: 'Đinh Thị Lan Anh', role: 'COUNCIL_MEMBER', orgCode: 'SCT', councilSeat: 'MEMBER' },
  { username: 'city.board', displayName: 'Đặng Quang Vinh', role: 'REVIEWER', orgCode: 'HN', councilSeat: 'CHAIR' },
  { username: 'city.member1', displayName: 'Hà Văn Phúc', role: 'COUNCIL_MEMBER', orgCode: 'HN', councilSeat: 'MEMBER' },
  { username: 'city.member2', displayName: 'Kiều Thị Ngân', role: 'COUNCIL_MEMBER', orgCode: 'HN', councilSeat: 'MEMBER' },
  { username: 'city.member3', displayName: 'Tạ Quốc Bảo', role: 'COUNCIL_MEMBER', orgCode: 'HN', councilSeat: 'MEMBER' },
  { username: 'city.member4', displayName: 'Chu Thị Yến', role: 'COUNCIL_MEMBER', orgCode: 'HN', councilSeat: 'MEMBER' },
  { username: 'admin', displayName: 'Quản trị hệ thống', role: 'ADMIN', orgCode: 'SCT' },
  { username: 'snv.officer', displayName: 'Nguyễn Văn Bình', role: 'STAFF', orgCode: 'SNV' },
  { username: 'catp.officer', displayName: 'Trần Quốc Cường', role: 'STAFF', orgCode: 'CATP' },
];

export const demoEmail = (username: string) => `${username}@demo.tdkt.hanoi.gov.vn`;
