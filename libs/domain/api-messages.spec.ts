import { API_MESSAGES } from './api-messages';
import { RULE_MESSAGES, unknownFieldMessage, VALIDATION_FAILED_MESSAGE } from './validation-messages';

type Entry = string | ((...args: never[]) => string) | { readonly [key: string]: Entry };

/** Arguments for every message that takes some, by its path in the table: a message added without one fails the walk. */
const SAMPLES: Record<string, unknown[]> = {
  'common.rateLimited': [60, 12],
  'nomination.objectionLimit': [3],
  'nomination.objectionLimitDetail': [3],
  'common.internal': ['3f2b9c1e-0000-4000-8000-000000000000'],
  'auth.accountUnknown': ['u9.clerk'],
  'auth.roleNotAllowed': [['ADMIN', 'REVIEWER'], 'u1.clerk', 'CLERK'],
  'review.notReviewerOfLevel': ['u1.head', 'SO'],
  'review.notReviewerOfNominationLevel': ['u1.head', 'SO'],
  'review.notReviewerOfCurrentLevel': ['u1.head'],
  'review.noSuchUser': ['u9.head'],
  'review.roleReviewsNothing': ['CLERK'],
  'review.levelNotOnRoute': ['CITY'],
  'review.notStaffOfReviewingOrg': [{ code: 'DEPT-A', name: 'Phòng Quản lý Công nghiệp' }, 'DEPARTMENT'],
  'delegation.deputyRoleRefused': ['ADMIN'],
  'delegation.deputyNotStaff': [{ code: 'DEPT-A', name: 'Phòng Quản lý Công nghiệp' }],
  'delegation.startsBeforeToday': ['2026-03-02'],
  'delegation.periodTooLong': [90],
  'upload.unexpectedFilePart': ['attachment'],
  'upload.waitingLimit': [50],
  'upload.fileTooLarge': [20_971_520],
  'upload.fileSizeLimit': [20_971_520],
  'upload.typeOneOf': [['TO_TRINH', 'BIEN_BAN_HOP']],
  'upload.nominationFull': [30],
  'upload.nominationLimit': [30],
  'upload.documentsLimit': [30],
  'campaign.codeTaken': ['TD-2026'],
  'campaign.acceptedAwards': [['CSTD_CO_SO', 'BANG_KHEN_UBND_TP']],
  'campaign.notAccepting': ['CLOSED'],
  'admin.notAUnit': ['DEPT-A'],
  'admin.noReviewer': ['Phòng', 'Phòng Quản lý Công nghiệp'],
  'admin.csvErrors': [3],
  'admin.baseSalaryOnDay': ['2026-07-01', 2_340_000],
  'admin.nothingToRedrive': ['APPROVED'],
  'request.idUsedFor': ['decide'],
  'request.stepTaken': [4],
  'nomination.submitOwnUnitOnly': ['u2.clerk', 'U2'],
  'nomination.awardNotInCatalogue': ['2026.1'],
  'nomination.awardNomineeKinds': ['CSTD_CO_SO', ['INDIVIDUAL']],
  'nomination.dossierIncomplete': [['Tờ trình', 'Biên bản họp']],
  'nomination.documentMissing': ['Biên bản họp'],
  'nomination.inStatus': ['RETURNED'],
  'nomination.cannotDecide': ['APPROVED'],
  'nomination.awaitsOtherLevel': ['DEPARTMENT', 'UNIT'],
  'nomination.currentLevelIs': ['DEPARTMENT'],
  'nomination.postingUntil': ['2026-03-20'],
  'nomination.consultingUntil': ['2026-03-27'],
  'nomination.agencyNotConsulted': ['SNV'],
  'nomination.notInConsultedAgency': ['snv.staff'],
  'nomination.agencyAnswered': ['SNV'],
  'nomination.agencyOverdue': ['SNV', '2026-03-27'],
  'nomination.externalOnlyForwarded': ['IN_REVIEW'],
  'nomination.resubmitOnlyReturned': ['IN_REVIEW'],
  'nomination.withdrawFinal': ['APPROVED'],
  'nomination.quotaExhausted': [
    { unit: { code: 'U1', name: 'Trung tâm Khuyến công' }, awardCode: 'CSTD_CO_SO', year: 2026, cap: 2, percent: 15, base: 14, of: 'LAO_DONG_TIEN_TIEN' },
  ],
  'nomination.quotaUsage': [2, 2],
  'council.decidesByVote': ['SO'],
  'council.noVoteAtLevel': ['UNIT'],
  'council.awaitsLevelWithoutVote': ['UNIT'],
  'council.notMember': ['u1.head', 'SO'],
  'rules.unsafeCharacter': [{ kind: 'control', codePoint: 'U+0000', position: 3 }],
  'rules.commentRequired': ['RETURN'],
};

/** Every message of the table as a user reads it, by its path. */
function* rendered(entry: Entry, path: string): Generator<[string, string]> {
  if (typeof entry === 'string') yield [path, entry];
  else if (typeof entry === 'function') {
    const args = SAMPLES[path];
    if (!args) throw new Error(`api-messages.spec: no sample arguments for ${path}`);
    yield [path, (entry as (...a: unknown[]) => string)(...args)];
  } else for (const [key, value] of Object.entries(entry)) yield* rendered(value, path ? `${path}.${key}` : key);
}

const all: [string, string][] = [
  ...rendered(API_MESSAGES, ''),
  ...rendered(RULE_MESSAGES, 'rules'),
  ['validation.failed', VALIDATION_FAILED_MESSAGE],
  ['validation.unknownField', unknownFieldMessage('extra')],
];

// Letters only Vietnamese writes (precomposed; the table is stored in NFC): a sentence in Vietnamese has some.
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
const ENGLISH_WORD =
  /\b(the|is|are|was|be|not|no|must|may|only|of|and|or|to|at|for|with|cannot|already|found|required|invalid|unknown|expected|too|please|retry)\b/i;

describe('API_MESSAGES and the validation messages', () => {
  it.each(all)('%s is Vietnamese, with no English sentence in it', (_, message) => {
    expect(message.trim()).not.toBe('');
    expect(message).toMatch(VIETNAMESE_LETTER);
    expect(message).not.toMatch(ENGLISH_WORD);
    expect(message).toBe(message.normalize('NFC'));
  });

  it('has every sample it is walked with in the table, so none is left over from a removed message', () => {
    const paths = new Set(all.map(([path]) => path));
    expect(Object.keys(SAMPLES).filter((path) => !paths.has(path))).toEqual([]);
  });

  it('writes no message twice', () => {
    const seen = new Map<string, string>();
    const twice = all.filter(([path, message]) => seen.has(message) || !seen.set(message, path));
    expect(twice).toEqual([]);
  });

  it('names roles and nominee kinds in Vietnamese', () => {
    expect(API_MESSAGES.auth.roleNotAllowed(['ADMIN'], 'u1.clerk', 'CLERK')).toBe(
      'Chức năng này chỉ dành cho quản trị viên; tài khoản u1.clerk là văn thư đơn vị',
    );
    expect(API_MESSAGES.nomination.awardNomineeKinds('CSTD_CO_SO', ['INDIVIDUAL', 'COLLECTIVE'])).toBe('CSTD_CO_SO chỉ xét cho cá nhân hoặc tập thể');
  });
});
