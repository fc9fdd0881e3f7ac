/**
 * The OpenAPI document's tags, one per group of routes (`@ApiTags` on a controller), each declared
 * with what it holds: generated clients make a module of each. test/openapi.test.ts fails on an
 * operation whose tag is not here.
 */
export const API_TAGS: Record<string, string> = {
  auth: 'Signing in: dev tokens for the seeded users (AUTH_MODE=dev only), the sign-in the web app offers, and who the caller is',
  nominations:
    'Nominations (hồ sơ đề nghị khen thưởng): a unit clerk submits one for an award, and the route levels (UNIT, DEPARTMENT, SO, CITY) decide it in turn; the inbox lists what waits for the caller',
  councils: 'The council votes (hội đồng thi đua - khen thưởng) of the levels an award decides by a council, and their closing',
  'law steps':
    'The steps the law adds to a review: public posting (niêm yết công khai) and objections to it, opinions asked of other bodies, and a decision taken outside the system',
  dossiers: 'Dossier documents (hồ sơ): uploads, adding them to a nomination, and reading their content',
  catalogue: 'The award catalogue (danh hiệu, hình thức khen thưởng) in force, the document types, and the base salary the cash amounts derive from',
  delegations: 'A reviewer hands their level to a staff member for a time (ủy quyền)',
  'review rules': 'What the review checks beyond the catalogue: holds on a nominee (tạm dừng xét) and the award history eligibility reads',
  audit: 'The audit trail of every command and who gave it, and the verification of its hash chain',
  admin: 'Administrators watching stuck work: nudges, reassignments, deadlines, repairs, and email deliveries to retry',
  campaigns: 'Emulation campaigns (phong trào thi đua): their windows, results and certificates, and the schedules that open and close them',
  'award-decisions': 'Award decisions (quyết định khen thưởng): drafted from approved nominations, issued with a number and signed PDF, or revoked',
  public: 'What anyone may read without signing in: the awards granted by issued decisions',
  notifications: 'The in-app notifications of the caller',
  statistics: 'Counts of nominations and awards by unit, award, level or month, and over years; the same as a workbook',
  calendar: 'The working calendar: public holidays, weekend days worked, and working-day arithmetic for deadlines',
  organisation: 'The organisation tree (units and departments) and its users, read and replaced by administrators',
  operations: 'Health and metrics for those running the service',
};
