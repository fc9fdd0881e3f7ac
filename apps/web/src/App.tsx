import { useEffect, type ReactNode } from 'react';
import { useNotifications } from './api/queries';
import type { Me } from './api/models';
import { Announcements } from './components/Announcer';
import { ROLE_NAMES } from './lib/format';
import { Link, match, useRouter } from './lib/router';
import { AllNominations, UnitNominations } from './pages/NominationLists';
import { AuditTrail } from './pages/AuditTrail';
import { AwardHistory } from './pages/AwardHistory';
import { Calendar } from './pages/Calendar';
import { Campaign, Campaigns } from './pages/Campaigns';
import { CreateNomination } from './pages/CreateNomination';
import { AwardDecisions } from './pages/AwardDecisions';
import { Holds } from './pages/Holds';
import { Inbox } from './pages/Inbox';
import { NominationPage } from './pages/Nomination';
import { OrganisationPage } from './pages/Organisation';
import { Notifications } from './pages/Notifications';
import { SignIn } from './pages/SignIn';
import { StatisticsPage } from './pages/Statistics';
import { Stuck } from './pages/Stuck';
import { useSession } from './session';

// Staff review no level of their own, but an admin may reassign one to them (or a reviewer delegate it).
const reviews = (me: Me) => me.reviewsLevel !== null || me.role === 'STAFF';
const seesUnit = (me: Me) => me.role === 'CLERK' || (me.role === 'REVIEWER' && me.reviewsLevel === 'UNIT');
const isAdmin = (me: Me) => me.role === 'ADMIN';

/** Where a user lands after signing in: the page of their daily work. */
function home(me: Me): string {
  if (isAdmin(me)) return '/tat-ca';
  if (me.role === 'CLERK') return '/don-vi';
  if (reviews(me)) return '/hop-viec';
  return '/thong-bao';
}

function Page({ path, me }: { path: string; me: Me }): ReactNode {
  const nomination = match('/ho-so/:id', path);
  if (nomination) return <NominationPage key={nomination.id} id={nomination.id!} />;
  const campaign = match('/dot-thi-dua/:id', path);
  if (campaign) return <Campaign key={campaign.id} id={campaign.id!} />;
  switch (path.split('?')[0]) {
    case '/hop-viec':
      return <Inbox />;
    case '/don-vi':
      return <UnitNominations />;
    case '/don-vi/tao-moi':
      return <CreateNomination />;
    case '/tat-ca':
      return <AllNominations />;
    case '/thong-bao':
      return <Notifications />;
    case '/bi-cham':
      return <Stuck />;
    case '/dot-thi-dua':
      return <Campaigns />;
    case '/lich-lam-viec':
      return <Calendar />;
    case '/lich-su-khen-thuong':
      return <AwardHistory />;
    case '/tam-hoan':
      return <Holds />;
    case '/quyet-dinh-khen-thuong':
      return <AwardDecisions />;
    case '/thong-ke':
      return <StatisticsPage />;
    case '/nhat-ky-kiem-toan':
      return <AuditTrail />;
    case '/to-chuc':
      return <OrganisationPage />;
    default:
      return <Landing to={home(me)} />;
  }
}

function Landing({ to }: { to: string }) {
  const { navigate } = useRouter();
  // Replaced, not pushed: Back must not return to a page that only redirects.
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Navigation({ me }: { me: Me }) {
  const { path } = useRouter();
  const unread = (useNotifications().data?.items ?? []).filter((n) => !n.readAt).length;
  const { signOut } = useSession();
  const current = (to: string) => (path === to || path.startsWith(`${to}/`) ? ('page' as const) : undefined);
  const links: [string, string, boolean][] = [
    ['/hop-viec', 'Hộp việc', reviews(me)],
    ['/don-vi', 'Hồ sơ của đơn vị', seesUnit(me)],
    ['/tat-ca', 'Tất cả hồ sơ', isAdmin(me)],
    ['/dot-thi-dua', 'Đợt thi đua', true],
    ['/thong-bao', unread > 0 ? `Thông báo (${unread})` : 'Thông báo', true],
    ['/bi-cham', 'Hồ sơ bị chậm', isAdmin(me)],
    ['/thong-ke', 'Thống kê', isAdmin(me) || reviews(me)],
    ['/lich-lam-viec', 'Lịch làm việc', isAdmin(me)],
    ['/lich-su-khen-thuong', 'Lịch sử khen thưởng', isAdmin(me)],
    ['/tam-hoan', 'Tạm hoãn xét khen thưởng', isAdmin(me)],
    ['/nhat-ky-kiem-toan', 'Nhật ký kiểm toán', isAdmin(me)],
    ['/to-chuc', 'Tổ chức và người dùng', isAdmin(me)],
    ['/quyet-dinh-khen-thuong', 'Quyết định khen thưởng', isAdmin(me)],
  ];
  return (
    <header className="top">
      <nav aria-label="Điều hướng chính">
        <ul>
          {links
            .filter(([, , shown]) => shown)
            .map(([to, label]) => (
              <li key={to}>
                <Link to={to} aria-current={current(to)}>
                  {label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <div className="who">
        <span>
          {me.displayName} <small>({ROLE_NAMES[me.role] ?? me.role})</small>
        </span>
        <button type="button" className="secondary" onClick={signOut}>
          Đăng xuất
        </button>
      </div>
    </header>
  );
}

export function App() {
  const { me } = useSession();
  const { path } = useRouter();
  if (!me) return <SignIn />;
  return (
    <>
      <a className="skip" href="#main">
        Bỏ qua điều hướng
      </a>
      <Navigation me={me} />
      <main id="main" tabIndex={-1}>
        <Announcements />
        <Page path={path} me={me} />
      </main>
    </>
  );
}
