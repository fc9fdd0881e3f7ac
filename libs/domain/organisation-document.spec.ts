import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOrganisationDocument, type OrganisationDocument } from './organisation-document';
import { parseUsersCsv } from './organisation-users-csv';

const example = (): OrganisationDocument =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'deploy', 'organisation.example.json'), 'utf8')) as OrganisationDocument;
const paths = (input: unknown) => readOrganisationDocument(input).problems.map((p) => p.path);

describe('an organisation document', () => {
  it('the example file of the demo organisation is valid', () => {
    expect(readOrganisationDocument(example())).toEqual({ document: example(), problems: [] });
  });

  it('reports every problem of shape and of rule at once, each at its path, in the order of the document', () => {
    const doc = example();
    const city = doc.orgs.findIndex((o) => o.code === 'HN');
    doc.orgs.push(
      { code: 'U1', name: 'Trùng mã', kind: 'UNIT', parentCode: 'DEPT-A' },
      { code: 'HN2', name: 'Thành phố thứ hai', kind: 'CITY', parentCode: null },
      { code: 'U9', name: 'Đơn vị dưới Sở', kind: 'UNIT', parentCode: 'SCT' },
      { code: 'U10', name: 'Đơn vị mồ côi', kind: 'UNIT', parentCode: 'NOWHERE' },
      { code: 'U11', name: '', kind: 'UNIT', parentCode: 'DEPT-A' },
    );
    doc.orgs[city]!.parentCode = 'SCT';
    doc.users.push(
      { username: 'u1.clerk', displayName: 'Trùng', email: '', role: 'CLERK', orgCode: 'U1', councilSeat: null },
      { username: 'x.clerk', displayName: 'Văn thư Sở', email: 'không phải email', role: 'CLERK', orgCode: 'SCT', councilSeat: null },
      { username: 'x.clerk2', displayName: 'Văn thư Sở', email: '', role: 'CLERK', orgCode: 'SCT', councilSeat: null },
      { username: 'x.lost', displayName: 'Lạc', email: '', role: 'STAFF', orgCode: 'NOWHERE', councilSeat: null },
      { username: 'x.chair', displayName: 'Chủ tịch thứ hai', email: '', role: 'REVIEWER', orgCode: 'SCT', councilSeat: 'CHAIR' },
      { username: 'x.seat', displayName: 'Ghế ở phòng', email: '', role: 'REVIEWER', orgCode: 'DEPT-A', councilSeat: 'MEMBER' },
      { username: 'x.member', displayName: 'Không ghế', email: '', role: 'COUNCIL_MEMBER', orgCode: 'HN', councilSeat: null },
      { username: 'x.u11', displayName: 'Ở đơn vị hỏng', email: '', role: 'CLERK', orgCode: 'U11', councilSeat: null },
    );
    const n = example().users.length;
    expect(paths(doc)).toEqual([
      `orgs[${city}].parentCode`,
      'orgs[9].code',
      'orgs[10].kind',
      'orgs[11].parentCode',
      'orgs[12].parentCode',
      'orgs[13].name',
      `users[${n}].username`,
      // An entry refused for its shape is not judged by the rules as well.
      `users[${n + 1}].email`,
      `users[${n + 2}].role`,
      `users[${n + 3}].orgCode`,
      `users[${n + 4}].councilSeat`,
      `users[${n + 5}].councilSeat`,
      `users[${n + 6}].councilSeat`,
    ]);
  });

  it('takes a state enterprise under a department, with its clerk and its director, and nowhere else', () => {
    const doc = example();
    doc.orgs.push(
      { code: 'DN1', name: 'Công ty TNHH MTV Điện lực', kind: 'ENTERPRISE', parentCode: 'DEPT-A' },
      { code: 'DN2', name: 'Doanh nghiệp dưới Sở', kind: 'ENTERPRISE', parentCode: 'SCT' },
    );
    doc.users.push(
      { username: 'dn1.clerk', displayName: 'Văn thư doanh nghiệp', email: '', role: 'CLERK', orgCode: 'DN1', councilSeat: null },
      { username: 'dn1.director', displayName: 'Giám đốc doanh nghiệp', email: '', role: 'REVIEWER', orgCode: 'DN1', councilSeat: null },
    );
    expect(paths(doc)).toEqual([`orgs[${doc.orgs.length - 1}].parentCode`]);
  });

  it('needs one city, an admin, and a chair on each council', () => {
    const doc = example();
    doc.orgs = doc.orgs.filter((o) => o.kind !== 'CITY');
    doc.users = doc.users.filter((u) => u.role !== 'ADMIN' && u.username !== 'so.council');
    const problems = readOrganisationDocument(doc).problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['orgs', 'users']));
    expect(problems.map((p) => p.message).join('\n')).toMatch(/Hội đồng của SCT chưa có chủ tịch/);
  });

  it('refuses a field the contract does not have, and a document that is not one', () => {
    const doc = example() as unknown as { orgs: Record<string, unknown>[] };
    doc.orgs[0]!.active = true;
    expect(paths(doc)).toEqual(['orgs[0].active']);
    expect(paths([])).toEqual(['body']);
    expect(paths({ orgs: [] })).toEqual(['orgs', 'users']);
  });
});

describe('a users CSV file', () => {
  const header = 'username,displayName,email,role,orgCode,councilSeat';

  it('reads each line into a user, a blank seat as none', () => {
    const { lines, errors } = parseUsersCsv(
      `${header}\r\nu4.clerk,"Nguyễn Văn An",an@congthuong.hanoi.gov.vn,CLERK,U1,\r\nso.member5, Đỗ Văn Bình ,,COUNCIL_MEMBER,SCT,MEMBER\r\n`,
    );
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      {
        line: 2,
        user: { username: 'u4.clerk', displayName: 'Nguyễn Văn An', email: 'an@congthuong.hanoi.gov.vn', role: 'CLERK', orgCode: 'U1', councilSeat: null },
      },
      { line: 3, user: { username: 'so.member5', displayName: 'Đỗ Văn Bình', email: '', role: 'COUNCIL_MEMBER', orgCode: 'SCT', councilSeat: 'MEMBER' } },
    ]);
  });

  it('reports every bad line by its number, the column in the message', () => {
    const { errors } = parseUsersCsv(`${header}\nok.user,An,,CLERK,U1,\nbad user,An,,CLERK,U1,\nx,An,,BOSS,U1,\nshort,An\n`);
    expect(errors.map((e) => e.path)).toEqual(['line:3', 'line:4', 'line:5']);
    expect(errors[1]!.message).toMatch(/^role: /);
    expect(parseUsersCsv('name,role\n').errors).toEqual([{ path: 'line:1', message: expect.stringContaining(header) }]);
  });
});
